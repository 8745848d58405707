/** A worklist item as the planner needs it (GET /gestion/mi-trabajo). */
export interface ItemLista {
  clienteId: string;
  razonSocial: string;
  motivo: string;
  saldoVencido: number | string;
  diasMora: number;
}

export interface CandidatoRuta {
  clienteId: string;
  razonSocial: string;
  /** Its first (most urgent) reason in the worklist. */
  motivo: string;
  saldoVencido: number | string;
  diasMora: number;
  /** 1 = the worklist's first client. */
  prioridad: number;
}

/** The worklist's clients once each, in the worklist's order (a client with several tasks keeps its first place). */
export function candidatosDeLista(items: readonly ItemLista[]): CandidatoRuta[] {
  const vistos = new Set<string>();
  const candidatos: CandidatoRuta[] = [];
  for (const i of items) {
    if (vistos.has(i.clienteId)) continue;
    vistos.add(i.clienteId);
    candidatos.push({
      clienteId: i.clienteId,
      razonSocial: i.razonSocial,
      motivo: i.motivo,
      saldoVencido: i.saldoVencido,
      diasMora: i.diasMora,
      prioridad: candidatos.length + 1,
    });
  }
  return candidatos;
}

/** A client goes on the map with its own coordinates or its comuna's centroid; without either it cannot be placed. */
export const esUbicable = (origen: string | undefined) => origen === 'cliente' || origen === 'comuna';

/**
 * The chosen clients to add to the route, in the worklist's priority order, skipping those already on it and those
 * that cannot be placed.
 */
export function aAgregar(
  candidatos: readonly CandidatoRuta[],
  elegidos: ReadonlySet<string>,
  enRuta: readonly string[],
  origenes: Readonly<Record<string, string>>,
): string[] {
  return candidatos
    .filter(
      (c) => elegidos.has(c.clienteId) && !enRuta.includes(c.clienteId) && esUbicable(origenes[c.clienteId]),
    )
    .map((c) => c.clienteId);
}

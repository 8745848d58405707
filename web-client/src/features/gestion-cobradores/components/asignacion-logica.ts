/** Pure logic of the assignment screen (rules editor, bulk reassignment, recalculation preview). */

export interface ReglaEditable {
  tipo: 'segmento' | 'cuenta_clave';
  segmento: string | null;
  cobradorId: string;
}

/** The rules with the one at `indice` moved by `delta` places (clamped to the list). */
export function moverRegla<T>(reglas: readonly T[], indice: number, delta: number): T[] {
  const destino = Math.max(0, Math.min(reglas.length - 1, indice + delta));
  const copia = [...reglas];
  const [regla] = copia.splice(indice, 1);
  if (regla === undefined) return copia;
  copia.splice(destino, 0, regla);
  return copia;
}

const clave = (r: ReglaEditable) =>
  r.tipo === 'cuenta_clave'
    ? 'cuenta_clave'
    : `segmento:${(r.segmento ?? '').normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase()}`;

/** A message per rule the server would refuse (missing data, or a segment / key account ruled twice: only the first counts). */
export function erroresReglas(reglas: readonly ReglaEditable[]): (string | null)[] {
  const vistas = new Set<string>();
  return reglas.map((r) => {
    if (!r.cobradorId) return 'Elija el cobrador.';
    if (r.tipo === 'segmento' && !r.segmento?.trim()) return 'Elija el segmento.';
    const k = clave(r);
    if (vistas.has(k)) return 'Repetida: ya hay una regla para esto más arriba.';
    vistas.add(k);
    return null;
  });
}

export interface FormReasignacion {
  desdeCobradorId: string | null;
  segmento: string | null;
  region: string | null;
  comuna: string | null;
  carteraId: string | null;
  haciaCobradorId: string | null;
}

const nulo = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** The body of the bulk reassignment, or the reason it cannot be sent yet. */
export function cuerpoReasignacion(
  f: FormReasignacion,
  simular: boolean,
):
  | {
      cuerpo: {
        desdeCobradorId: string | null;
        clienteIds: null;
        filtro: {
          segmento: string | null;
          region: string | null;
          comuna: string | null;
          carteraId: string | null;
        };
        haciaCobradorId: string;
        simular: boolean;
      };
    }
  | { error: string } {
  if (!f.haciaCobradorId) return { error: 'Elija el cobrador que recibe los clientes.' };
  const filtro = {
    segmento: nulo(f.segmento),
    region: nulo(f.region),
    comuna: nulo(f.comuna),
    carteraId: nulo(f.carteraId),
  };
  const desde = nulo(f.desdeCobradorId);
  if (!desde && !filtro.segmento && !filtro.region && !filtro.comuna && !filtro.carteraId)
    return { error: 'Indique de qué cobrador o con qué filtro se eligen los clientes.' };
  if (desde && desde === f.haciaCobradorId)
    return { error: 'El cobrador de origen y el de destino son el mismo.' };
  return {
    cuerpo: { desdeCobradorId: desde, clienteIds: null, filtro, haciaCobradorId: f.haciaCobradorId, simular },
  };
}

export interface CambioVista {
  cobradorAnterior?: string | null;
  cobradorNuevo?: string | null;
}

/** How many clients each collector gains and loses in a recalculation preview, biggest movement first. */
export function balancePorCobrador(
  cambios: readonly CambioVista[],
): { cobrador: string; entran: number; salen: number }[] {
  const sin = 'Sin cobrador';
  const mapa = new Map<string, { entran: number; salen: number }>();
  const fila = (n: string) => mapa.get(n) ?? mapa.set(n, { entran: 0, salen: 0 }).get(n)!;
  for (const c of cambios) {
    const antes = c.cobradorAnterior ?? sin;
    const despues = c.cobradorNuevo ?? sin;
    if (antes === despues) continue;
    fila(antes).salen++;
    fila(despues).entran++;
  }
  return [...mapa.entries()]
    .map(([cobrador, v]) => ({ cobrador, ...v }))
    .sort((a, b) => b.entran + b.salen - (a.entran + a.salen) || a.cobrador.localeCompare(b.cobrador, 'es'));
}

const nombresOrigen: Record<string, string> = {
  manual: 'Manual',
  cartera: 'Cartera',
  segmento: 'Segmento',
  cuenta_clave: 'Cuenta clave',
  zona: 'Zona (comuna, luego región)',
};

/** How an assignment's origin reads on screen. */
export const nombreOrigen = (o?: string | null) => (o ? (nombresOrigen[o] ?? o) : '—');

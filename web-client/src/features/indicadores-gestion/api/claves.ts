/** Query keys of the collection KPIs: one root, so a change to the cost table refreshes every KPI. */
export const clavesIndicadores = {
  todas: ['indicadores-gestion'] as const,
  compromisos: (f: object) => ['indicadores-gestion', 'compromisos', f] as const,
  productividad: (f: object) => ['indicadores-gestion', 'productividad', f] as const,
  costo: (f: object) => ['indicadores-gestion', 'costo', f] as const,
  casos: (f: object) => ['indicadores-gestion', 'casos', f] as const,
  tablaCostos: ['indicadores-gestion', 'tabla-costos'] as const,
  cobradores: ['indicadores-gestion', 'cobradores'] as const,
};

/** The filters every KPI takes (the server narrows to the clients they leave). */
export interface FiltrosIndicador {
  desde?: string;
  hasta?: string;
  cobradorId?: string;
  segmento?: string;
  carteraId?: string;
  grupoId?: string;
}

/** Query keys of promises and disputes; a payment changes promises, so Cartera's invalidations do not reach them: we refetch on focus. */
export const clavesGestion = {
  compromisos: ['gestion', 'compromisos'] as const,
  listaCompromisos: (filtros: object) => ['gestion', 'compromisos', filtros] as const,
  disputas: ['gestion', 'disputas'] as const,
  listaDisputas: (filtros: object) => ['gestion', 'disputas', filtros] as const,
  motivos: ['gestion', 'motivos-disputa'] as const,
};

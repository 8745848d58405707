export const clavesRutas = {
  todo: ['terreno', 'rutas'] as const,
  rutas: (fecha: string, cobradorId: string | null) => ['terreno', 'rutas', fecha, cobradorId] as const,
  ruta: (id: string) => ['terreno', 'rutas', 'detalle', id] as const,
  cobradores: ['terreno', 'rutas', 'cobradores'] as const,
  clientes: (buscar: string) => ['terreno', 'rutas', 'clientes', buscar] as const,
  listaTrabajo: (cobradorId: string, fecha: string) =>
    ['terreno', 'rutas', 'lista-trabajo', cobradorId, fecha] as const,
  ubicaciones: (ids: readonly string[]) => ['terreno', 'rutas', 'ubicaciones', ids] as const,
  informe: (desde: string, hasta: string) => ['terreno', 'informe', desde, hasta] as const,
  recibos: (desde: string, hasta: string) => ['terreno', 'recibos', desde, hasta] as const,
};

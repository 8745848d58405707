/** Query keys shared across features so that invalidations reach every screen. */
export const claves = {
  sesion: ['sesion'] as const,
  clientes: {
    todos: ['clientes'] as const,
    lista: (filtros: object) => ['clientes', 'lista', filtros] as const,
    detalle: (id: string) => ['clientes', 'detalle', id] as const,
    historial: (id: string) => ['clientes', 'detalle', id, 'historial'] as const,
    contactos: (id: string) => ['clientes', 'detalle', id, 'contactos'] as const,
  },
  politicas: ['politicas-credito'] as const,
  gruposClientes: {
    todos: ['grupos-clientes'] as const,
    detalle: (id: string) => ['grupos-clientes', id] as const,
  },
  gruposContactos: {
    todos: ['grupos-contactos'] as const,
    detalle: (id: string) => ['grupos-contactos', id] as const,
  },
  /** Everything under `cartera` depends on documents and payments: one invalidation refreshes it all. */
  cartera: {
    todo: ['cartera'] as const,
    documentos: (filtros: object) => ['cartera', 'documentos', filtros] as const,
    documento: (id: string) => ['cartera', 'documento', id] as const,
    pagos: (filtros: object) => ['cartera', 'pagos', filtros] as const,
    pago: (id: string) => ['cartera', 'pago', id] as const,
    antiguedad: (filtros: object) => ['cartera', 'antiguedad', filtros] as const,
    estadoCuenta: (clienteId: string, filtros: object) =>
      ['cartera', 'estado-cuenta', clienteId, filtros] as const,
    valoresUf: (filtros: object) => ['cartera', 'valores-uf', filtros] as const,
  },
  usuarios: ['usuarios'] as const,
  apiKeys: ['api-keys'] as const,
  auditoria: (filtros: object) => ['auditoria', filtros] as const,
  invitacion: (token: string) => ['invitacion', token] as const,
};

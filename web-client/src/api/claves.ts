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
  usuarios: ['usuarios'] as const,
  apiKeys: ['api-keys'] as const,
  auditoria: (filtros: object) => ['auditoria', filtros] as const,
  invitacion: (token: string) => ['invitacion', token] as const,
};

export const clavesEnvios = {
  todos: ['notificaciones', 'envios'] as const,
  lista: (filtros: object) => ['notificaciones', 'envios', 'lista', filtros] as const,
  resumen: (desde?: string, hasta?: string) => ['notificaciones', 'envios', 'resumen', desde, hasta] as const,
  detalle: (id: string) => ['notificaciones', 'envios', 'detalle', id] as const,
  respuesta: (id: string) => ['notificaciones', 'respuestas', id] as const,
};

/** Query keys of the activity log, shared by the client page and "Mi trabajo". */
export const clavesActividades = {
  todo: ['gestion', 'actividades'] as const,
  cliente: (clienteId: string) => ['gestion', 'actividades', 'cliente', clienteId] as const,
  tipos: ['gestion', 'tipos-actividad'] as const,
  reglas: (clienteId: string, canal: string) => ['gestion', 'reglas-contacto', clienteId, canal] as const,
};

/** Query keys of the worklist, tasks and calendar: a change to a task refreshes all of them. */
export const clavesTrabajo = {
  todo: ['gestion', 'trabajo'] as const,
  miTrabajo: (filtros: object) => ['gestion', 'trabajo', 'mi-trabajo', filtros] as const,
  calendario: (filtros: object) => ['gestion', 'trabajo', 'calendario', filtros] as const,
  cobradores: ['gestion', 'trabajo', 'cobradores'] as const,
};

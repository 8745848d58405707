/** Credit states of a client. */
export const estadosCredito = [
  { value: 'vigente', label: 'Vigente' },
  { value: 'suspendido', label: 'Suspendido' },
  { value: 'bloqueado', label: 'Bloqueado' },
];

export function nombreEstado(estado: string | null | undefined): string {
  return estadosCredito.find((e) => e.value === estado)?.label ?? estado ?? '';
}

import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export const claveResponsable = (clienteId: string) => ['gestion', 'asignacion', clienteId] as const;

/** The client's responsible collector (404 when the caller may not see the client). */
export function useResponsableCliente(clienteId: string) {
  return useQuery({
    queryKey: claveResponsable(clienteId),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/gestion/asignaciones/{clienteId}', { params: { path: { clienteId } }, signal })),
  });
}

import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** Credit position today: limit, exposure, available, state and the reasons behind it. */
export function useCredito(clienteId: string) {
  return useQuery({
    queryKey: [...claves.cartera.todo, 'credito', clienteId],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/clientes/{id}/credito', { params: { path: { id: clienteId } }, signal })),
  });
}

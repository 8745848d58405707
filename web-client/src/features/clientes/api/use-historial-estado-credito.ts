import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useHistorialEstadoCredito(id: string) {
  return useQuery({
    queryKey: claves.clientes.historial(id),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/clientes/{id}/estado-credito', { params: { path: { id } }, signal })),
  });
}

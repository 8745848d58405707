import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesJudicial } from '@/components/judicial/api/claves';

export function useDerivaciones(clienteId?: string) {
  return useQuery({
    queryKey: clavesJudicial.derivaciones(clienteId),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/judicial/derivaciones', { params: { query: { clienteId } }, signal })),
  });
}

import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesJudicial } from '@/components/judicial/api/claves';

export function useJuicios(clienteId?: string) {
  return useQuery({
    queryKey: clavesJudicial.juicios(clienteId),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/judicial/juicios', { params: { query: { clienteId } }, signal })),
  });
}

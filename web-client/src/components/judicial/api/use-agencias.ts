import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesJudicial } from '@/components/judicial/api/claves';

export function useAgencias() {
  return useQuery({
    queryKey: clavesJudicial.agencias,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/judicial/agencias', { signal })),
  });
}

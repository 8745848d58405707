import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesJudicial } from '@/components/judicial/api/claves';

export function useQuiebras() {
  return useQuery({
    queryKey: clavesJudicial.quiebras,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/judicial/quiebras', { signal })),
  });
}

import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesJudicial } from '@/components/judicial/api/claves';

export function useEstudios() {
  return useQuery({
    queryKey: clavesJudicial.estudios,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/judicial/estudios', { signal })),
  });
}

import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesFactoring } from '@/features/factoring/api/claves';

export function useTransferencias() {
  return useQuery({
    queryKey: clavesFactoring.transferencias,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/factoring/transferencias', { signal })),
  });
}

import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export const clavesGuiones = ['gestion', 'guiones'] as const;

export function useGuiones() {
  return useQuery({ queryKey: clavesGuiones, queryFn: () => ok(api.GET('/api/v1/gestion/guiones')) });
}

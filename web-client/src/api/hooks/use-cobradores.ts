import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export const clavesCobradores = { todos: ['gestion', 'cobradores'] as const };

/** Collectors of the company (`activo` filters; undefined lists all). Needs only `ver`. */
export function useCobradores(activo?: boolean) {
  return useQuery({
    queryKey: [...clavesCobradores.todos, activo ?? 'todos'],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/gestion/cobradores', { params: { query: { activo } }, signal })),
  });
}

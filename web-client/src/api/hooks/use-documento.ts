import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useDocumento(id: string | null | undefined) {
  return useQuery({
    queryKey: claves.cartera.documento(id ?? ''),
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/documentos/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useReversarAplicacion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, motivo, fecha }: { id: string; motivo: string; fecha?: string | null }) =>
      ok(
        api.POST('/api/v1/aplicaciones/{id}/reversar', { params: { path: { id } }, body: { motivo, fecha } }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.cartera.todo }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useReversarAplicacion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, motivo }: { id: string; motivo: string }) =>
      ok(api.POST('/api/v1/aplicaciones/{id}/reversar', { params: { path: { id } }, body: { motivo } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.cartera.todo }),
  });
}

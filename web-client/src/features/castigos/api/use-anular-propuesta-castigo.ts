import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claveCastigos } from './claves';

export function useAnularPropuestaCastigo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, motivo }: { id: string; motivo: string }) =>
      ok(api.POST('/api/v1/castigos/propuestas/{id}/anular', { params: { path: { id } }, body: { motivo } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveCastigos }),
  });
}

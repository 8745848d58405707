import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claveCastigos } from './claves';

export function useCrearPropuestaCastigo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (datos: { documentoIds: string[]; motivo: string }) =>
      ok(api.POST('/api/v1/castigos/propuestas', { body: datos })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveCastigos }),
  });
}

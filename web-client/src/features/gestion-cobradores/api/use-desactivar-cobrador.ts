import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { useInvalidarGestion } from './use-invalidar-gestion';

export function useDesactivarCobrador() {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Cuerpo<'DesactivarCobrador'> }) =>
      ok(api.POST('/api/v1/gestion/cobradores/{id}/desactivar', { params: { path: { id } }, body })),
    onSuccess: invalidar,
  });
}

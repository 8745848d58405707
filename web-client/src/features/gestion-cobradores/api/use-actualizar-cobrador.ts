import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { useInvalidarGestion } from './use-invalidar-gestion';

export function useActualizarCobrador() {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Cuerpo<'ActualizarCobrador'> }) =>
      ok(api.PUT('/api/v1/gestion/cobradores/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidar,
  });
}

import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { useInvalidarGestion } from './use-invalidar-gestion';

export function useActualizarCartera() {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Cuerpo<'ActualizarCartera'> }) =>
      ok(api.PUT('/api/v1/gestion/carteras/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidar,
  });
}

import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { useInvalidarGestion } from './use-invalidar-gestion';

export function useCrearCartera() {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: (body: Cuerpo<'CrearCartera'>) => ok(api.POST('/api/v1/gestion/carteras', { body })),
    onSuccess: invalidar,
  });
}

import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { useInvalidarGestion } from './use-invalidar-gestion';

export function useCrearCobrador() {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: (body: Cuerpo<'CrearCobrador'>) => ok(api.POST('/api/v1/gestion/cobradores', { body })),
    onSuccess: invalidar,
  });
}

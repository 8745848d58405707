import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';

export function useActivarCuenta() {
  return useMutation({
    mutationFn: (body: Cuerpo<'ActivarCuenta'>) => ok(api.POST('/api/v1/auth/activar', { body })),
  });
}

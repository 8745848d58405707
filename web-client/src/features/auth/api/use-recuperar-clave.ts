import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';

export function useRecuperarClave() {
  return useMutation({
    mutationFn: (body: Cuerpo<'RecuperarClave'>) => ok(api.POST('/api/v1/auth/recuperar-clave', { body })),
  });
}

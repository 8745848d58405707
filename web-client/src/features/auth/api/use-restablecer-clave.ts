import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';

export function useRestablecerClave() {
  return useMutation({
    mutationFn: (body: Cuerpo<'RestablecerClave'>) =>
      ok(api.POST('/api/v1/auth/restablecer-clave', { body })),
  });
}

import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export function useEnviarPrueba() {
  return useMutation({
    mutationFn: ({ id, clienteId }: { id: string; clienteId: string | null }) =>
      ok(
        api.POST('/api/v1/notificaciones/definiciones/{id}/prueba', {
          params: { path: { id } },
          body: { clienteId },
        }),
      ),
  });
}

import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

/** Renders a saved script for one client. */
export function useVistaGuion() {
  return useMutation({
    mutationFn: ({ id, clienteId }: { id: string; clienteId: string }) =>
      ok(api.POST('/api/v1/gestion/guiones/{id}/vista', { params: { path: { id } }, body: { clienteId } })),
  });
}

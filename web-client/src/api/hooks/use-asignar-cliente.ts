import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

/** Sets (or with null clears) the client's manual assignment; needs `supervisar`. */
export function useAsignarCliente(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (cobradorId: string | null) =>
      ok(
        api.PUT('/api/v1/gestion/asignaciones/{clienteId}', {
          params: { path: { clienteId } },
          body: { cobradorId },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['gestion'] }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

/** Undoes a recovery taken from a payment: its money goes back to the payment as saldo a favor. */
export function useReversarRecuperoCastigo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, fecha, motivo }: { id: string; fecha: string; motivo: string }) =>
      ok(
        api.POST('/api/v1/castigos/recuperos/{id}/reversar', {
          params: { path: { id } },
          body: { fecha, motivo },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cartera'] }),
  });
}

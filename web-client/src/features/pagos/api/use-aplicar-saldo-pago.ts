import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Cuerpo } from '@/api/types';

/** Applies a payment's remaining balance (saldo a favor) to open documents. */
export function useAplicarSaldoPago(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'AplicarSaldoPago'>) =>
      ok(api.POST('/api/v1/pagos/{id}/aplicaciones', { params: { path: { id } }, body })),
    onSuccess: (pago) => {
      qc.setQueryData(claves.cartera.pago(id), pago);
      return qc.invalidateQueries({ queryKey: claves.cartera.todo });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { DatosPago } from '@/api/tipos-cartera';

export function useRegistrarPago() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosPago) => ok(api.POST('/api/v1/pagos', { body })),
    onSuccess: (pago) => {
      qc.setQueryData(claves.cartera.pago(pago.id), pago);
      return qc.invalidateQueries({ queryKey: claves.cartera.todo });
    },
  });
}

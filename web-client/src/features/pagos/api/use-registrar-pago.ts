import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { DatosPago } from '@/api/tipos-cartera';
import { useClaveIdempotencia } from '@/lib/idempotencia';

export function useRegistrarPago() {
  const qc = useQueryClient();
  const idempotencia = useClaveIdempotencia();
  return useMutation({
    mutationFn: (body: DatosPago) =>
      idempotencia.enviar((clave) =>
        ok(api.POST('/api/v1/pagos', { body, params: { header: { 'Idempotency-Key': clave } } })),
      ),
    onSuccess: (pago) => {
      qc.setQueryData(claves.cartera.pago(pago.id), pago);
      return qc.invalidateQueries({ queryKey: claves.cartera.todo });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Cuerpo } from '@/api/types';

export type DatosDeposito = Cuerpo<'DepositarCheque'>;
export type DatosCobro = NonNullable<Cuerpo<'CobrarCheque'>>;
export type DatosProtesto = Cuerpo<'ProtestarCheque'>;

/**
 * After a cheque changes state its client's documents, balance, credit state and statement
 * change too: refresh every Cartera query and the client's own queries.
 */
function useRefrescarTrasCheque() {
  const qc = useQueryClient();
  return (clienteId: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: claves.cartera.todo }),
      qc.invalidateQueries({ queryKey: claves.clientes.detalle(clienteId) }),
      qc.invalidateQueries({ queryKey: ['clientes', 'lista'] }),
    ]);
}

/** POST /api/v1/pagos/{id}/depositar (DepositarCheque). */
export function useDepositarCheque() {
  const refrescar = useRefrescarTrasCheque();
  return useMutation({
    mutationFn: ({ pagoId, datos }: { pagoId: string; datos: DatosDeposito }) =>
      ok(api.POST('/api/v1/pagos/{id}/depositar', { params: { path: { id: pagoId } }, body: datos })),
    onSuccess: (pago) => refrescar(pago.cliente.id),
  });
}

/** POST /api/v1/pagos/{id}/cobrar (CobrarCheque): the bank cleared it and its money is applied. */
export function useCobrarCheque() {
  const refrescar = useRefrescarTrasCheque();
  return useMutation({
    mutationFn: ({ pagoId, datos }: { pagoId: string; datos: DatosCobro }) =>
      ok(api.POST('/api/v1/pagos/{id}/cobrar', { params: { path: { id: pagoId } }, body: datos })),
    onSuccess: (pago) => refrescar(pago.cliente.id),
  });
}

/** POST /api/v1/pagos/{id}/protestar (ProtestarCheque): its applications are reversed. */
export function useProtestarCheque() {
  const refrescar = useRefrescarTrasCheque();
  return useMutation({
    mutationFn: ({ pagoId, datos }: { pagoId: string; datos: DatosProtesto }) =>
      ok(api.POST('/api/v1/pagos/{id}/protestar', { params: { path: { id: pagoId } }, body: datos })),
    onSuccess: (pago) => refrescar(pago.cliente.id),
  });
}

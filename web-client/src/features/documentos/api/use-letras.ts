import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Cuerpo, Respuesta } from '@/api/types';

export type DatosCobranzaBancaria = Cuerpo<'EnviarCobranzaBancaria'>;
export type DatosRetiroCobranza = Cuerpo<'RetirarCobranzaBancaria'>;
export type DatosProtestoDocumento = Cuerpo<'ProtestarDocumento'>;

/** Letras and pagarés go to a bank for collection and are protested before a notary. */
export const esLetra = (tipo: string) => tipo === 'letra' || tipo === 'pagare';

/** The three actions of a letra or pagaré en cobranza: each answers the updated document. */
export function useLetra(id: string) {
  const qc = useQueryClient();
  const alTerminar = (documento: Respuesta<'ObtenerDocumento'>) => {
    qc.setQueryData(claves.cartera.documento(id), documento);
    return qc.invalidateQueries({ queryKey: claves.cartera.todo });
  };
  const path = { id };
  return {
    enviar: useMutation({
      mutationFn: (body: DatosCobranzaBancaria) =>
        ok(api.POST('/api/v1/documentos/{id}/cobranza-bancaria', { params: { path }, body })),
      onSuccess: alTerminar,
    }),
    retirar: useMutation({
      mutationFn: (body: DatosRetiroCobranza) =>
        ok(api.POST('/api/v1/documentos/{id}/cobranza-bancaria/retirar', { params: { path }, body })),
      onSuccess: alTerminar,
    }),
    protestar: useMutation({
      mutationFn: (body: DatosProtestoDocumento) =>
        ok(api.POST('/api/v1/documentos/{id}/protestar', { params: { path }, body })),
      onSuccess: alTerminar,
    }),
  };
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, comoConsulta, ok } from '@/api/client';
import type { Cuerpo, Respuesta } from '@/api/types';
import { useClaveIdempotencia } from '@/lib/idempotencia';

export type EnlacePago = Respuesta<'ObtenerEnlacePago'>;
export type DatosEnlacePago = Cuerpo<'CrearEnlacePago'>;

const clave = ['integraciones', 'enlaces-pago'] as const;

/** The payment links of a client, or of one document (newest first). */
export function useEnlacesPago(filtro: { clienteId?: string; documentoId?: string }) {
  return useQuery({
    queryKey: [...clave, filtro],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/integraciones/enlaces-pago', {
          params: { query: comoConsulta<'ListarEnlacesPago'>({ ...filtro, tamanoPagina: 20 }) },
          signal,
        }),
      ),
  });
}

export function useCrearEnlacePago() {
  const qc = useQueryClient();
  const idempotencia = useClaveIdempotencia();
  return useMutation({
    mutationFn: (datos: DatosEnlacePago) =>
      idempotencia.enviar((clave) =>
        ok(
          api.POST('/api/v1/integraciones/enlaces-pago', {
            body: datos,
            params: { header: { 'Idempotency-Key': clave } },
          }),
        ),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

export function useAnularEnlacePago() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/integraciones/enlaces-pago/{id}/anular', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

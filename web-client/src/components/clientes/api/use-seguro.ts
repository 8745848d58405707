import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { useImportacion } from '@/api/hooks/use-importacion';
import type { Cuerpo, Elemento, Respuesta } from '@/api/types';

export type SeguroCliente = Respuesta<'ObtenerSeguroCliente'>;
export type Poliza = Elemento<Respuesta<'ListarPolizasSeguro'>>;
export type DatosPoliza = Cuerpo<'CrearPolizaSeguro'>;
export type ResultadoImportacionInformes = Respuesta<'ImportarInformesComerciales'>;

/** Credit insurance and bureau reports live under the credit keys: a change there refreshes the credit panels. */
export const claveSeguros = ['credito', 'seguros'] as const;

export function useSeguroCliente(clienteId: string) {
  return useQuery({
    queryKey: [...claveSeguros, 'cliente', clienteId],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/clientes/{id}/seguro', { params: { path: { id: clienteId } }, signal })),
  });
}

export function useAsegurarCliente(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'AsegurarCliente'>) =>
      ok(api.PUT('/api/v1/clientes/{id}/seguro', { params: { path: { id: clienteId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveSeguros }),
  });
}

export function usePolizas() {
  return useQuery({
    queryKey: [...claveSeguros, 'polizas'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/credito/seguros/polizas', { signal })),
  });
}

export function useCrearPoliza() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosPoliza) => ok(api.POST('/api/v1/credito/seguros/polizas', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveSeguros }),
  });
}

export function useTerminarPoliza() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Cuerpo<'TerminarPolizaSeguro'> & { id: string }) =>
      ok(api.POST('/api/v1/credito/seguros/polizas/{id}/terminar', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveSeguros }),
  });
}

export function useEliminarPoliza() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.DELETE('/api/v1/credito/seguros/polizas/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveSeguros }),
  });
}

export function useExcesosSeguro() {
  return useQuery({
    queryKey: [...claveSeguros, 'excesos'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/credito/seguros/excesos', { signal })),
  });
}

export function useSiniestrosPorDenunciar(dias: number) {
  return useQuery({
    queryKey: [...claveSeguros, 'siniestros', dias],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/credito/seguros/siniestros-por-denunciar', { params: { query: { dias } }, signal }),
      ),
  });
}

/** POST /api/v1/credito/informes/importar (ImportarInformesComerciales), multipart field `archivo`. */
export const useImportarInformesComerciales = () =>
  useImportacion<ResultadoImportacionInformes>('/api/v1/credito/informes/importar', ['credito']);

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo, Respuesta } from '@/api/types';

export type Proveedor = Respuesta<'ObtenerProveedorPago'>;
export type DatosActivacion = Cuerpo<'ActivarProveedorPago'>;

const clave = ['integraciones', 'proveedores'] as const;

export function useProveedores() {
  return useQuery({
    queryKey: clave,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/integraciones/proveedores', { signal })),
  });
}

export function useActivarProveedor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ codigo, datos }: { codigo: string; datos: DatosActivacion }) =>
      ok(
        api.POST('/api/v1/integraciones/proveedores/{codigo}/activar', {
          params: { path: { codigo } },
          body: datos,
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

export function useDesactivarProveedor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (codigo: string) =>
      ok(api.POST('/api/v1/integraciones/proveedores/{codigo}/desactivar', { params: { path: { codigo } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

export function useGuardarComisiones() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      codigo,
      porcentaje,
      fijo,
    }: {
      codigo: string;
      porcentaje: number | null;
      fijo: number | null;
    }) =>
      ok(
        api.PUT('/api/v1/integraciones/proveedores/{codigo}/comisiones', {
          params: { path: { codigo } },
          body: { porcentaje, fijo },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

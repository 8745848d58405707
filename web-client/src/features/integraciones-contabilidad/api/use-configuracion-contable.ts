import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo, Respuesta } from '@/api/types';

export type ConfiguracionContable = Respuesta<'ObtenerConfiguracionContable'>;
export type DatosConfiguracionContable = Cuerpo<'GuardarConfiguracionContable'>;

export const claveConfiguracionContable = ['integraciones', 'contabilidad', 'configuracion'] as const;

/** GET /api/v1/integraciones/contabilidad/configuracion (ObtenerConfiguracionContable). */
export function useConfiguracionContable() {
  return useQuery({
    queryKey: claveConfiguracionContable,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/integraciones/contabilidad/configuracion', { signal })),
  });
}

/** PUT /api/v1/integraciones/contabilidad/configuracion (GuardarConfiguracionContable). */
export function useGuardarConfiguracionContable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosConfiguracionContable) =>
      ok(api.PUT('/api/v1/integraciones/contabilidad/configuracion', { body })),
    onSuccess: (c) => qc.setQueryData(claveConfiguracionContable, c),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Cuerpo, Respuesta } from '@/api/types';

export type ConfiguracionCartera = Respuesta<'ObtenerConfiguracionCartera'>;
export type DatosConfiguracionCartera = Cuerpo<'GuardarConfiguracionCartera'>;

/** Under `cartera`: saving it refreshes the aging and every other receivables screen. */
export const claveConfiguracion = [...claves.cartera.todo, 'configuracion'] as const;

export function useConfiguracionCartera() {
  return useQuery({
    queryKey: claveConfiguracion,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/cartera/configuracion', { signal })),
  });
}

export function useGuardarConfiguracionCartera() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosConfiguracionCartera) => ok(api.PUT('/api/v1/cartera/configuracion', { body })),
    onSuccess: (configuracion) => {
      qc.setQueryData(claveConfiguracion, configuracion);
      return qc.invalidateQueries({ queryKey: claves.cartera.todo });
    },
  });
}

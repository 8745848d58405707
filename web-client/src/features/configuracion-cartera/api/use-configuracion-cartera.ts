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

export type ConfiguracionCargosMora = Respuesta<'ObtenerConfiguracionCargosMora'>;

const claveCargosMora = [...claves.cartera.todo, 'configuracion-cargos-mora'] as const;

export function useConfiguracionCargosMora() {
  return useQuery({
    queryKey: claveCargosMora,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/cargos-mora/configuracion', { signal })),
  });
}

/** Saving the rates refreshes every receivables screen, the late charges of each client among them. */
export function useGuardarConfiguracionCargosMora() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'GuardarConfiguracionCargosMora'>) =>
      ok(api.PUT('/api/v1/cargos-mora/configuracion', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.cartera.todo }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo, Elemento, Respuesta } from '@/api/types';

export type ConfiguracionAprobacion = Elemento<Respuesta<'ListarNivelesAprobacion'>>;
export type NivelAprobacion = Elemento<ConfiguracionAprobacion['niveles']>;

const clave = ['credito', 'niveles-aprobacion'] as const;

export function useNivelesAprobacion() {
  return useQuery({
    queryKey: clave,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/aprobaciones/niveles', { signal })),
  });
}

export function useGuardarNivelesAprobacion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'GuardarNivelesAprobacion'>) =>
      ok(api.PUT('/api/v1/aprobaciones/niveles', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

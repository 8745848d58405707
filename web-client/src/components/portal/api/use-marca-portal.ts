import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo, Respuesta } from '@/api/types';

export type MarcaPortal = Respuesta<'ObtenerMarcaPortal'>;
export type DatosMarcaPortal = Cuerpo<'GuardarMarcaPortal'>;

const clave = ['portal', 'marca'] as const;

export function useMarcaPortal() {
  return useQuery({
    queryKey: clave,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/configuracion/portal', { signal })),
  });
}

export function useGuardarMarcaPortal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosMarcaPortal) => ok(api.PUT('/api/v1/configuracion/portal', { body })),
    onSuccess: (marca) => qc.setQueryData(clave, marca),
  });
}

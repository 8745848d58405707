import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo, Respuesta } from '@/api/types';

export type PoliticaCobranza = Respuesta<'ObtenerPoliticaCobranza'>;
export type DatosPoliticaCobranza = Cuerpo<'GuardarPoliticaCobranza'>;

export const clavePolitica = ['gestion', 'politica-cobranza'] as const;

export function usePoliticaCobranza() {
  return useQuery({
    queryKey: clavePolitica,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/gestion/politica-cobranza', { signal })),
  });
}

export function useGuardarPoliticaCobranza() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosPoliticaCobranza) => ok(api.PUT('/api/v1/gestion/politica-cobranza', { body })),
    onSuccess: (politica) => qc.setQueryData(clavePolitica, politica),
  });
}

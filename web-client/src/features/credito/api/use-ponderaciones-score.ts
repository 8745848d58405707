import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';

const clave = ['credito', 'ponderaciones'] as const;

export function usePonderacionesScore() {
  return useQuery({
    queryKey: clave,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/credito/ponderaciones', { signal })),
  });
}

export function useGuardarPonderacionesScore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'GuardarPonderacionesScore'>) =>
      ok(api.PUT('/api/v1/credito/ponderaciones', { body })),
    // Every request's score is computed with the weights in force.
    onSuccess: () => qc.invalidateQueries({ queryKey: ['credito'] }),
  });
}

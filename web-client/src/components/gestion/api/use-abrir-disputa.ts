import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { DatosDisputa } from '@/components/gestion/api/tipos';

export function useAbrirDisputa() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosDisputa) => ok(api.POST('/api/v1/gestion/disputas', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['gestion'] }),
  });
}

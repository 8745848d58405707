import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { DatosCompromiso } from '@/components/gestion/api/tipos';

export function useTomarCompromiso() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosCompromiso) => ok(api.POST('/api/v1/gestion/compromisos', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['gestion'] }),
  });
}

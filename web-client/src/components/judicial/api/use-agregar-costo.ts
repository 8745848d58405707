import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { DatosCosto } from '@/components/judicial/api/tipos';

export function useAgregarCosto(juicioId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosCosto) =>
      ok(api.POST('/api/v1/judicial/juicios/{id}/costos', { params: { path: { id: juicioId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['judicial'] }),
  });
}

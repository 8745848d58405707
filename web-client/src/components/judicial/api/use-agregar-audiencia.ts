import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { DatosAudiencia } from '@/components/judicial/api/tipos';

export function useAgregarAudiencia(juicioId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosAudiencia) =>
      ok(api.POST('/api/v1/judicial/juicios/{id}/audiencias', { params: { path: { id: juicioId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['judicial'] }),
  });
}

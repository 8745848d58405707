import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useAnularDocumento(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (motivo: string) =>
      ok(api.POST('/api/v1/documentos/{id}/anular', { params: { path: { id } }, body: { motivo } })),
    onSuccess: (documento) => {
      qc.setQueryData(claves.cartera.documento(id), documento);
      return qc.invalidateQueries({ queryKey: claves.cartera.todo });
    },
  });
}

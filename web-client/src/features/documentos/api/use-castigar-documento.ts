import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { components } from '@/api/generated/schema';

export type DatosCastigo = components['schemas']['DatosCastigo'];

export function useCastigarDocumento(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosCastigo) =>
      ok(api.POST('/api/v1/documentos/{id}/castigar', { params: { path: { id } }, body })),
    onSuccess: (documento) => {
      qc.setQueryData(claves.cartera.documento(id), documento);
      return qc.invalidateQueries({ queryKey: claves.cartera.todo });
    },
  });
}

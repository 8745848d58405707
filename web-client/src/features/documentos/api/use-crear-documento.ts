import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { DatosDocumento } from '@/api/tipos-cartera';

export function useCrearDocumento() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosDocumento) => ok(api.POST('/api/v1/documentos', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.cartera.todo }),
  });
}

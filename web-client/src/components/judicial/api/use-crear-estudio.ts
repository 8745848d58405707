import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { DatosEstudio } from '@/components/judicial/api/tipos';

export function useCrearEstudio() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosEstudio) => ok(api.POST('/api/v1/judicial/estudios', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['judicial'] }),
  });
}

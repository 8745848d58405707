import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { DatosJuicio } from '@/components/judicial/api/tipos';

export function useCrearJuicio() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosJuicio) => ok(api.POST('/api/v1/judicial/juicios', { body })),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['judicial'] }),
        qc.invalidateQueries({ queryKey: ['gestion'] }),
      ]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { DatosDerivacion } from '@/components/judicial/api/tipos';

export function useDerivarAgencia() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ agenciaId, body }: { agenciaId: string; body: DatosDerivacion }) =>
      ok(
        api.POST('/api/v1/judicial/agencias/{id}/derivaciones', {
          params: { path: { id: agenciaId } },
          body,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['judicial'] }),
        qc.invalidateQueries({ queryKey: ['gestion'] }),
      ]),
  });
}

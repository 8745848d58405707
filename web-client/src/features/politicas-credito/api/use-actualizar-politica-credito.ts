import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Cuerpo } from '@/api/types';

export function useActualizarPoliticaCredito() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Cuerpo<'ActualizarPoliticaCredito'> }) =>
      ok(api.PUT('/api/v1/politicas-credito/{id}', { params: { path: { id } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: claves.clientes.todos });
      return qc.invalidateQueries({ queryKey: claves.politicas });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { DatosContacto } from '@/features/clientes/api/tipos';

export function useActualizarContacto(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ contactoId, body }: { contactoId: string; body: DatosContacto }) =>
      ok(
        api.PUT('/api/v1/clientes/{id}/contactos/{contactoId}', {
          params: { path: { id: clienteId, contactoId } },
          body,
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: claves.gruposContactos.todos });
      return qc.invalidateQueries({ queryKey: claves.clientes.contactos(clienteId) });
    },
  });
}

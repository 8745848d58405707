import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** Deactivates a contact (it loses portal access at once and gets no reminders) or reactivates it. */
export function useCambiarActividadContacto(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ contactoId, activo }: { contactoId: string; activo: boolean }) =>
      activo
        ? ok(
            api.POST('/api/v1/clientes/{id}/contactos/{contactoId}/activar', {
              params: { path: { id: clienteId, contactoId } },
            }),
          )
        : ok(
            api.POST('/api/v1/clientes/{id}/contactos/{contactoId}/desactivar', {
              params: { path: { id: clienteId, contactoId } },
            }),
          ),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.clientes.contactos(clienteId) }),
  });
}

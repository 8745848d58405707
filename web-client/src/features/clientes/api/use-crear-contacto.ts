import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { DatosContacto } from '@/features/clientes/api/tipos';

export function useCrearContacto(clienteId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosContacto) =>
      ok(api.POST('/api/v1/clientes/{id}/contactos', { params: { path: { id: clienteId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.clientes.contactos(clienteId) }),
  });
}

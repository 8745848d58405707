import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { DatosCondiciones } from '@/features/clientes/api/tipos';

export function useActualizarCondiciones(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DatosCondiciones) =>
      ok(api.PUT('/api/v1/clientes/{id}/condiciones', { params: { path: { id } }, body })),
    onSuccess: (cliente) => qc.setQueryData(claves.clientes.detalle(id), cliente),
  });
}

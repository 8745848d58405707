import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useCambiarRolUsuario() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, rol }: { id: string; rol: string }) =>
      ok(api.PUT('/api/v1/usuarios/{id}/rol', { params: { path: { id } }, body: { rol } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.usuarios }),
  });
}

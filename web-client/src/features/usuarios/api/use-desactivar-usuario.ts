import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useDesactivarUsuario() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/usuarios/{id}/desactivar', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.usuarios }),
  });
}

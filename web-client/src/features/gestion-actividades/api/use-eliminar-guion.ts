import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesGuiones } from '@/features/gestion-actividades/api/use-guiones';

export function useEliminarGuion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/gestion/guiones/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesGuiones }),
  });
}

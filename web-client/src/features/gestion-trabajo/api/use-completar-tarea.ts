import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesTrabajo } from '@/features/gestion-trabajo/api/claves';

/** POST /api/v1/gestion/tareas/{id}/completar (CompletarTarea). */
export function useCompletarTarea() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, resultado }: { id: string; resultado?: string | null }) =>
      ok(
        api.POST('/api/v1/gestion/tareas/{id}/completar', { params: { path: { id } }, body: { resultado } }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesTrabajo.todo }),
  });
}

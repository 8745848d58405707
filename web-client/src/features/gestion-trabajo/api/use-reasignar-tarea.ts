import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesTrabajo } from '@/features/gestion-trabajo/api/claves';

/** POST /api/v1/gestion/tareas/{id}/reasignar (ReasignarTarea, supervisors): the new collector gets an alert. */
export function useReasignarTarea() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, cobradorId }: { id: string; cobradorId: string }) =>
      ok(
        api.POST('/api/v1/gestion/tareas/{id}/reasignar', { params: { path: { id } }, body: { cobradorId } }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesTrabajo.todo }),
  });
}

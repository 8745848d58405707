import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesTrabajo } from '@/features/gestion-trabajo/api/claves';

/** POST /api/v1/gestion/tareas/{id}/posponer (PosponerTarea): the task leaves the list until `fecha`. */
export function usePosponerTarea() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, fecha, motivo }: { id: string; fecha: string; motivo?: string | null }) =>
      ok(
        api.POST('/api/v1/gestion/tareas/{id}/posponer', {
          params: { path: { id } },
          body: { fecha, motivo },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesTrabajo.todo }),
  });
}

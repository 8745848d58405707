import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesActividades } from '@/components/gestion/api/claves-actividades';

export function useDesactivarTipoActividad() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/gestion/tipos-actividad/{id}/desactivar', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesActividades.tipos }),
  });
}

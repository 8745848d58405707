import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { clavesActividades } from '@/components/gestion/api/claves-actividades';

/** Creates a type (no id) or updates one. */
export function useGuardarTipoActividad() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Cuerpo<'CrearTipoActividad'> }) =>
      id
        ? ok(api.PUT('/api/v1/gestion/tipos-actividad/{id}', { params: { path: { id } }, body }))
        : ok(api.POST('/api/v1/gestion/tipos-actividad', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesActividades.tipos }),
  });
}

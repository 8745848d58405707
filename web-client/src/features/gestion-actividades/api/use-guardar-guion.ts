import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { clavesGuiones } from '@/features/gestion-actividades/api/use-guiones';

/** Creates a script (no id) or updates one. */
export function useGuardarGuion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Cuerpo<'CrearGuion'> }) =>
      id
        ? ok(api.PUT('/api/v1/gestion/guiones/{id}', { params: { path: { id } }, body }))
        : ok(api.POST('/api/v1/gestion/guiones', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesGuiones }),
  });
}

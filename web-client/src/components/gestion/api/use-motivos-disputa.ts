import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesGestion } from '@/components/gestion/api/claves';

export function useMotivosDisputa(incluirInactivos = false) {
  return useQuery({
    queryKey: [...clavesGestion.motivos, incluirInactivos],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/gestion/motivos-disputa', { params: { query: { incluirInactivos } }, signal })),
  });
}

export function useGuardarMotivoDisputa() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, nombre }: { id?: string; nombre: string }) =>
      id
        ? ok(api.PUT('/api/v1/gestion/motivos-disputa/{id}', { params: { path: { id } }, body: { nombre } }))
        : ok(api.POST('/api/v1/gestion/motivos-disputa', { body: { nombre } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesGestion.motivos }),
  });
}

export function useDesactivarMotivoDisputa() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/gestion/motivos-disputa/{id}/desactivar', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesGestion.motivos }),
  });
}

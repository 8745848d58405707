import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPortal, clavesPortal, okPortal } from '@/features/portal/api/cliente-portal';

/** POST /api/v1/portal/reclamos (CrearReclamoPortal). */
export function useCrearReclamo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { documentoId: string; mensaje: string }) =>
      okPortal(apiPortal.POST('/api/v1/portal/reclamos', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesPortal.solicitudes }),
  });
}

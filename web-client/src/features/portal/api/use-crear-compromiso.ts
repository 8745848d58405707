import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPortal, clavesPortal, okPortal } from '@/features/portal/api/cliente-portal';

/** POST /api/v1/portal/compromisos (CrearCompromisoPortal): a promise to pay on a date. */
export function useCrearCompromiso() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { fecha: string; monto: number; mensaje?: string | null }) =>
      okPortal(apiPortal.POST('/api/v1/portal/compromisos', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesPortal.solicitudes }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPortal, clavesPortal, okPortal } from '@/features/portal/api/cliente-portal';

/** POST /api/v1/portal/pagos (PagarEnLineaPortal): a payment link for the chosen documents or all the overdue debt. */
export function usePagarPortal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { documentoIds?: string[] | null; deudaVencida?: boolean | null }) =>
      okPortal(apiPortal.POST('/api/v1/portal/pagos', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesPortal.pagos }),
  });
}

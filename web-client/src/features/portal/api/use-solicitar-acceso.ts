import { useMutation } from '@tanstack/react-query';
import { apiPortal, okPortal } from '@/features/portal/api/cliente-portal';

/** POST /api/v1/portal/acceso (SolicitarAccesoPortal): same answer whether or not the e-mail is on file. */
export function useSolicitarAcceso() {
  return useMutation({
    mutationFn: (body: { email: string; empresa: string }) =>
      okPortal(apiPortal.POST('/api/v1/portal/acceso', { body })),
  });
}

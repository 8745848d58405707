import { useMutation } from '@tanstack/react-query';
import { apiPortal, guardarSesionPortal, okPortal } from '@/features/portal/api/cliente-portal';

/** POST /api/v1/portal/sesion/cerrar (CerrarSesionPortal). */
export function useCerrarSesionPortal() {
  return useMutation({
    mutationFn: () => okPortal(apiPortal.POST('/api/v1/portal/sesion/cerrar')),
    onSettled: () => guardarSesionPortal(null),
  });
}

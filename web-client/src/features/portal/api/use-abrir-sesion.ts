import { useMutation } from '@tanstack/react-query';
import { apiPortal, guardarSesionPortal, okPortal } from '@/features/portal/api/cliente-portal';

/** POST /api/v1/portal/sesion (AbrirSesionPortal): exchanges the link's token for a session kept in this tab. */
export function useAbrirSesion() {
  return useMutation({
    mutationFn: (token: string) => okPortal(apiPortal.POST('/api/v1/portal/sesion', { body: { token } })),
    onSuccess: (sesion) => guardarSesionPortal(sesion.token),
  });
}

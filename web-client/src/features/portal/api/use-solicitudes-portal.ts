import { useQuery } from '@tanstack/react-query';
import { apiPortal, clavesPortal, okPortal } from '@/features/portal/api/cliente-portal';

/** GET /api/v1/portal/solicitudes (ListarSolicitudesPortal). */
export function useSolicitudesPortal() {
  return useQuery({
    queryKey: clavesPortal.solicitudes,
    queryFn: () => okPortal(apiPortal.GET('/api/v1/portal/solicitudes')),
    retry: false,
  });
}

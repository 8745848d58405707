import { useQuery } from '@tanstack/react-query';
import { apiPortal, clavesPortal, okPortal } from '@/features/portal/api/cliente-portal';

/** GET /api/v1/portal/resumen (ObtenerResumenPortal). */
export function useResumenPortal() {
  return useQuery({
    queryKey: clavesPortal.resumen,
    queryFn: () => okPortal(apiPortal.GET('/api/v1/portal/resumen')),
    retry: false,
  });
}

import { useQuery } from '@tanstack/react-query';
import { apiPortal, clavesPortal, okPortal } from '@/features/portal/api/cliente-portal';

/** GET /api/v1/portal/estado-cuenta (ObtenerEstadoCuentaPortal). */
export function useEstadoCuentaPortal(fechaCorte?: string) {
  return useQuery({
    queryKey: clavesPortal.estado(fechaCorte),
    queryFn: () =>
      okPortal(apiPortal.GET('/api/v1/portal/estado-cuenta', { params: { query: { fechaCorte } } })),
    retry: false,
  });
}

import { useQuery } from '@tanstack/react-query';
import { apiPortal, clavesPortal, okPortal } from '@/features/portal/api/cliente-portal';

/** GET /api/v1/portal/pagos (ListarPagosPortal): the client's payment links and their state. */
export function usePagosPortal() {
  return useQuery({
    queryKey: clavesPortal.pagos,
    queryFn: () => okPortal(apiPortal.GET('/api/v1/portal/pagos')),
    retry: false,
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPortal, clavesPortal, okPortal } from '@/features/portal/api/cliente-portal';

/** POST /api/v1/portal/solicitudes (CrearSolicitudPortal): an agreement request or a question. */
export function useCrearSolicitud() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      tipo: 'convenio' | 'consulta';
      mensaje: string;
      documentoIds?: string[] | null;
      cuotas?: number | null;
    }) => okPortal(apiPortal.POST('/api/v1/portal/solicitudes', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clavesPortal.solicitudes }),
  });
}

import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { useInvalidarGestion } from './use-invalidar-gestion';

/** `simular: true` only previews (nothing is refreshed); otherwise the changes are applied. */
export function useRecalcularAsignaciones() {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: (simular: boolean) =>
      ok(api.POST('/api/v1/gestion/asignaciones/recalcular', { body: { simular } })),
    onSuccess: (r) => (r.simulado ? undefined : invalidar()),
  });
}

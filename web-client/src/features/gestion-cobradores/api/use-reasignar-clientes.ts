import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { useInvalidarGestion } from './use-invalidar-gestion';

export function useReasignarClientes() {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: (body: Cuerpo<'ReasignarClientes'>) =>
      ok(api.POST('/api/v1/gestion/asignaciones/reasignar', { body })),
    onSuccess: (r) => (r.simulado ? undefined : invalidar()),
  });
}

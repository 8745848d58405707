import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { useInvalidarGestion } from './use-invalidar-gestion';

export function useGuardarReglasAsignacion() {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: (body: Cuerpo<'GuardarReglasAsignacion'>) =>
      ok(api.PUT('/api/v1/gestion/reglas-asignacion', { body })),
    onSuccess: invalidar,
  });
}

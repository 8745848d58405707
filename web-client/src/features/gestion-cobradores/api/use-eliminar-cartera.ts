import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { useInvalidarGestion } from './use-invalidar-gestion';

export function useEliminarCartera() {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/gestion/carteras/{id}', { params: { path: { id } } })),
    onSuccess: invalidar,
  });
}

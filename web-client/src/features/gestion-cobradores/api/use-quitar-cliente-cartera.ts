import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { useInvalidarGestion } from './use-invalidar-gestion';

export function useQuitarClienteCartera(id: string) {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: (clienteId: string) =>
      ok(
        api.DELETE('/api/v1/gestion/carteras/{id}/clientes/{clienteId}', {
          params: { path: { id, clienteId } },
        }),
      ),
    onSuccess: invalidar,
  });
}

import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { useInvalidarGestion } from './use-invalidar-gestion';

export function useAgregarClientesCartera(id: string) {
  const invalidar = useInvalidarGestion();
  return useMutation({
    mutationFn: (clienteIds: string[]) =>
      ok(
        api.POST('/api/v1/gestion/carteras/{id}/clientes', {
          params: { path: { id } },
          body: { clienteIds },
        }),
      ),
    onSuccess: invalidar,
  });
}

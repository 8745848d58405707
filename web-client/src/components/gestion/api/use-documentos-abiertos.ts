import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** The client's documents with a balance, to choose the ones a promise or dispute covers. */
export function useDocumentosAbiertos(clienteId: string) {
  return useQuery({
    queryKey: [...claves.cartera.todo, 'gestion-documentos-abiertos', clienteId],
    queryFn: async ({ signal }) => {
      const pagina = await ok(
        api.GET('/api/v1/documentos', { params: { query: { clienteId, tamanoPagina: 200 } }, signal }),
      );
      return pagina.items.filter((d) => Number(d.saldo) > 0);
    },
  });
}

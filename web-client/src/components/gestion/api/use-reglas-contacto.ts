import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesActividades } from '@/components/gestion/api/claves-actividades';

/** Whether the client may be contacted now on the channel (Ley 21.320 or the company's limits). */
export function useReglasContacto(clienteId: string, canal: string | null) {
  return useQuery({
    queryKey: clavesActividades.reglas(clienteId, canal ?? ''),
    queryFn: () =>
      ok(
        api.GET('/api/v1/gestion/reglas-contacto/{clienteId}', {
          params: { path: { clienteId }, query: { canal: canal ?? undefined } },
        }),
      ),
    enabled: !!canal,
  });
}

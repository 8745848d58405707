import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

/** The company's order for automatic application (vencimiento, emision, monto_menor), for the screens that apply money. */
export function useOrdenImputacion(): string | undefined {
  const q = useQuery({
    // The same key as the configuration screen's query, so saving it refreshes this label.
    queryKey: [...claves.cartera.todo, 'configuracion'],
    queryFn: ({ signal }) => ok(api.GET('/api/v1/cartera/configuracion', { signal })),
    staleTime: 5 * 60_000,
  });
  return q.data?.ordenImputacion;
}

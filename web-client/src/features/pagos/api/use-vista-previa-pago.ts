import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { DatosPago } from '@/api/tipos-cartera';

/** Application preview of a payment (the server saves nothing); idle while `datos` is null. */
export function useVistaPreviaPago(datos: DatosPago | null) {
  return useQuery({
    queryKey: [...claves.cartera.todo, 'vista-previa', datos],
    queryFn: ({ signal }) => ok(api.POST('/api/v1/pagos/vista-previa', { body: datos as DatosPago, signal })),
    enabled: datos !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

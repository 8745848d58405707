import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { DatosDefinicion } from '@/features/notificaciones-definiciones/components/editor-logica';

/** The preview of the definition being edited (not saved), for a client or the one with most overdue debt. */
export function useVistaPreviaBorrador(definicion: DatosDefinicion, clienteId: string | null) {
  return useQuery({
    queryKey: ['notificaciones', 'vista-previa', definicion, clienteId],
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: ({ signal }) =>
      ok(
        api.POST('/api/v1/notificaciones/definiciones/vista-previa', {
          body: { definicion, clienteId },
          signal,
        }),
      ),
  });
}

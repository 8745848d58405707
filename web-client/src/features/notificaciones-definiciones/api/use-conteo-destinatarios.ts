import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { leerToken } from '@/lib/token';
import type { DatosDefinicion } from '@/features/notificaciones-definiciones/components/editor-logica';

export interface ConteoDestinatarios {
  clientes: number;
  contactos: number;
  omitidos: number;
}

/**
 * How many would receive a definition with this kind and recipients filter. The endpoint belongs to the sending area; until it
 * exists (404) or when it fails, the answer is null and the editor shows "—".
 */
export function useConteoDestinatarios(
  tipo: string,
  destinatarios: DatosDefinicion['destinatarios'],
  diasAntes: number | null,
) {
  return useQuery({
    queryKey: ['notificaciones', 'conteo-destinatarios', tipo, destinatarios, diasAntes],
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: async ({ signal }): Promise<ConteoDestinatarios | null> => {
      const headers = new Headers({ 'Content-Type': 'application/json' });
      const token = leerToken();
      if (token) headers.set('Authorization', `Bearer ${token}`);
      const r = await fetch('/api/v1/notificaciones/definiciones/conteo-destinatarios', {
        method: 'POST',
        headers,
        body: JSON.stringify({ tipo, destinatarios, diasAntes }),
        signal,
      });
      if (!r.ok) return null;
      return (await r.json()) as ConteoDestinatarios;
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Elemento, Respuesta } from '@/api/types';

export type Alertas = Respuesta<'ListarAlertas'>;
export type Alerta = Elemento<Alertas['items']>;

const claveAlertas = ['gestion', 'alertas'] as const;

/** GET /api/v1/gestion/alertas (ListarAlertas): the caller's alerts, newest first, with the unread count; polled each minute. */
export function useAlertas(habilitado = true) {
  return useQuery({
    queryKey: claveAlertas,
    enabled: habilitado,
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/gestion/alertas', { params: { query: { limite: 30 } }, signal })),
    refetchInterval: 60_000,
  });
}

/** POST /api/v1/gestion/alertas/{id}/leida (MarcarAlertaLeida). */
export function useMarcarAlertaLeida() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/gestion/alertas/{id}/leida', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveAlertas }),
  });
}

/** POST /api/v1/gestion/alertas/leidas (MarcarAlertasLeidas): every alert of the caller. */
export function useMarcarAlertasLeidas() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/api/v1/gestion/alertas/leidas')),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveAlertas }),
  });
}

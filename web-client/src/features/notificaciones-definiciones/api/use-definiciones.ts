import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import type { DatosDefinicion } from '@/features/notificaciones-definiciones/components/editor-logica';

export type Definicion = Respuesta<'ObtenerDefinicion'>;

export const claveDefiniciones = ['notificaciones', 'definiciones'] as const;

export function useDefiniciones(incluirInactivas = false) {
  return useQuery({
    queryKey: [...claveDefiniciones, 'lista', incluirInactivas],
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/notificaciones/definiciones', { params: { query: { incluirInactivas } }, signal })),
  });
}

export function useDefinicion(id: string | undefined) {
  return useQuery({
    queryKey: [...claveDefiniciones, id],
    enabled: !!id,
    queryFn: ({ signal }) =>
      ok(api.GET('/api/v1/notificaciones/definiciones/{id}', { params: { path: { id: id! } }, signal })),
  });
}

export function useGuardarDefinicion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, datos }: { id?: string; datos: DatosDefinicion }) =>
      id
        ? ok(api.PUT('/api/v1/notificaciones/definiciones/{id}', { params: { path: { id } }, body: datos }))
        : ok(api.POST('/api/v1/notificaciones/definiciones', { body: datos })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveDefiniciones }),
  });
}

export function useActivarDefinicion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, activa }: { id: string; activa: boolean }) =>
      activa
        ? ok(api.POST('/api/v1/notificaciones/definiciones/{id}/activar', { params: { path: { id } } }))
        : ok(api.POST('/api/v1/notificaciones/definiciones/{id}/desactivar', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveDefiniciones }),
  });
}

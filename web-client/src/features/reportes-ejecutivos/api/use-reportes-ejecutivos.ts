import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';
import type { CuerpoReporteEjecutivo } from '@/features/reportes-ejecutivos/utils/programacion';

export type ReporteEjecutivo = Respuesta<'ObtenerReporteEjecutivo'>;

const clave = ['reportes-ejecutivos'] as const;

export function useReportesEjecutivos() {
  return useQuery({
    queryKey: clave,
    queryFn: ({ signal }) => ok(api.GET('/api/v1/reportes/ejecutivos', { signal })),
  });
}

export function useGuardarReporteEjecutivo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, datos }: { id?: string; datos: CuerpoReporteEjecutivo }) =>
      id
        ? ok(api.PUT('/api/v1/reportes/ejecutivos/{id}', { params: { path: { id } }, body: datos }))
        : ok(api.POST('/api/v1/reportes/ejecutivos', { body: datos })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

export function useEliminarReporteEjecutivo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.DELETE('/api/v1/reportes/ejecutivos/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

export function useEnviarReporteEjecutivo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/reportes/ejecutivos/{id}/enviar', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: clave }),
  });
}

/** The client groups (key accounts) and the company's active users, as the form's options. */
export function useOpcionesReporteEjecutivo() {
  return useQuery({
    queryKey: [...clave, 'opciones'],
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const [grupos, usuarios] = await Promise.all([
        ok(api.GET('/api/v1/grupos-clientes', { signal })),
        ok(api.GET('/api/v1/usuarios', { signal })),
      ]);
      return {
        grupos: grupos.map((g) => ({ value: g.id, label: g.nombre })),
        usuarios: usuarios
          .filter((u) => u.activo && !u.invitacionPendiente)
          .map((u) => ({ value: u.id, label: `${u.nombre} (${u.email})` })),
      };
    },
  });
}

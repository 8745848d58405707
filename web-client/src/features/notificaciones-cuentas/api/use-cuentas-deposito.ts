import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo, Respuesta } from '@/api/types';

export type CuentaDeposito = Respuesta<'ListarCuentasDeposito'>[number];
export type DatosCuentaDeposito = Cuerpo<'CrearCuentaDeposito'>;

export const claveCuentas = ['notificaciones', 'cuentas-deposito'] as const;

export function useCuentasDeposito(incluirInactivas = false) {
  return useQuery({
    queryKey: [...claveCuentas, incluirInactivas],
    queryFn: ({ signal }) =>
      ok(
        api.GET('/api/v1/notificaciones/cuentas-deposito', {
          params: { query: { incluirInactivas } },
          signal,
        }),
      ),
  });
}

export function useGuardarCuentaDeposito() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, datos }: { id?: string; datos: DatosCuentaDeposito }) =>
      id
        ? ok(
            api.PUT('/api/v1/notificaciones/cuentas-deposito/{id}', {
              params: { path: { id } },
              body: datos,
            }),
          )
        : ok(api.POST('/api/v1/notificaciones/cuentas-deposito', { body: datos })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveCuentas }),
  });
}

export type AccionCuenta = 'desactivar' | 'reactivar' | 'por-defecto';

export function useAccionCuentaDeposito() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accion }: { id: string; accion: AccionCuenta }) => {
      const opciones = { params: { path: { id } } };
      if (accion === 'desactivar')
        return ok(api.POST('/api/v1/notificaciones/cuentas-deposito/{id}/desactivar', opciones));
      if (accion === 'reactivar')
        return ok(api.POST('/api/v1/notificaciones/cuentas-deposito/{id}/reactivar', opciones));
      return ok(api.POST('/api/v1/notificaciones/cuentas-deposito/{id}/por-defecto', opciones));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: claveCuentas }),
  });
}

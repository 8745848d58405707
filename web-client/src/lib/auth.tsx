import { useCallback, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import { ContextoAuth } from '@/lib/auth-contexto';
import { alCambiarToken, guardarToken, leerToken } from '@/lib/token';

function suscribir(cb: () => void) {
  return alCambiarToken(() => cb());
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const token = useSyncExternalStore(suscribir, leerToken, () => null);

  const consulta = useQuery({
    queryKey: [...claves.sesion, token],
    queryFn: () => ok(api.GET('/api/v1/auth/sesion')),
    enabled: !!token,
    staleTime: 5 * 60_000,
  });

  // Another tab logged out or switched company.
  useEffect(() => {
    const alAlmacenar = (e: StorageEvent) => {
      if (e.key === null || e.key === 'cobranzas.token') {
        guardarToken(leerToken());
        queryClient.clear();
      }
    };
    window.addEventListener('storage', alAlmacenar);
    return () => window.removeEventListener('storage', alAlmacenar);
  }, [queryClient]);

  const abrir = useCallback(
    async (nuevoToken: string) => {
      queryClient.clear();
      guardarToken(nuevoToken);
      await queryClient.fetchQuery({
        queryKey: [...claves.sesion, nuevoToken],
        queryFn: () => ok(api.GET('/api/v1/auth/sesion')),
      });
    },
    [queryClient],
  );

  const iniciarSesion = useCallback(
    async (email: string, password: string, empresaId?: string) => {
      const s = await ok(
        api.POST('/api/v1/auth/login', { body: { email, password, empresaId: empresaId ?? null } }),
      );
      await abrir(s.token);
    },
    [abrir],
  );

  const cambiarEmpresa = useCallback(
    async (empresaId: string) => {
      const s = await ok(api.POST('/api/v1/auth/cambiar-empresa', { body: { empresaId } }));
      await abrir(s.token);
    },
    [abrir],
  );

  const cerrarSesion = useCallback(async () => {
    try {
      if (leerToken()) await api.POST('/api/v1/auth/logout');
    } finally {
      guardarToken(null);
      queryClient.clear();
    }
  }, [queryClient]);

  const valor = useMemo<ContextoAuth>(() => {
    const permisos = new Set(consulta.data?.permisos ?? []);
    return {
      token,
      sesion: token ? consulta.data : undefined,
      cargando: !!token && consulta.isPending,
      error: consulta.error,
      tiene: (p) => permisos.has(p),
      iniciarSesion,
      cambiarEmpresa,
      cerrarSesion,
    };
  }, [token, consulta.data, consulta.isPending, consulta.error, iniciarSesion, cambiarEmpresa, cerrarSesion]);

  return <ContextoAuth value={valor}>{children}</ContextoAuth>;
}

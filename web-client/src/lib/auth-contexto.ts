import { createContext, use } from 'react';
import type { Permiso, SesionActual } from '@/api/types';

export interface ContextoAuth {
  token: string | null;
  sesion: SesionActual | undefined;
  cargando: boolean;
  error: unknown;
  tiene: (permiso: Permiso) => boolean;
  iniciarSesion: (email: string, password: string, empresaId?: string) => Promise<void>;
  cambiarEmpresa: (empresaId: string) => Promise<void>;
  cerrarSesion: () => Promise<void>;
}

export const ContextoAuth = createContext<ContextoAuth | null>(null);

export function useAuth(): ContextoAuth {
  const c = use(ContextoAuth);
  if (!c) throw new Error('useAuth fuera de AuthProvider');
  return c;
}

/** True when the current session has the permission. */
export function usePermiso(permiso: Permiso): boolean {
  return useAuth().tiene(permiso);
}

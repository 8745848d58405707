import { Navigate } from 'react-router';
import { useAuth } from '@/lib/auth-contexto';

/** A Cobrador starts its day on "Mi trabajo"; everyone else (Administrador, Supervisor, Consulta) on the dashboard. */
export function Inicio() {
  const { sesion } = useAuth();
  return <Navigate to={sesion?.empresa.rol === 'Cobrador' ? '/gestion/mi-trabajo' : '/tablero'} replace />;
}

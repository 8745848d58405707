import { Navigate, useParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { useRespuestaCorreo } from '@/features/notificaciones-envios/api/use-respuesta-correo';

/** A reply's link (from the client's timeline) opens its message, at the reply. */
export default function RespuestaRoute() {
  const { id = '' } = useParams();
  const respuesta = useRespuestaCorreo(id);
  if (respuesta.isPending) return <Cargando />;
  if (respuesta.isError)
    return <ErrorConsulta error={respuesta.error} reintentar={() => void respuesta.refetch()} />;
  return (
    <Navigate
      replace
      to={`/notificaciones/envios/${respuesta.data.envioId}#respuesta-${respuesta.data.id}`}
    />
  );
}

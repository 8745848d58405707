import { useParams } from 'react-router';
import { useDefinicion } from '@/features/notificaciones-definiciones/api/use-definiciones';
import { EditorDefinicion } from '@/features/notificaciones-definiciones/components/editor-definicion';
import {
  formularioDesde,
  formularioVacio,
} from '@/features/notificaciones-definiciones/components/editor-logica';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';

export default function DefinicionRoute() {
  const { id } = useParams();
  const nueva = !id || id === 'nueva';
  const definicion = useDefinicion(nueva ? undefined : id);
  return (
    <Pagina titulo={nueva ? 'Nueva notificación' : 'Editar notificación'}>
      {nueva ? (
        <EditorDefinicion inicial={formularioVacio} />
      ) : definicion.isPending ? (
        <Cargando />
      ) : definicion.isError ? (
        <ErrorConsulta error={definicion.error} reintentar={() => void definicion.refetch()} />
      ) : (
        <EditorDefinicion
          key={definicion.data.id}
          id={definicion.data.id}
          inicial={formularioDesde(definicion.data)}
          tieneLogo={definicion.data.tieneLogo}
        />
      )}
    </Pagina>
  );
}

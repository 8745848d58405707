import type { TipoGrupo } from '@/features/grupos/api/tipo-grupo';
import { useActualizarGrupo } from '@/features/grupos/api/use-actualizar-grupo';
import { useCrearGrupo } from '@/features/grupos/api/use-crear-grupo';
import { useEliminarGrupo } from '@/features/grupos/api/use-eliminar-grupo';
import { useGrupos } from '@/features/grupos/api/use-grupos';
import { ListaGrupos } from '@/features/grupos/components/lista-grupos';

const textos = {
  clientes: {
    titulo: 'Grupos de clientes',
    descripcion: 'Agrupaciones de clientes para gestionar la cobranza en conjunto',
    unidad: 'Clientes',
  },
  contactos: {
    titulo: 'Grupos de contactos',
    descripcion: 'Listas de contactos para comunicaciones de cobranza',
    unidad: 'Contactos',
  },
};

/** /grupos-clientes and /grupos-contactos. */
export function GruposRoute({ tipo }: { tipo: TipoGrupo }) {
  const grupos = useGrupos(tipo);
  const crear = useCrearGrupo(tipo);
  const actualizar = useActualizarGrupo(tipo);
  const eliminar = useEliminarGrupo(tipo);
  return (
    <ListaGrupos
      {...textos[tipo]}
      rutaBase={`/grupos-${tipo}`}
      consulta={grupos}
      onCrear={(body) => crear.mutateAsync(body)}
      onRenombrar={(id, body) => actualizar.mutateAsync({ id, body })}
      onEliminar={(id) => eliminar.mutateAsync(id)}
    />
  );
}

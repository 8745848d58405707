import { ListaGrupos } from '@/components/grupos/lista-grupos';
import { useActualizarGrupoContactos } from '@/features/grupos-contactos/api/use-actualizar-grupo-contactos';
import { useCrearGrupoContactos } from '@/features/grupos-contactos/api/use-crear-grupo-contactos';
import { useEliminarGrupoContactos } from '@/features/grupos-contactos/api/use-eliminar-grupo-contactos';
import { useGruposContactos } from '@/features/grupos-contactos/api/use-grupos-contactos';

export default function GruposContactosRoute() {
  const grupos = useGruposContactos();
  const crear = useCrearGrupoContactos();
  const actualizar = useActualizarGrupoContactos();
  const eliminar = useEliminarGrupoContactos();
  return (
    <ListaGrupos
      titulo="Grupos de contactos"
      descripcion="Listas de contactos para comunicaciones de cobranza"
      rutaBase="/grupos-contactos"
      unidad="Contactos"
      consulta={grupos}
      onCrear={(body) => crear.mutateAsync(body)}
      onRenombrar={(id, body) => actualizar.mutateAsync({ id, body })}
      onEliminar={(id) => eliminar.mutateAsync(id)}
    />
  );
}

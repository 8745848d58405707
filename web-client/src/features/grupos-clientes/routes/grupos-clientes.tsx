import { ListaGrupos } from '@/components/grupos/lista-grupos';
import { useActualizarGrupoClientes } from '@/features/grupos-clientes/api/use-actualizar-grupo-clientes';
import { useCrearGrupoClientes } from '@/features/grupos-clientes/api/use-crear-grupo-clientes';
import { useEliminarGrupoClientes } from '@/features/grupos-clientes/api/use-eliminar-grupo-clientes';
import { useGruposClientes } from '@/api/hooks/use-grupos-clientes';

export default function GruposClientesRoute() {
  const grupos = useGruposClientes();
  const crear = useCrearGrupoClientes();
  const actualizar = useActualizarGrupoClientes();
  const eliminar = useEliminarGrupoClientes();
  return (
    <ListaGrupos
      titulo="Grupos de clientes"
      descripcion="Agrupaciones de clientes para gestionar la cobranza en conjunto"
      rutaBase="/grupos-clientes"
      unidad="Clientes"
      consulta={grupos}
      onCrear={(body) => crear.mutateAsync(body)}
      onRenombrar={(id, body) => actualizar.mutateAsync({ id, body })}
      onEliminar={(id) => eliminar.mutateAsync(id)}
    />
  );
}

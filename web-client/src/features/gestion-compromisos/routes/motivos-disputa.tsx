import { Badge, Button, Card, Group, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  useDesactivarMotivoDisputa,
  useGuardarMotivoDisputa,
  useMotivosDisputa,
} from '@/components/gestion/api/use-motivos-disputa';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { notificarError, notificarExito } from '@/lib/notificar';

function FilaMotivo({ id, nombre, activo }: { id: string; nombre: string; activo: boolean }) {
  const [texto, setTexto] = useState(nombre);
  const guardar = useGuardarMotivoDisputa();
  const desactivar = useDesactivarMotivoDisputa();
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={`Nombre del motivo ${nombre}`}
          value={texto}
          onChange={(e) => setTexto(e.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        {activo ? <Badge color="green">Activo</Badge> : <Badge color="gray">Inactivo</Badge>}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end">
          <Button
            size="xs"
            variant="light"
            disabled={!texto.trim() || texto.trim() === nombre}
            loading={guardar.isPending}
            onClick={() =>
              guardar
                .mutateAsync({ id, nombre: texto.trim() })
                .then(() => notificarExito('Motivo actualizado.'))
                .catch((e: unknown) => notificarError(e))
            }
          >
            Guardar
          </Button>
          {activo && (
            <Button
              size="xs"
              variant="light"
              color="red"
              loading={desactivar.isPending}
              onClick={() =>
                desactivar
                  .mutateAsync(id)
                  .then(() => notificarExito('Motivo desactivado.'))
                  .catch((e: unknown) => notificarError(e))
              }
            >
              Desactivar
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export default function MotivosDisputaRoute() {
  const motivos = useMotivosDisputa(true);
  const guardar = useGuardarMotivoDisputa();
  const [nuevo, setNuevo] = useState('');
  return (
    <Pagina
      titulo="Motivos de disputa"
      descripcion="Los motivos que se eligen al abrir una disputa. Uno desactivado ya no se ofrece."
    >
      <Card withBorder>
        <form
          aria-label="Nuevo motivo de disputa"
          onSubmit={(ev) => {
            ev.preventDefault();
            guardar
              .mutateAsync({ nombre: nuevo.trim() })
              .then(() => {
                notificarExito('Motivo creado.');
                setNuevo('');
              })
              .catch((e: unknown) => notificarError(e));
          }}
        >
          <Group align="flex-end">
            <TextInput label="Nuevo motivo" value={nuevo} onChange={(e) => setNuevo(e.currentTarget.value)} />
            <Button type="submit" disabled={!nuevo.trim()} loading={guardar.isPending}>
              Agregar
            </Button>
          </Group>
        </form>
      </Card>
      {motivos.isPending ? (
        <Cargando />
      ) : motivos.isError ? (
        <ErrorConsulta error={motivos.error} reintentar={() => void motivos.refetch()} />
      ) : (
        <Card withBorder p={0}>
          <Table aria-label="Motivos de disputa">
            <Table.Tbody>
              {motivos.data.map((m) => (
                <FilaMotivo key={`${m.id}-${m.nombre}`} id={m.id} nombre={m.nombre} activo={m.activo} />
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Pagina>
  );
}

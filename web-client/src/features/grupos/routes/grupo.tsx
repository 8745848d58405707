import { Anchor, Button, Card, Modal, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { usePermiso } from '@/lib/auth-contexto';
import { notificarError, notificarExito } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';
import type { TipoGrupo } from '@/features/grupos/api/tipo-grupo';
import { useActualizarGrupo } from '@/features/grupos/api/use-actualizar-grupo';
import { useAgregarMiembrosGrupo } from '@/features/grupos/api/use-agregar-miembros-grupo';
import { useGrupo } from '@/features/grupos/api/use-grupo';
import { useQuitarMiembroGrupo } from '@/features/grupos/api/use-quitar-miembro-grupo';
import { GrupoFormModal } from '@/features/grupos/components/grupo-form-modal';
import { SelectorClientes } from '@/features/grupos/components/selector-clientes';
import { SelectorContactos } from '@/features/grupos/components/selector-contactos';

/** A member of either kind of group, as the API lists it. */
interface Miembro {
  id: string;
  rut?: string;
  razonSocial?: string;
  nombre?: string;
  email?: string | null;
  clienteId?: string;
  razonSocialCliente?: string;
}

interface Columna {
  titulo: string;
  celda: (m: Miembro) => ReactNode;
}

const textos = {
  clientes: {
    descripcion: 'Grupo de clientes',
    agregar: 'Agregar clientes',
    vacio: 'El grupo no tiene clientes.',
    quitado: 'Cliente quitado del grupo.',
    agregados: (n: number) => `${n} cliente(s) agregado(s).`,
    nombre: (m: Miembro) => m.razonSocial,
    Selector: SelectorClientes,
    columnas: [
      { titulo: 'RUT', celda: (m) => formatearRut(m.rut ?? '') },
      {
        titulo: 'Razón social',
        celda: (m) => (
          <Anchor component={Link} to={`/clientes/${m.id}`}>
            {m.razonSocial}
          </Anchor>
        ),
      },
    ] satisfies Columna[],
  },
  contactos: {
    descripcion: 'Grupo de contactos',
    agregar: 'Agregar contactos',
    vacio: 'El grupo no tiene contactos.',
    quitado: 'Contacto quitado del grupo.',
    agregados: (n: number) => `${n} contacto(s) agregado(s).`,
    nombre: (m: Miembro) => m.nombre,
    Selector: SelectorContactos,
    columnas: [
      { titulo: 'Nombre', celda: (m) => m.nombre },
      { titulo: 'E-mail', celda: (m) => m.email },
      {
        titulo: 'Cliente',
        celda: (m) => (
          <Anchor component={Link} to={`/clientes/${m.clienteId}?tab=contactos`}>
            {m.razonSocialCliente}
          </Anchor>
        ),
      },
    ] satisfies Columna[],
  },
};

/** /grupos-clientes/:id and /grupos-contactos/:id: members, rename, add and remove. */
export function GrupoRoute({ tipo }: { tipo: TipoGrupo }) {
  const { id = '' } = useParams();
  const t = textos[tipo];
  const puedeEditar = usePermiso('editar');
  const grupo = useGrupo(tipo, id);
  const renombrar = useActualizarGrupo(tipo);
  const agregar = useAgregarMiembrosGrupo(tipo, id);
  const quitar = useQuitarMiembroGrupo(tipo, id);
  const [agregando, setAgregando] = useState(false);
  const [renombrando, setRenombrando] = useState(false);

  if (grupo.isPending) return <Cargando />;
  if (grupo.isError) return <ErrorConsulta error={grupo.error} />;
  const g = grupo.data;
  const miembros: Miembro[] = g.miembros;

  return (
    <Pagina
      titulo={g.nombre}
      descripcion={g.descripcion ?? t.descripcion}
      acciones={
        <>
          <Button variant="default" component={Link} to={`/grupos-${tipo}`}>
            Volver
          </Button>
          {puedeEditar && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} />}
                onClick={() => setRenombrando(true)}
              >
                Renombrar
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAgregando(true)}>
                {t.agregar}
              </Button>
            </>
          )}
        </>
      }
    >
      <Card withBorder p={0}>
        {miembros.length === 0 ? (
          <Text c="dimmed" p="md">
            {t.vacio}
          </Text>
        ) : (
          <Table aria-label="Miembros del grupo" striped>
            <Table.Thead>
              <Table.Tr>
                {t.columnas.map((c) => (
                  <Table.Th key={c.titulo}>{c.titulo}</Table.Th>
                ))}
                {puedeEditar && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {miembros.map((m) => (
                <Table.Tr key={m.id}>
                  {t.columnas.map((c) => (
                    <Table.Td key={c.titulo}>{c.celda(m)}</Table.Td>
                  ))}
                  {puedeEditar && (
                    <Table.Td align="right">
                      <BotonConfirmar
                        size="xs"
                        variant="subtle"
                        color="red"
                        titulo="Quitar del grupo"
                        mensaje={`¿Quitar a ${t.nombre(m)} del grupo?`}
                        confirmar="Quitar"
                        onConfirm={async () => {
                          try {
                            await quitar.mutateAsync(m.id);
                            notificarExito(t.quitado);
                          } catch (e) {
                            notificarError(e);
                            throw e;
                          }
                        }}
                      >
                        Quitar
                      </BotonConfirmar>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Modal opened={agregando} onClose={() => setAgregando(false)} title={`${t.agregar} al grupo`} size="lg">
        <t.Selector
          excluir={new Set(miembros.map((m) => m.id))}
          ocupado={agregar.isPending}
          onAgregar={async (ids) => {
            try {
              await agregar.mutateAsync(ids);
              notificarExito(t.agregados(ids.length));
              setAgregando(false);
            } catch (e) {
              notificarError(e);
            }
          }}
        />
      </Modal>
      <GrupoFormModal
        abierto={renombrando}
        titulo="Renombrar grupo"
        inicial={g}
        onCerrar={() => setRenombrando(false)}
        onGuardar={async (body) => {
          await renombrar.mutateAsync({ id, body });
          notificarExito('Grupo actualizado.');
        }}
      />
    </Pagina>
  );
}

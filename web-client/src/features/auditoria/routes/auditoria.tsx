import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Paginacion } from '@/components/ui/paginacion';
import { formatearFechaHora } from '@/lib/formato';
import { useAuditoria, type FiltrosAuditoria } from '@/features/auditoria/api/use-auditoria';
import { DiffAuditoria } from '@/features/auditoria/components/diff-auditoria';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { descripcionRegistro, nombreEntidad, nombreOperacion } from '@/lib/auditoria-legible';

function Registro({
  entrada,
}: {
  entrada: {
    entidad: string;
    entidadId: string;
    operacion?: string;
    antes?: string | null;
    despues?: string | null;
  };
}) {
  const { texto, enlace } = descripcionRegistro(
    entrada.entidad,
    entrada.entidadId,
    entrada.antes,
    entrada.despues,
    entrada.operacion,
  );
  return enlace ? (
    <Anchor component={Link} to={enlace} size="sm">
      {texto}
    </Anchor>
  ) : (
    <Text size="sm">{texto}</Text>
  );
}

const coloresOperacion: Record<string, string> = { crear: 'teal', modificar: 'blue', eliminar: 'red' };

interface Borrador {
  entidad: string;
  entidadId: string;
  actor: string;
  desde: string | null;
  hasta: string | null;
}

const vacio: Borrador = { entidad: '', entidadId: '', actor: '', desde: null, hasta: null };

/** yyyy-mm-dd (local day) → ISO instant at the start (or end) of that day. */
function inicioDia(fecha: string | null, fin = false): string | undefined {
  if (!fecha) return undefined;
  const [a, m, d] = fecha.split('-').map(Number);
  const f = fin ? new Date(a!, m! - 1, d!, 23, 59, 59, 999) : new Date(a!, m! - 1, d!);
  return f.toISOString();
}

export default function AuditoriaRoute() {
  const [borrador, setBorrador] = useState<Borrador>(vacio);
  const [aplicado, setAplicado] = useState<Borrador>(vacio);
  const [pagina, setPagina] = useState(1);
  const [tamano, setTamano] = useState(25);
  const [abiertos, setAbiertos] = useState<Set<string>>(new Set());

  const filtros: FiltrosAuditoria = {
    entidad: aplicado.entidad.trim() || undefined,
    entidadId: aplicado.entidadId.trim() || undefined,
    actor: aplicado.actor.trim() || undefined,
    desde: inicioDia(aplicado.desde),
    hasta: inicioDia(aplicado.hasta, true),
    pagina,
    tamanoPagina: tamano,
  };
  const auditoria = useAuditoria(filtros);

  const alternar = (id: string) =>
    setAbiertos((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <Pagina titulo="Auditoría" descripcion="Registro de cambios hechos por usuarios y API keys">
      <Card withBorder>
        <form
          aria-label="Filtros de auditoría"
          onSubmit={(e) => {
            e.preventDefault();
            setAplicado(borrador);
            setPagina(1);
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
            <TextInput
              label="Entidad"
              placeholder="Cliente, Documento, Pago, …"
              value={borrador.entidad}
              onChange={(e) => setBorrador({ ...borrador, entidad: e.currentTarget.value })}
            />
            <TextInput
              label="ID de entidad"
              value={borrador.entidadId}
              onChange={(e) => setBorrador({ ...borrador, entidadId: e.currentTarget.value })}
            />
            <TextInput
              label="Actor"
              placeholder="E-mail o API key"
              value={borrador.actor}
              onChange={(e) => setBorrador({ ...borrador, actor: e.currentTarget.value })}
            />
            <CampoFecha
              label="Desde"
              clearable
              value={borrador.desde}
              onChange={(v) => setBorrador({ ...borrador, desde: v })}
            />
            <CampoFecha
              label="Hasta"
              clearable
              value={borrador.hasta}
              onChange={(v) => setBorrador({ ...borrador, hasta: v })}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="md">
            <Button
              variant="default"
              onClick={() => {
                setBorrador(vacio);
                setAplicado(vacio);
                setPagina(1);
              }}
            >
              Limpiar
            </Button>
            <Button type="submit">Filtrar</Button>
          </Group>
        </form>
      </Card>
      {auditoria.isPending ? (
        <Cargando />
      ) : auditoria.isError ? (
        <ErrorConsulta error={auditoria.error} reintentar={() => void auditoria.refetch()} />
      ) : (
        <Card withBorder p={0}>
          {auditoria.data.items.length === 0 ? (
            <Text c="dimmed" p="lg" ta="center">
              No hay registros para los filtros indicados.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table aria-label="Registro de auditoría">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40} />
                    <Table.Th>Fecha</Table.Th>
                    <Table.Th>Actor</Table.Th>
                    <Table.Th>Qué</Table.Th>
                    <Table.Th>Registro</Table.Th>
                    <Table.Th>Operación</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {auditoria.data.items.map((a) => (
                    <Fragment key={a.id}>
                      <Table.Tr>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            aria-label={abiertos.has(a.id) ? 'Ocultar cambios' : 'Ver cambios'}
                            aria-expanded={abiertos.has(a.id)}
                            onClick={() => alternar(a.id)}
                          >
                            {abiertos.has(a.id) ? (
                              <IconChevronDown size={16} />
                            ) : (
                              <IconChevronRight size={16} />
                            )}
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatearFechaHora(a.fecha)}</Table.Td>
                        <Table.Td>{a.actor}</Table.Td>
                        <Table.Td>{nombreEntidad(a.entidad)}</Table.Td>
                        <Table.Td>
                          <Registro entrada={a} />
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={coloresOperacion[a.operacion] ?? 'gray'}>
                            {nombreOperacion(a.operacion)}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                      <Table.Tr style={{ display: abiertos.has(a.id) ? undefined : 'none' }}>
                        <Table.Td colSpan={6}>
                          <Collapse in={abiertos.has(a.id)}>
                            {abiertos.has(a.id) && (
                              <DiffAuditoria antes={a.antes ?? null} despues={a.despues ?? null} />
                            )}
                          </Collapse>
                        </Table.Td>
                      </Table.Tr>
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group p="sm">
            <div style={{ flex: 1 }}>
              <Paginacion
                total={auditoria.data.total}
                pagina={pagina}
                tamano={tamano}
                onPagina={setPagina}
                onTamano={(t) => {
                  setTamano(t);
                  setPagina(1);
                }}
              />
            </div>
          </Group>
        </Card>
      )}
    </Pagina>
  );
}

import {
  Anchor,
  Badge,
  Card,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { Link } from 'react-router';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { estadosEnvio } from '@/components/notificaciones/estados-envio';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { useEnvios } from '@/features/notificaciones-envios/api/use-envios';
import { ResumenDefiniciones } from '@/features/notificaciones-envios/components/resumen-definiciones';
import { fechaUrl } from '@/lib/filtros-url';
import { formatearFechaHora } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';
import { useFiltrosUrl } from '@/lib/use-filtros-url';

const TAMANO = 25;
const seguimientos = [
  { value: 'abierto', label: 'Abiertos' },
  { value: 'clic', label: 'Con clic' },
  { value: 'respondido', label: 'Respondidos' },
  { value: 'rebotado', label: 'Rebotados' },
] as const;

export default function EnviosRoute() {
  const { filtros, cambiar } = useFiltrosUrl((p) => ({
    clienteId: p.get('clienteId') ?? undefined,
    estado: p.get('estado') ?? undefined,
    seguimiento: p.get('seguimiento') ?? undefined,
    desde: fechaUrl(p, 'desde'),
    hasta: fechaUrl(p, 'hasta'),
    pagina: Math.max(1, Number(p.get('pagina')) || 1),
  }));
  const seguimiento = seguimientos.find((s) => s.value === filtros.seguimiento)?.value;
  const envios = useEnvios({
    clienteId: filtros.clienteId,
    estado: filtros.estado,
    desde: filtros.desde,
    hasta: filtros.hasta,
    ...(seguimiento ? { [seguimiento]: true } : {}),
    pagina: filtros.pagina,
    tamanoPagina: TAMANO,
  });
  const poner = (clave: string, valor: string | null | undefined) => cambiar({ [clave]: valor || null });

  return (
    <Pagina titulo="Bitácora de envíos">
      <Text size="sm" c="gray.7" mt={-8}>
        Cada correo enviado a un cliente con su estado y lo que volvió: aperturas (un indicio, no un hecho),
        clics, rebotes y respuestas.
      </Text>
      <ResumenDefiniciones desde={filtros.desde} hasta={filtros.hasta} />
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <SelectorCliente
            placeholder="Todos (buscar por RUT o nombre)"
            value={filtros.clienteId ?? null}
            onChange={(id) => poner('clienteId', id)}
          />
          <Select
            label="Estado"
            placeholder="Todos"
            clearable
            value={filtros.estado ?? null}
            onChange={(v) => poner('estado', v)}
            data={Object.entries(estadosEnvio).map(([value, e]) => ({ value, label: e.etiqueta }))}
          />
          <Select
            label="Seguimiento"
            placeholder="Todos"
            clearable
            value={seguimiento ?? null}
            onChange={(v) => poner('seguimiento', v)}
            data={[...seguimientos]}
          />
          <TextInput
            label="Desde"
            type="date"
            value={filtros.desde ?? ''}
            onChange={(e) => poner('desde', e.currentTarget.value)}
          />
          <TextInput
            label="Hasta"
            type="date"
            value={filtros.hasta ?? ''}
            onChange={(e) => poner('hasta', e.currentTarget.value)}
          />
        </SimpleGrid>
      </Card>
      {envios.isPending ? (
        <Cargando />
      ) : envios.isError ? (
        <ErrorConsulta error={envios.error} reintentar={() => void envios.refetch()} />
      ) : envios.data.items.length === 0 ? (
        <Text c="gray.7">No hay envíos con estos filtros.</Text>
      ) : (
        <>
          <Card withBorder p={0}>
            <Table.ScrollContainer minWidth={900}>
              <Table highlightOnHover aria-label="Envíos">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Fecha</Table.Th>
                    <Table.Th>Cliente</Table.Th>
                    <Table.Th>Asunto</Table.Th>
                    <Table.Th>Definición</Table.Th>
                    <Table.Th>Estado</Table.Th>
                    <Table.Th>Seguimiento</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {envios.data.items.map((e) => {
                    const estado = estadosEnvio[e.estado] ?? { etiqueta: e.estado, color: 'gray.8' };
                    return (
                      <Table.Tr key={e.id}>
                        <Table.Td>{formatearFechaHora(e.enviado ?? e.creado)}</Table.Td>
                        <Table.Td>
                          <Anchor c="blue.8" component={Link} to={`/clientes/${e.clienteId}`}>
                            {e.clienteNombre ?? 'Cliente'}
                          </Anchor>
                          {e.clienteRut && (
                            <Text size="xs" c="gray.7">
                              {formatearRut(e.clienteRut)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Anchor c="blue.8" component={Link} to={`/notificaciones/envios/${e.id}`}>
                            {e.asunto}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{e.definicion ?? '—'}</Table.Td>
                        <Table.Td>
                          <Badge color={estado.color} variant="outline">
                            {estado.etiqueta}
                          </Badge>
                          {e.estado === 'fallido' && e.detalle && (
                            <Text size="xs" c="gray.7" lineClamp={2}>
                              {e.detalle}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {e.abierto && (
                              <Badge
                                variant="outline"
                                color={e.aperturaProbableAutomatica ? 'gray.8' : 'blue.9'}
                              >
                                {e.aperturaProbableAutomatica ? 'Abierto (¿automático?)' : 'Abierto'}
                              </Badge>
                            )}
                            {e.clic && (
                              <Badge variant="outline" color="blue.9">
                                Clic
                              </Badge>
                            )}
                            {e.respondido && (
                              <Badge variant="outline" color="teal.9">
                                Respondido
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
          <Group justify="space-between">
            <Text size="sm" c="gray.7">
              {envios.data.total} envíos
            </Text>
            <Pagination
              total={Math.max(1, Math.ceil(envios.data.total / TAMANO))}
              value={filtros.pagina}
              onChange={(p) => cambiar({ pagina: String(p) })}
              getControlProps={(c) => ({
                'aria-label': c === 'next' ? 'Página siguiente' : c === 'previous' ? 'Página anterior' : c,
              })}
            />
          </Group>
        </>
      )}
    </Pagina>
  );
}

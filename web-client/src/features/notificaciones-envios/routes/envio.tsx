import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { estadosEnvio, tiposEvento } from '@/components/notificaciones/estados-envio';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { useEnvio } from '@/features/notificaciones-envios/api/use-envio';
import { formatearFecha, formatearFechaHora } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';

function Dato({ etiqueta, children }: { etiqueta: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {etiqueta}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

export default function EnvioRoute() {
  const { id = '' } = useParams();
  const detalle = useEnvio(id);
  if (detalle.isPending) return <Cargando />;
  if (detalle.isError)
    return <ErrorConsulta error={detalle.error} reintentar={() => void detalle.refetch()} />;
  const { envio: e, html, eventos, respuestas } = detalle.data;
  const estado = estadosEnvio[e.estado] ?? { etiqueta: e.estado, color: 'gray.8' };
  return (
    <Pagina titulo={e.asunto}>
      <Text size="sm" c="gray.7" mt={-8}>
        <Anchor c="blue.8" underline="always" component={Link} to="/notificaciones/envios">
          Bitácora de envíos
        </Anchor>{' '}
        · el mensaje tal como se envió
      </Text>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Dato etiqueta="Cliente">
            <Anchor c="blue.8" component={Link} to={`/clientes/${e.clienteId}`}>
              {e.clienteNombre ?? 'Ver cliente'}
            </Anchor>
            {e.clienteRut && ` · ${formatearRut(e.clienteRut)}`}
          </Dato>
          <Dato etiqueta="Para">{e.para.join(', ') || '—'}</Dato>
          <Dato etiqueta="Estado">
            <Badge color={estado.color} variant="outline">
              {estado.etiqueta}
            </Badge>
          </Dato>
          <Dato etiqueta="Definición">{e.definicion ?? '—'}</Dato>
          <Dato etiqueta="Fecha de negocio">{formatearFecha(e.fechaNegocio)}</Dato>
          <Dato etiqueta="Enviado">{e.enviado ? formatearFechaHora(e.enviado) : '—'}</Dato>
          <Dato etiqueta="Abierto">
            {e.abierto ? formatearFechaHora(e.abierto) : '—'}
            {e.abierto && e.aperturaProbableAutomatica && ' (probable apertura automática)'}
          </Dato>
          <Dato etiqueta="Respondido">{e.respondido ? formatearFechaHora(e.respondido) : '—'}</Dato>
        </SimpleGrid>
        {e.detalle && (
          <Text size="sm" mt="sm" c={e.estado === 'fallido' || e.estado === 'rebotado' ? 'red.9' : undefined}>
            {e.detalle}
          </Text>
        )}
      </Card>

      <Title order={3}>Mensaje</Title>
      <Card withBorder p={0}>
        {/* sandbox="": the stored HTML runs no script and reaches nothing (no forms, no top navigation). */}
        <iframe
          title="Mensaje enviado"
          sandbox=""
          srcDoc={html}
          style={{ width: '100%', height: 480, border: 0, background: '#fff' }}
        />
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          <Title order={3}>Eventos</Title>
          {eventos.length === 0 ? (
            <Text c="gray.7" size="sm">
              Sin aperturas, clics ni respuestas todavía.
            </Text>
          ) : (
            <Card withBorder p={0}>
              <Table aria-label="Eventos del envío">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Fecha</Table.Th>
                    <Table.Th>Evento</Table.Th>
                    <Table.Th>Detalle</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {eventos.map((ev) => (
                    <Table.Tr key={ev.id}>
                      <Table.Td>{formatearFechaHora(ev.fecha)}</Table.Td>
                      <Table.Td>{tiposEvento[ev.tipo] ?? ev.tipo}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-word' }}>{ev.detalle ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={3}>Respuestas</Title>
          {respuestas.length === 0 ? (
            <Text c="gray.7" size="sm">
              No llegaron respuestas a este correo.
            </Text>
          ) : (
            respuestas.map((r) => (
              <Card withBorder key={r.id} id={`respuesta-${r.id}`}>
                <Group justify="space-between" mb={4}>
                  <Text fw={500} size="sm">
                    {r.de}
                  </Text>
                  <Badge variant="outline" color={r.tipo === 'respuesta' ? 'teal.9' : 'gray.8'}>
                    {tiposEvento[r.tipo] ?? r.tipo}
                  </Badge>
                </Group>
                <Text size="xs" c="gray.7">
                  {formatearFechaHora(r.fecha)} · {r.asunto}
                  {r.acuseEnviado && ' · acuse enviado'}
                </Text>
                {r.motivo && (
                  <Text size="xs" c="gray.7">
                    {r.motivo}
                  </Text>
                )}
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.texto}
                </Text>
              </Card>
            ))
          )}
        </Stack>
      </SimpleGrid>
    </Pagina>
  );
}

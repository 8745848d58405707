import { Anchor, Badge, Card, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { descargar } from '@/api/client';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { useActividadesCliente } from '@/components/gestion/api/use-actividades-cliente';
import { usePagosCliente } from '@/components/gestion/api/use-pagos-cliente';
import { lineaTiempo } from '@/components/gestion/linea-tiempo';
import { EnlaceCorreoActividad } from '@/components/notificaciones/enlace-correo-actividad';
import { etiquetaResultado, etiquetasCanal } from '@/components/gestion/registrar-actividad-logica';
import { formatearMonto, nombreCanal } from '@/lib/cartera';
import { formatearFecha, formatearFechaHora } from '@/lib/formato';
import { notificarError } from '@/lib/notificar';

const tamano = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The client's timeline, newest first: its activities (with attachments to download) and the payments it made. */
export function HistorialCliente({ clienteId }: { clienteId: string }) {
  const actividades = useActividadesCliente(clienteId);
  const pagos = usePagosCliente(clienteId);
  if (actividades.isPending || pagos.isPending) return <Cargando />;
  if (actividades.isError)
    return <ErrorConsulta error={actividades.error} reintentar={() => void actividades.refetch()} />;
  if (pagos.isError) return <ErrorConsulta error={pagos.error} reintentar={() => void pagos.refetch()} />;
  const items = actividades.data.items;
  const entradas = lineaTiempo(items, pagos.data.items);
  if (entradas.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Aún no hay actividades ni pagos registrados para este cliente.
      </Text>
    );

  return (
    <Card withBorder>
      <Timeline bulletSize={14} lineWidth={2} aria-label="Historial de actividades">
        {entradas.map((e) => {
          const clave = e.clave;
          if (e.tipo === 'pago') {
            const p = e.pago;
            return (
              <Timeline.Item
                key={clave}
                color="teal"
                title={
                  <Group gap="xs">
                    <Text fw={500}>{p.canal === 'portal' ? 'Pago en línea recibido' : 'Pago recibido'}</Text>
                    <Badge variant="outline" color="gray">
                      {nombreCanal(p.canal)}
                    </Badge>
                  </Group>
                }
              >
                <Text size="xs" c="dimmed">
                  {formatearFecha(p.fecha)}
                  {p.referencia ? ` · ${p.referencia}` : ''}
                </Text>
                <Text size="sm">
                  {formatearMonto(p.monto, p.moneda)}, aplicado {formatearMonto(p.aplicado, p.moneda)}
                </Text>
              </Timeline.Item>
            );
          }
          const a = e.actividad;
          return (
            <Timeline.Item
              key={clave}
              title={
                <Group gap="xs">
                  <Text fw={500}>{a.tipoNombre}</Text>
                  {a.resultado && <Badge variant="light">{etiquetaResultado(a.resultado)}</Badge>}
                  <Badge variant="outline" color="gray">
                    {etiquetasCanal[a.canal] ?? a.canal}
                  </Badge>
                  {a.motivoExcepcion && (
                    <Badge color="orange" variant="light" title={a.motivoExcepcion}>
                      Excepción
                    </Badge>
                  )}
                </Group>
              }
            >
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {formatearFechaHora(a.fecha)} · {a.registradaPor}
                </Text>
                {a.notas && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {a.notas}
                  </Text>
                )}
                {a.motivoExcepcion && (
                  <Text size="sm" c="orange.8">
                    Excepción: {a.motivoExcepcion}
                  </Text>
                )}
                {a.proximaAccion && <Text size="sm">Próxima acción: {formatearFecha(a.proximaAccion)}</Text>}
                <EnlaceCorreoActividad origen={a.origen} origenId={a.origenId} />
                {a.adjuntos.map((x) => (
                  <Anchor
                    key={x.id}
                    size="sm"
                    component="button"
                    type="button"
                    onClick={() =>
                      void descargar(`/api/v1/gestion/actividades/${a.id}/adjuntos/${x.id}`, x.nombre).catch(
                        (e: unknown) => notificarError(e, 'No se pudo descargar el adjunto'),
                      )
                    }
                  >
                    <Group gap={4}>
                      <IconPaperclip size={14} />
                      {x.nombre} ({tamano(Number(x.tamano))})
                    </Group>
                  </Anchor>
                ))}
              </Stack>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {actividades.data.total > items.length && (
        <Text size="xs" c="dimmed" mt="sm">
          Se muestran las {items.length} más recientes de {actividades.data.total}.
        </Text>
      )}
    </Card>
  );
}

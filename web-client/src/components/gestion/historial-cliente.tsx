import { Anchor, Badge, Card, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { descargar } from '@/api/client';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { useActividadesCliente } from '@/components/gestion/api/use-actividades-cliente';
import { EnlaceCorreoActividad } from '@/components/notificaciones/enlace-correo-actividad';
import { etiquetaResultado, etiquetasCanal } from '@/components/gestion/registrar-actividad-logica';
import { formatearFecha, formatearFechaHora } from '@/lib/formato';
import { notificarError } from '@/lib/notificar';

const tamano = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The client's activity timeline, newest first, with its attachments to download. */
export function HistorialCliente({ clienteId }: { clienteId: string }) {
  const actividades = useActividadesCliente(clienteId);
  if (actividades.isPending) return <Cargando />;
  if (actividades.isError)
    return <ErrorConsulta error={actividades.error} reintentar={() => void actividades.refetch()} />;
  const items = actividades.data.items;
  if (items.length === 0)
    return (
      <Text c="dimmed" size="sm">
        Aún no hay actividades registradas para este cliente.
      </Text>
    );

  return (
    <Card withBorder>
      <Timeline bulletSize={14} lineWidth={2} aria-label="Historial de actividades">
        {items.map((a) => (
          <Timeline.Item
            key={a.id}
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
        ))}
      </Timeline>
      {actividades.data.total > items.length && (
        <Text size="xs" c="dimmed" mt="sm">
          Se muestran las {items.length} más recientes de {actividades.data.total}.
        </Text>
      )}
    </Card>
  );
}

import { Badge, Button, Card, Code, Group, Modal, Stack, Switch, Table, Text } from '@mantine/core';
import { IconPlus, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import type { Respuesta } from '@/api/types';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearFechaHora } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useActualizarSuscripcionWebhook } from '@/features/integraciones-webhooks/api/use-actualizar-suscripcion-webhook';
import { useCrearSuscripcionWebhook } from '@/features/integraciones-webhooks/api/use-crear-suscripcion-webhook';
import { useEliminarSuscripcionWebhook } from '@/features/integraciones-webhooks/api/use-eliminar-suscripcion-webhook';
import { useProbarSuscripcionWebhook } from '@/features/integraciones-webhooks/api/use-probar-suscripcion-webhook';
import { useRotarSecretoWebhook } from '@/features/integraciones-webhooks/api/use-rotar-secreto-webhook';
import { useSuscripcionesWebhook } from '@/features/integraciones-webhooks/api/use-suscripciones-webhook';
import { useTiposEventoWebhook } from '@/features/integraciones-webhooks/api/use-tipos-evento-webhook';
import { EntregasWebhook } from '@/features/integraciones-webhooks/components/entregas-webhook';
import { SecretoMostrado } from '@/features/integraciones-webhooks/components/secreto-mostrado';
import { SuscripcionForm } from '@/features/integraciones-webhooks/components/suscripcion-form';

type Suscripcion = Respuesta<'ListarSuscripcionesWebhook'>[number];

type EstadoModal =
  | { paso: 'crear' }
  | { paso: 'editar'; s: Suscripcion }
  | { paso: 'secreto'; secreto: string; titulo: string }
  | { paso: 'entregas'; s: Suscripcion }
  | null;

export default function WebhooksRoute() {
  const suscripciones = useSuscripcionesWebhook();
  const tipos = useTiposEventoWebhook();
  const crear = useCrearSuscripcionWebhook();
  const actualizar = useActualizarSuscripcionWebhook();
  const eliminar = useEliminarSuscripcionWebhook();
  const rotar = useRotarSecretoWebhook();
  const probar = useProbarSuscripcionWebhook();
  const [modal, setModal] = useState<EstadoModal>(null);

  const cambiarActiva = async (s: Suscripcion, activa: boolean) => {
    try {
      await actualizar.mutateAsync({
        id: s.id,
        body: { url: s.url, descripcion: s.descripcion, eventos: s.eventos, activa },
      });
      notificarExito(activa ? 'Webhook activado.' : 'Webhook desactivado.');
    } catch (e) {
      notificarError(e);
    }
  };

  const enviarPrueba = async (s: Suscripcion) => {
    try {
      const r = await probar.mutateAsync(s.id);
      const intento = r.intentos.at(-1);
      if (r.entrega.estado === 'entregada')
        notificarExito(
          `El receptor respondió ${intento?.codigoEstado} en ${intento?.duracionMs} ms.`,
          'Evento de prueba entregado',
        );
      else
        notificarError(
          new Error(r.entrega.ultimoDetalle ?? 'El receptor no aceptó el evento.'),
          'Evento de prueba no entregado',
        );
    } catch (e) {
      notificarError(e);
    }
  };

  return (
    <Pagina
      titulo="Webhooks"
      descripcion="Avisos firmados a sus sistemas cuando ocurren eventos de la cobranza"
      acciones={
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setModal({ paso: 'crear' })}
          disabled={!tipos.data}
        >
          Nuevo webhook
        </Button>
      }
    >
      {suscripciones.isPending ? (
        <Cargando />
      ) : suscripciones.isError ? (
        <ErrorConsulta error={suscripciones.error} />
      ) : suscripciones.data.length === 0 ? (
        <Card withBorder>
          <Text c="dimmed">No hay webhooks. Cree uno para recibir eventos en su ERP o en otro sistema.</Text>
        </Card>
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label="Webhooks" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Receptor</Table.Th>
                  <Table.Th>Eventos</Table.Th>
                  <Table.Th>Creado</Table.Th>
                  <Table.Th>Activo</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {suscripciones.data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text size="sm" style={{ wordBreak: 'break-all' }}>
                        {s.url}
                      </Text>
                      {s.descripcion && (
                        <Text size="xs" c="dimmed">
                          {s.descripcion}
                        </Text>
                      )}
                      {s.desactivadaAutomaticamente && (
                        <Badge color="red" variant="light" mt={4}>
                          Desactivado por fallos el {formatearFechaHora(s.desactivadaAutomaticamente)}
                        </Badge>
                      )}
                      {s.activa && s.fallosConsecutivos > 0 && (
                        <Badge color="yellow" variant="light" mt={4}>
                          {s.fallosConsecutivos} fallos seguidos
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {s.eventos.map((e) => (
                          <Code key={e}>{e}</Code>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatearFechaHora(s.creada)}</Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`Activo ${s.url}`}
                        checked={s.activa}
                        onChange={(ev) => cambiarActiva(s, ev.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td align="right">
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setModal({ paso: 'entregas', s })}>
                          Entregas
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          disabled={!s.activa}
                          loading={probar.isPending && probar.variables === s.id}
                          onClick={() => enviarPrueba(s)}
                        >
                          Enviar prueba
                        </Button>
                        <Button size="xs" variant="default" onClick={() => setModal({ paso: 'editar', s })}>
                          Editar
                        </Button>
                        <BotonConfirmar
                          size="xs"
                          variant="default"
                          titulo="Rotar secreto"
                          mensaje="Se generará un secreto nuevo y el actual dejará de firmar de inmediato: actualice el receptor con el nuevo."
                          confirmar="Rotar"
                          onConfirm={async () => {
                            try {
                              const r = await rotar.mutateAsync(s.id);
                              setModal({ paso: 'secreto', secreto: r.secreto, titulo: 'Secreto rotado' });
                            } catch (e) {
                              notificarError(e);
                              throw e;
                            }
                          }}
                        >
                          Rotar secreto
                        </BotonConfirmar>
                        <BotonConfirmar
                          size="xs"
                          variant="light"
                          color="red"
                          titulo="Eliminar webhook"
                          mensaje={`Se eliminará el webhook hacia ${s.url} con su registro de entregas.`}
                          confirmar="Eliminar"
                          onConfirm={async () => {
                            try {
                              await eliminar.mutateAsync(s.id);
                              notificarExito('Webhook eliminado.');
                            } catch (e) {
                              notificarError(e);
                              throw e;
                            }
                          }}
                        >
                          Eliminar
                        </BotonConfirmar>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Modal
        opened={modal !== null}
        onClose={() => setModal(null)}
        closeOnClickOutside={modal?.paso !== 'secreto'}
        size={modal?.paso === 'entregas' ? '80rem' : 'lg'}
        title={
          modal?.paso === 'crear'
            ? 'Nuevo webhook'
            : modal?.paso === 'editar'
              ? 'Editar webhook'
              : modal?.paso === 'secreto'
                ? modal.titulo
                : modal?.paso === 'entregas'
                  ? `Entregas a ${modal.s.url}`
                  : ''
        }
      >
        {modal?.paso === 'crear' && tipos.data && (
          <SuscripcionForm
            tipos={tipos.data}
            textoEnviar="Crear webhook"
            onCancelar={() => setModal(null)}
            onEnviar={async (body) => {
              const r = await crear.mutateAsync(body);
              setModal({ paso: 'secreto', secreto: r.secreto, titulo: 'Webhook creado' });
            }}
          />
        )}
        {modal?.paso === 'editar' && tipos.data && (
          <SuscripcionForm
            tipos={tipos.data}
            inicial={{
              url: modal.s.url,
              descripcion: modal.s.descripcion ?? '',
              eventos: [...modal.s.eventos],
              activa: modal.s.activa,
            }}
            textoEnviar="Guardar"
            onCancelar={() => setModal(null)}
            onEnviar={async (body) => {
              await actualizar.mutateAsync({ id: modal.s.id, body });
              notificarExito('Webhook actualizado.');
              setModal(null);
            }}
          />
        )}
        {modal?.paso === 'secreto' && (
          <SecretoMostrado secreto={modal.secreto} onCerrar={() => setModal(null)} />
        )}
        {modal?.paso === 'entregas' && (
          <Stack>
            <Group gap="xs">
              <IconWebhook size={16} />
              <Text size="sm" c="dimmed">
                Los fallos se reintentan solos con espera creciente durante casi un día; «Reenviar» manda el
                mismo evento ahora.
              </Text>
            </Group>
            <EntregasWebhook suscripcionId={modal.s.id} />
          </Stack>
        )}
      </Modal>
    </Pagina>
  );
}

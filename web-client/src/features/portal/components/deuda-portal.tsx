import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError, mensajeDeError } from '@/api/errors';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { descargarPortal, type DocumentoPortal } from '@/features/portal/api/cliente-portal';
import { useCrearReclamo } from '@/features/portal/api/use-crear-reclamo';
import { usePagarPortal } from '@/features/portal/api/use-pagar-portal';
import {
  alternar,
  etiquetaDocumento,
  idsVencidos,
  textoVencimiento,
  totalElegido,
} from '@/features/portal/lib/portal';

interface Props {
  documentos: DocumentoPortal[];
  hoy: string;
}

/** The staff's reason ("active a provider in Integraciones") is not for the client: it gets what it can do instead. */
function mensajePago(error: unknown): string {
  if (error instanceof ApiError && error.status === 422 && /proveedor/i.test(mensajeDeError(error)))
    return 'El pago en línea no está disponible por ahora. Puede depositar en las cuentas de la pestaña Cuentas.';
  return mensajeDeError(error);
}

/** The open documents: choose some (or all overdue) to pay online, see each PDF, open a claim. */
export function DeudaPortal({ documentos, hoy }: Props) {
  const [elegidos, setElegidos] = useState<Set<string>>(new Set());
  const [reclamar, setReclamar] = useState<DocumentoPortal | null>(null);
  const [mensaje, setMensaje] = useState('');
  const pagar = usePagarPortal();
  const reclamo = useCrearReclamo();
  const vencidos = idsVencidos(documentos);

  const irAPagar = async (cuerpo: { documentoIds?: string[]; deudaVencida?: boolean }) => {
    try {
      const enlace = await pagar.mutateAsync(cuerpo);
      if (enlace.url) window.location.assign(enlace.url);
    } catch {
      // Shown below the buttons (mensajePago).
    }
  };

  if (documentos.length === 0)
    return (
      <Alert color="teal" role="status">
        No tiene documentos pendientes.
      </Alert>
    );

  return (
    <Stack gap="sm">
      <Group grow>
        <Button
          size="md"
          disabled={vencidos.length === 0}
          loading={pagar.isPending}
          onClick={() => irAPagar({ deudaVencida: true })}
        >
          Pagar todo lo vencido
        </Button>
        <Button
          size="md"
          variant="light"
          disabled={elegidos.size === 0}
          loading={pagar.isPending}
          onClick={() => irAPagar({ documentoIds: [...elegidos] })}
        >
          Pagar elegidos ({formatearPesos(totalElegido(documentos, elegidos))})
        </Button>
      </Group>
      {pagar.isError ? (
        <Alert color="red" role="alert">
          {mensajePago(pagar.error)}
        </Alert>
      ) : null}
      <Stack
        gap="xs"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label="Documentos pendientes"
      >
        {documentos.map((d) => (
          <Card key={d.id} withBorder radius="md" p="sm" component="li">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Checkbox
                checked={elegidos.has(d.id)}
                onChange={() => setElegidos((e) => alternar(e, d.id))}
                label={etiquetaDocumento(d.tipo, d.folio)}
                description={`Vence el ${formatearFecha(d.fechaVencimiento)}`}
              />
              <Stack gap={2} align="flex-end">
                <Text fw={700}>{formatearPesos(d.saldo)}</Text>
                <Badge color={d.diasVencido > 0 ? 'red' : 'gray'} variant="light">
                  {textoVencimiento(d.diasVencido, d.fechaVencimiento, hoy)}
                </Badge>
              </Stack>
            </Group>
            <Group gap="md" mt="xs">
              {d.tieneArchivo ? (
                <Anchor
                  component="button"
                  size="sm"
                  onClick={() =>
                    descargarPortal(
                      `/api/v1/portal/documentos/${d.id}/archivo`,
                      `documento-${d.folio}.pdf`,
                    ).catch((e: unknown) => notificarError(e))
                  }
                >
                  Ver PDF
                </Anchor>
              ) : null}
              <Anchor component="button" size="sm" onClick={() => setReclamar(d)}>
                Reclamar
              </Anchor>
            </Group>
          </Card>
        ))}
      </Stack>
      <Modal
        opened={reclamar !== null}
        onClose={() => setReclamar(null)}
        title={reclamar ? `Reclamo: ${etiquetaDocumento(reclamar.tipo, reclamar.folio)}` : ''}
        fullScreen={typeof window !== 'undefined' && window.innerWidth < 500}
      >
        <Stack>
          <Textarea
            label="¿Qué ocurre con este documento?"
            minRows={4}
            maxLength={2000}
            value={mensaje}
            onChange={(e) => setMensaje(e.currentTarget.value)}
          />
          <Button
            disabled={mensaje.trim() === ''}
            loading={reclamo.isPending}
            onClick={async () => {
              if (!reclamar) return;
              try {
                await reclamo.mutateAsync({ documentoId: reclamar.id, mensaje: mensaje.trim() });
                notificarExito('Su reclamo fue enviado. Le responderemos en este portal.');
                setReclamar(null);
                setMensaje('');
              } catch (e) {
                notificarError(e, 'No se pudo enviar el reclamo');
              }
            }}
          >
            Enviar reclamo
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDownload, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { descargar } from '@/api/client';
import {
  useDocumentacion,
  useEliminarDocumentoCliente,
  useRegistrarDocumentoCliente,
  useSubirArchivoDocumentoCliente,
} from '@/components/clientes/api/use-documentacion';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { usePermiso } from '@/lib/auth-contexto';
import { formatearFecha, formatearLimite } from '@/lib/formato';
import { mostrarErrorEnFormulario, numeroONulo, vacioANulo } from '@/lib/formulario';
import { notificarError, notificarExito } from '@/lib/notificar';

const TIPOS_DOCUMENTACION = [
  { value: 'contrato', label: 'Contrato' },
  { value: 'pagare', label: 'Pagaré' },
  { value: 'boleta_garantia', label: 'Boleta de garantía' },
  { value: 'orden_compra', label: 'Orden de compra' },
  { value: 'poder', label: 'Poder / representante legal' },
  { value: 'poliza', label: 'Póliza' },
  { value: 'correspondencia', label: 'Correspondencia' },
];

const ALERTA_DOCUMENTO: Record<string, { etiqueta: string; color: string }> = {
  vigente: { etiqueta: 'Vigente', color: 'green' },
  por_vencer: { etiqueta: 'Por vencer', color: 'yellow' },
  vencido: { etiqueta: 'Vencido', color: 'red.8' },
  sin_vencimiento: { etiqueta: 'Sin vencimiento', color: 'gray.7' },
};

/** The client's documents (contracts, pagarés, guarantees, powers, policies, letters) with their files and expiry alerts. */
export function DocumentacionCliente({ clienteId }: { clienteId: string }) {
  const documentacion = useDocumentacion(clienteId);
  const eliminar = useEliminarDocumentoCliente(clienteId);
  const subir = useSubirArchivoDocumentoCliente(clienteId);
  const puedeEditar = usePermiso('editar');
  const [agregando, setAgregando] = useState(false);

  if (documentacion.isPending) return <Cargando />;
  if (documentacion.isError)
    return <ErrorConsulta error={documentacion.error} reintentar={() => void documentacion.refetch()} />;
  const d = documentacion.data;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>Documentación</Title>
        {puedeEditar && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAgregando(true)}>
            Agregar documento
          </Button>
        )}
      </Group>
      {d.garantiaRequerida && (
        <Alert color={d.garantiaVigente ? 'green' : 'orange'} title="Garantía exigida por el segmento">
          {d.garantiaVigente
            ? `${d.garantiaRequeridaNombre} vigente en la documentación.`
            : `Falta ${d.garantiaRequeridaNombre ?? ''} vigente: una línea de crédito no se aprueba sin ella.`}
        </Alert>
      )}
      {d.documentos.length === 0 ? (
        <Text c="dimmed">Sin documentos registrados.</Text>
      ) : (
        <Card withBorder p={0}>
          <Table aria-label="Documentación del cliente" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tipo</Table.Th>
                <Table.Th>Descripción</Table.Th>
                <Table.Th ta="right">Monto</Table.Th>
                <Table.Th>Vencimiento</Table.Th>
                <Table.Th>Estado</Table.Th>
                <Table.Th>Archivo</Table.Th>
                {puedeEditar && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.documentos.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.tipoNombre}</Table.Td>
                  <Table.Td>
                    {x.descripcion}
                    {x.representante && (
                      <Text size="xs" c="dimmed">
                        Representante: {x.representante}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {x.monto === null || x.monto === undefined ? '' : formatearLimite(x.monto, x.moneda)}
                  </Table.Td>
                  <Table.Td>{formatearFecha(x.vencimiento)}</Table.Td>
                  <Table.Td>
                    <Badge color={ALERTA_DOCUMENTO[x.alerta]?.color}>
                      {ALERTA_DOCUMENTO[x.alerta]?.etiqueta ?? x.alerta}
                      {x.alerta === 'por_vencer' &&
                      x.diasParaVencer !== null &&
                      x.diasParaVencer !== undefined
                        ? ` (${x.diasParaVencer} d)`
                        : ''}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {x.tieneArchivo && (
                        <Tooltip label={`Descargar ${x.archivoNombre ?? ''}`}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={`Descargar archivo de ${x.descripcion}`}
                            onClick={() =>
                              void descargar(
                                `/api/v1/clientes/${clienteId}/documentacion/${x.id}/archivo`,
                                x.archivoNombre ?? 'documento.pdf',
                              ).catch((e: unknown) => notificarError(e, 'No se pudo descargar el archivo'))
                            }
                          >
                            <IconDownload size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                      {puedeEditar && (
                        <FileButton
                          accept="application/pdf,image/jpeg,image/png,image/webp"
                          onChange={(archivo) => {
                            if (!archivo) return;
                            void subir
                              .mutateAsync({ documentoId: x.id, archivo })
                              .then(() => notificarExito('Archivo guardado.'))
                              .catch((e: unknown) => notificarError(e, 'No se pudo subir el archivo'));
                          }}
                        >
                          {(props) => (
                            <Tooltip
                              label={x.tieneArchivo ? 'Reemplazar archivo' : 'Subir archivo (PDF o imagen)'}
                            >
                              <ActionIcon
                                variant="subtle"
                                aria-label={`Subir archivo de ${x.descripcion}`}
                                {...props}
                              >
                                <IconUpload size={16} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </FileButton>
                      )}
                    </Group>
                  </Table.Td>
                  {puedeEditar && (
                    <Table.Td align="right">
                      <Tooltip label="Eliminar">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Eliminar ${x.descripcion}`}
                          onClick={() =>
                            void eliminar
                              .mutateAsync(x.id)
                              .then(() => notificarExito('Documento eliminado.'))
                              .catch((e: unknown) => notificarError(e, 'No se pudo eliminar'))
                          }
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Modal opened={agregando} onClose={() => setAgregando(false)} title="Agregar documento">
        {agregando && <NuevoDocumento clienteId={clienteId} onListo={() => setAgregando(false)} />}
      </Modal>
    </Stack>
  );
}

function NuevoDocumento({ clienteId, onListo }: { clienteId: string; onListo: () => void }) {
  const registrar = useRegistrarDocumentoCliente(clienteId);
  const subir = useSubirArchivoDocumentoCliente(clienteId);
  const [archivo, setArchivo] = useState<File | null>(null);
  const form = useForm({
    initialValues: {
      tipo: 'contrato',
      descripcion: '',
      monto: '' as number | string,
      moneda: 'CLP',
      fechaEmision: null as string | null,
      vencimiento: null as string | null,
      representante: '',
    },
    validate: { descripcion: (v) => (v.trim() ? null : 'Ingrese la descripción.') },
  });
  return (
    <form
      aria-label="Nuevo documento"
      onSubmit={form.onSubmit(async (v) => {
        try {
          const monto = numeroONulo(v.monto);
          const doc = await registrar.mutateAsync({
            tipo: v.tipo,
            descripcion: v.descripcion.trim(),
            monto,
            moneda: monto === null ? null : v.moneda,
            fechaEmision: v.fechaEmision,
            vencimiento: v.vencimiento,
            representante: vacioANulo(v.representante),
          });
          if (archivo) await subir.mutateAsync({ documentoId: doc.id, archivo });
          notificarExito('Documento registrado.');
          onListo();
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <Select
          label="Tipo"
          data={TIPOS_DOCUMENTACION}
          allowDeselect={false}
          {...form.getInputProps('tipo')}
        />
        <TextInput label="Descripción" maxLength={300} {...form.getInputProps('descripcion')} />
        <SimpleGrid cols={2}>
          <NumberInput
            label="Monto"
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            {...form.getInputProps('monto')}
          />
          <Select
            label="Moneda"
            data={['CLP', 'UF']}
            allowDeselect={false}
            {...form.getInputProps('moneda')}
          />
          <CampoFecha label="Fecha de emisión" clearable {...form.getInputProps('fechaEmision')} />
          <CampoFecha label="Vencimiento" clearable {...form.getInputProps('vencimiento')} />
        </SimpleGrid>
        {form.values.tipo === 'poder' && (
          <TextInput
            label="Representante legal"
            placeholder="Nombre y RUT"
            {...form.getInputProps('representante')}
          />
        )}
        <FileButton onChange={setArchivo} accept="application/pdf,image/jpeg,image/png,image/webp">
          {(props) => (
            <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
              {archivo ? archivo.name : 'Adjuntar archivo (PDF o imagen)'}
            </Button>
          )}
        </FileButton>
        <Group justify="flex-end">
          <Button variant="default" onClick={onListo}>
            Cancelar
          </Button>
          <Button type="submit" loading={form.submitting}>
            Guardar
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

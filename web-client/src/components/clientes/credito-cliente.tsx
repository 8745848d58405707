import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import {
  type EstadoAprobacion,
  type SolicitudCredito,
  useCrearSolicitudCredito,
  useDecidirSolicitudCredito,
  useEnviarSolicitudCredito,
  useGuardarInformeComercial,
  useSolicitudCredito,
  useSolicitudesCredito,
} from '@/components/clientes/api/use-credito';
import { SeguroCliente } from '@/components/clientes/seguro-cliente';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { usePermiso } from '@/lib/auth-contexto';
import {
  aFechaIso,
  formatearFecha,
  formatearFechaHora,
  formatearLimite,
  formatearNumero,
} from '@/lib/formato';
import { mostrarErrorEnFormulario, numeroONulo, vacioANulo } from '@/lib/formulario';
import { notificarError, notificarExito } from '@/lib/notificar';

const ESTADO_SOLICITUD: Record<string, { etiqueta: string; color: string }> = {
  borrador: { etiqueta: 'Borrador', color: 'gray.7' },
  en_aprobacion: { etiqueta: 'En aprobación', color: 'yellow' },
  aprobada: { etiqueta: 'Aprobada', color: 'green' },
  rechazada: { etiqueta: 'Rechazada', color: 'red.8' },
};

const ESTADO_APROBACION: Record<string, { etiqueta: string; color: string }> = {
  pendiente: { etiqueta: 'Pendiente', color: 'yellow' },
  aprobada: { etiqueta: 'Aprobada', color: 'green' },
  rechazada: { etiqueta: 'Rechazada', color: 'red.8' },
};

/** Credit requests of a client: the evaluation (bureau report, score by factor) and its approval by amount. */
export function CreditoCliente({ clienteId }: { clienteId: string }) {
  const solicitudes = useSolicitudesCredito(clienteId);
  const puedeEditar = usePermiso('editar');
  const [elegida, setElegida] = useState<string | null>(null);
  const [creando, setCreando] = useState(false);

  if (solicitudes.isPending) return <Cargando />;
  if (solicitudes.isError)
    return <ErrorConsulta error={solicitudes.error} reintentar={() => void solicitudes.refetch()} />;
  const abierta = solicitudes.data.some((s) => s.estado === 'borrador' || s.estado === 'en_aprobacion');
  const actual = elegida ?? solicitudes.data[0]?.id ?? null;

  return (
    <Stack>
      <SeguroCliente clienteId={clienteId} />
      <Group justify="space-between">
        <Title order={4}>Solicitudes de crédito</Title>
        {puedeEditar && !abierta && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreando(true)}>
            Nueva solicitud
          </Button>
        )}
      </Group>
      {solicitudes.data.length === 0 ? (
        <Text c="dimmed">El cliente no tiene solicitudes de crédito.</Text>
      ) : (
        <Card withBorder p={0}>
          <Table aria-label="Solicitudes de crédito" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Creada</Table.Th>
                <Table.Th ta="right">Línea solicitada</Table.Th>
                <Table.Th ta="right">Plazo</Table.Th>
                <Table.Th>Estado</Table.Th>
                <Table.Th>Vigente hasta</Table.Th>
                <Table.Th>Creada por</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {solicitudes.data.map((s) => (
                <Table.Tr
                  key={s.id}
                  onClick={() => setElegida(s.id)}
                  bg={s.id === actual ? 'var(--mantine-color-blue-light)' : undefined}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => setElegida(s.id)}>
                      {formatearFecha(s.creada)}
                    </Button>
                  </Table.Td>
                  <Table.Td ta="right">{formatearLimite(s.limiteSolicitado, s.moneda)}</Table.Td>
                  <Table.Td ta="right">{s.plazoDias} días</Table.Td>
                  <Table.Td>
                    <Badge color={ESTADO_SOLICITUD[s.estado]?.color}>
                      {ESTADO_SOLICITUD[s.estado]?.etiqueta ?? s.estado}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatearFecha(s.vigenteHasta)}</Table.Td>
                  <Table.Td>{s.creadaPor}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {actual && <DetalleSolicitud id={actual} />}
      <Modal opened={creando} onClose={() => setCreando(false)} title="Nueva solicitud de crédito" size="lg">
        {creando && (
          <NuevaSolicitud
            clienteId={clienteId}
            onCreada={(id) => {
              setElegida(id);
              setCreando(false);
            }}
            onCancelar={() => setCreando(false)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function NuevaSolicitud({
  clienteId,
  onCreada,
  onCancelar,
}: {
  clienteId: string;
  onCreada: (id: string) => void;
  onCancelar: () => void;
}) {
  const crear = useCrearSolicitudCredito();
  const form = useForm({
    initialValues: {
      limiteSolicitado: '' as number | string,
      moneda: 'UF',
      plazoDias: 30 as number | string,
      vigenciaMeses: 12 as number | string,
      referenciasComerciales: '',
      ventasAnuales: '' as number | string,
      patrimonio: '' as number | string,
      deudaFinanciera: '' as number | string,
      utilidadNeta: '' as number | string,
    },
    validate: {
      limiteSolicitado: (v) => ((numeroONulo(v) ?? 0) > 0 ? null : 'Ingrese la línea solicitada.'),
    },
  });
  return (
    <form
      aria-label="Nueva solicitud de crédito"
      onSubmit={form.onSubmit(async (v) => {
        try {
          const s = await crear.mutateAsync({
            clienteId,
            limiteSolicitado: numeroONulo(v.limiteSolicitado) ?? 0,
            moneda: v.moneda,
            plazoDias: numeroONulo(v.plazoDias) ?? 0,
            vigenciaMeses: numeroONulo(v.vigenciaMeses),
            referenciasComerciales: vacioANulo(v.referenciasComerciales),
            financieros: {
              ventasAnuales: numeroONulo(v.ventasAnuales),
              patrimonio: numeroONulo(v.patrimonio),
              deudaFinanciera: numeroONulo(v.deudaFinanciera),
              utilidadNeta: numeroONulo(v.utilidadNeta),
            },
          });
          notificarExito('Solicitud creada: complete el informe comercial y envíela a aprobación.');
          onCreada(s.id);
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <SimpleGrid cols={2}>
          <NumberInput
            label="Línea solicitada"
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            {...form.getInputProps('limiteSolicitado')}
          />
          <Select
            label="Moneda"
            data={['UF', 'CLP']}
            allowDeselect={false}
            {...form.getInputProps('moneda')}
          />
          <NumberInput
            label="Plazo de pago (días)"
            min={0}
            allowDecimal={false}
            {...form.getInputProps('plazoDias')}
          />
          <NumberInput
            label="Vigencia (meses)"
            min={1}
            max={60}
            allowDecimal={false}
            {...form.getInputProps('vigenciaMeses')}
          />
        </SimpleGrid>
        <Textarea
          label="Referencias comerciales"
          autosize
          minRows={2}
          {...form.getInputProps('referenciasComerciales')}
        />
        <Text fw={500}>Datos financieros (pesos)</Text>
        <SimpleGrid cols={2}>
          <NumberInput
            label="Ventas anuales"
            thousandSeparator="."
            decimalSeparator=","
            {...form.getInputProps('ventasAnuales')}
          />
          <NumberInput
            label="Patrimonio"
            thousandSeparator="."
            decimalSeparator=","
            {...form.getInputProps('patrimonio')}
          />
          <NumberInput
            label="Deuda financiera"
            thousandSeparator="."
            decimalSeparator=","
            {...form.getInputProps('deudaFinanciera')}
          />
          <NumberInput
            label="Utilidad neta"
            thousandSeparator="."
            decimalSeparator=","
            {...form.getInputProps('utilidadNeta')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancelar}>
            Cancelar
          </Button>
          <Button type="submit" loading={form.submitting}>
            Crear solicitud
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DetalleSolicitud({ id }: { id: string }) {
  const solicitud = useSolicitudCredito(id);
  const enviar = useEnviarSolicitudCredito();
  const puedeEditar = usePermiso('editar');
  if (solicitud.isPending) return <Cargando />;
  if (solicitud.isError)
    return <ErrorConsulta error={solicitud.error} reintentar={() => void solicitud.refetch()} />;
  const s = solicitud.data;
  const borrador = s.estado === 'borrador';

  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={5}>
            Solicitud {s.tipo === 'nueva' ? 'de línea nueva' : 'de aumento de línea'}:{' '}
            {formatearLimite(s.limiteSolicitado, s.moneda)}
          </Title>
          <Badge color={ESTADO_SOLICITUD[s.estado]?.color}>
            {ESTADO_SOLICITUD[s.estado]?.etiqueta ?? s.estado}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Dato etiqueta="Línea anterior">{formatearLimite(s.limiteAnterior, s.monedaLimiteAnterior)}</Dato>
          <Dato etiqueta="Plazo">{s.plazoDias} días</Dato>
          <Dato etiqueta="Vigencia">{s.vigenciaMeses} meses</Dato>
          <Dato etiqueta="Monto en UF">
            {s.montoUf === null || s.montoUf === undefined ? '—' : `${formatearNumero(s.montoUf)} UF`}
          </Dato>
        </SimpleGrid>
        {s.referenciasComerciales && (
          <Text size="sm" mt="sm">
            <b>Referencias comerciales:</b> {s.referenciasComerciales}
          </Text>
        )}
        {s.financieros && (
          <Text size="sm" mt="xs">
            <b>Financieros:</b> ventas {formatearLimite(s.financieros.ventasAnuales ?? null, 'CLP')},
            patrimonio {formatearLimite(s.financieros.patrimonio ?? null, 'CLP')}, deuda financiera{' '}
            {formatearLimite(s.financieros.deudaFinanciera ?? null, 'CLP')}, utilidad{' '}
            {formatearLimite(s.financieros.utilidadNeta ?? null, 'CLP')}
          </Text>
        )}
        {s.garantiaFaltante && (
          <Alert color="orange" mt="sm" title="Falta la garantía del segmento">
            El segmento del cliente exige {s.garantiaFaltante} vigente en su documentación antes de aprobar la
            línea.
          </Alert>
        )}
        {borrador && puedeEditar && (
          <Group justify="flex-end" mt="sm">
            <Button
              loading={enviar.isPending}
              onClick={() =>
                void enviar
                  .mutateAsync(s.id)
                  .then(() => notificarExito('Solicitud enviada a aprobación.'))
                  .catch((e: unknown) => notificarError(e, 'No se pudo enviar a aprobación'))
              }
            >
              Enviar a aprobación
            </Button>
          </Group>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <InformeComercial solicitud={s} editable={borrador && puedeEditar} />
        <ScoreSolicitud solicitud={s} />
      </SimpleGrid>
      {s.aprobacion && <AprobacionSolicitud solicitudId={s.id} aprobacion={s.aprobacion} />}
    </Stack>
  );
}

function Dato({ etiqueta, children }: { etiqueta: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {etiqueta}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

function InformeComercial({ solicitud, editable }: { solicitud: SolicitudCredito; editable: boolean }) {
  const guardar = useGuardarInformeComercial();
  const i = solicitud.informe;
  const form = useForm({
    initialValues: {
      score: (i?.score ?? '') as number | string,
      protestos: (i?.protestos ?? 0) as number | string,
      morosidades: (i?.morosidades ?? 0) as number | string,
      dicomCantidad: (i?.dicomCantidad ?? 0) as number | string,
      dicomMonto: (i?.dicomMonto ?? 0) as number | string,
      fecha: (i?.fecha ?? aFechaIso(new Date())) as string | null,
    },
  });
  return (
    <Card withBorder>
      <Title order={5} mb="sm">
        Informe comercial
      </Title>
      {!editable ? (
        i ? (
          <SimpleGrid cols={2}>
            <Dato etiqueta="Fuente">{i.fuente}</Dato>
            <Dato etiqueta="Fecha">{formatearFecha(i.fecha)}</Dato>
            <Dato etiqueta="Score">{i.score ?? '—'}</Dato>
            <Dato etiqueta="Protestos">{i.protestos}</Dato>
            <Dato etiqueta="Morosidades">{i.morosidades}</Dato>
            <Dato etiqueta="DICOM">
              {i.dicomCantidad} por {formatearLimite(i.dicomMonto, 'CLP')}
            </Dato>
          </SimpleGrid>
        ) : (
          <Text c="dimmed">Sin informe comercial.</Text>
        )
      ) : (
        <form
          aria-label="Informe comercial"
          onSubmit={form.onSubmit(async (v) => {
            try {
              await guardar.mutateAsync({
                id: solicitud.id,
                body: {
                  fuente: 'manual',
                  score: numeroONulo(v.score),
                  protestos: numeroONulo(v.protestos) ?? 0,
                  morosidades: numeroONulo(v.morosidades) ?? 0,
                  dicomCantidad: numeroONulo(v.dicomCantidad) ?? 0,
                  dicomMonto: numeroONulo(v.dicomMonto) ?? 0,
                  fecha: v.fecha ?? aFechaIso(new Date()) ?? '',
                },
              });
              notificarExito('Informe comercial guardado.');
            } catch (e) {
              mostrarErrorEnFormulario(form, e);
            }
          })}
        >
          <SimpleGrid cols={2}>
            <NumberInput
              label="Score del bureau"
              min={0}
              max={999}
              allowDecimal={false}
              {...form.getInputProps('score')}
            />
            <CampoFecha label="Fecha del informe" {...form.getInputProps('fecha')} />
            <NumberInput
              label="Protestos"
              min={0}
              allowDecimal={false}
              {...form.getInputProps('protestos')}
            />
            <NumberInput
              label="Morosidades"
              min={0}
              allowDecimal={false}
              {...form.getInputProps('morosidades')}
            />
            <NumberInput
              label="Registros DICOM"
              min={0}
              allowDecimal={false}
              {...form.getInputProps('dicomCantidad')}
            />
            <NumberInput
              label="Monto DICOM"
              min={0}
              thousandSeparator="."
              decimalSeparator=","
              {...form.getInputProps('dicomMonto')}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button type="submit" variant="light" loading={form.submitting}>
              Guardar informe
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}

export function ScoreSolicitud({ solicitud }: { solicitud: SolicitudCredito }) {
  const sc = solicitud.score;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={5}>Score interno</Title>
        <Badge
          size="lg"
          color={
            sc.categoria === 'A'
              ? 'green'
              : sc.categoria === 'B'
                ? 'blue.8'
                : sc.categoria === 'C'
                  ? 'yellow'
                  : 'red.8'
          }
        >
          {formatearNumero(sc.total)} / 100 · {sc.categoria}
        </Badge>
      </Group>
      <Table aria-label="Aporte de cada factor al score" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Factor</Table.Th>
            <Table.Th>Dato</Table.Th>
            <Table.Th ta="right">Puntaje</Table.Th>
            <Table.Th ta="right">Peso</Table.Th>
            <Table.Th ta="right">Aporte</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sc.factores.map((f) => (
            <Table.Tr key={f.codigo}>
              <Table.Td title={f.regla}>
                {f.nombre}
                <Text size="xs" c="dimmed">
                  {f.regla}
                </Text>
              </Table.Td>
              <Table.Td>{f.dato}</Table.Td>
              <Table.Td ta="right">{formatearNumero(f.puntaje)}</Table.Td>
              <Table.Td ta="right">{f.ponderacionPorcentaje} %</Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatearNumero(f.aporte)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function AprobacionSolicitud({
  solicitudId,
  aprobacion,
}: {
  solicitudId: string;
  aprobacion: EstadoAprobacion;
}) {
  const decidir = useDecidirSolicitudCredito();
  const [comentario, setComentario] = useState('');
  const puedeEditar = usePermiso('editar');
  const a = aprobacion;
  const enviarDecision = (aprueba: boolean) =>
    void decidir
      .mutateAsync({ id: solicitudId, aprueba, comentario: vacioANulo(comentario) })
      .then(() => {
        setComentario('');
        notificarExito(aprueba ? 'Aprobación registrada.' : 'Rechazo registrado.');
      })
      .catch((e: unknown) => notificarError(e, 'No se registró la decisión'));
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={5}>
          Aprobación: {a.nivel} ({a.rolMinimo} o superior)
        </Title>
        <Badge color={ESTADO_APROBACION[a.estado]?.color}>
          {ESTADO_APROBACION[a.estado]?.etiqueta ?? a.estado} · {a.aprobacionesRecibidas} de{' '}
          {a.aprobacionesRequeridas}
        </Badge>
      </Group>
      {a.decisiones.length > 0 && (
        <Table aria-label="Decisiones" fz="sm" mb="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Fecha</Table.Th>
              <Table.Th>Aprobador</Table.Th>
              <Table.Th>Decisión</Table.Th>
              <Table.Th>Comentario</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.decisiones.map((d) => (
              <Table.Tr key={`${d.usuarioId}-${d.fecha}`}>
                <Table.Td>{formatearFechaHora(d.fecha)}</Table.Td>
                <Table.Td>
                  {d.actor} ({d.rol})
                </Table.Td>
                <Table.Td>
                  <Badge color={d.aprueba ? 'green' : 'red.8'}>{d.aprueba ? 'Aprueba' : 'Rechaza'}</Badge>
                </Table.Td>
                <Table.Td>{d.comentario}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {a.estado === 'pendiente' && puedeEditar && (
        <Stack gap="xs">
          <Textarea
            label="Comentario"
            description="Obligatorio para rechazar."
            value={comentario}
            onChange={(e) => setComentario(e.currentTarget.value)}
            maxLength={1000}
          />
          <Group justify="flex-end">
            <Button
              color="red"
              variant="light"
              loading={decidir.isPending}
              onClick={() => enviarDecision(false)}
            >
              Rechazar
            </Button>
            <Button color="green" loading={decidir.isPending} onClick={() => enviarDecision(true)}>
              Aprobar
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

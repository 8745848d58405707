import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { descargar } from '@/api/client';
import { useDocumentos } from '@/api/hooks/use-documentos';
import {
  type Convenio,
  type DatosConvenio,
  useAccionConvenio,
  useConvenio,
  useConvenios,
  useCrearConvenio,
  useVistaPreviaConvenio,
} from '@/components/cartera/api/use-convenios';
import {
  ESTADOS_CONVENIO,
  ESTADOS_CUOTA,
  TIPOS_CONVENIO,
  nombreTipoConvenio,
} from '@/components/cartera/convenios-textos';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { usePermiso } from '@/lib/auth-contexto';
import { nombreTipoDocumento } from '@/lib/cartera';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';

export function EstadoConvenio({ estado }: { estado: string }) {
  const e = ESTADOS_CONVENIO[estado] ?? { etiqueta: estado, color: 'gray.7' };
  return (
    <Badge color={e.color} variant="light">
      {e.etiqueta}
    </Badge>
  );
}

/** A client's convenios: the list, a new one from chosen open documents with a live preview, and each one's workflow. */
export function ConveniosCliente({ clienteId }: { clienteId: string }) {
  const lista = useConvenios(clienteId);
  const [elegido, setElegido] = useState<string | null>(null);
  const [creando, setCreando] = useState(false);
  const puedeEditar = usePermiso('editar');

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>Convenios de pago</Title>
        {puedeEditar && !creando && <Button onClick={() => setCreando(true)}>Nuevo convenio</Button>}
      </Group>
      {creando && (
        <NuevoConvenio
          clienteId={clienteId}
          cerrar={(id) => {
            setCreando(false);
            if (id) setElegido(id);
          }}
        />
      )}
      {lista.isPending ? (
        <Cargando />
      ) : lista.isError ? (
        <ErrorConsulta error={lista.error} reintentar={() => void lista.refetch()} />
      ) : lista.data.length === 0 ? (
        <Text c="dimmed">El cliente no tiene convenios.</Text>
      ) : (
        <Table striped highlightOnHover aria-label="Convenios del cliente">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Tipo</Table.Th>
              <Table.Th>Estado</Table.Th>
              <Table.Th ta="right">Convenido</Table.Th>
              <Table.Th ta="right">Total cuotas</Table.Th>
              <Table.Th ta="right">Saldo pendiente</Table.Th>
              <Table.Th>Firma</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lista.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.numero}</Table.Td>
                <Table.Td>{nombreTipoConvenio(c.tipo)}</Table.Td>
                <Table.Td>
                  <EstadoConvenio estado={c.estado} />
                </Table.Td>
                <Table.Td ta="right">{formatearPesos(c.montoConvenido)}</Table.Td>
                <Table.Td ta="right">{formatearPesos(c.totalCuotas)}</Table.Td>
                <Table.Td ta="right">
                  {c.saldoPendiente === null || c.saldoPendiente === undefined
                    ? '—'
                    : formatearPesos(c.saldoPendiente)}
                </Table.Td>
                <Table.Td>{formatearFecha(c.fechaFirma ?? null)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setElegido(c.id)}
                    aria-label={`Ver convenio ${c.numero}`}
                  >
                    Ver
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {elegido && <DetalleConvenio id={elegido} />}
    </Stack>
  );
}

function NuevoConvenio({ clienteId, cerrar }: { clienteId: string; cerrar: (id?: string) => void }) {
  const documentos = useDocumentos(
    { clienteId, conSaldo: true, tamanoPagina: 200, orden: 'fechaVencimiento' },
    { lista: false },
  );
  const [seleccion, setSeleccion] = useState<string[]>([]);
  const [tipo, setTipo] = useState('pago_en_cuotas');
  const [condonacion, setCondonacion] = useState<number | string>('');
  const [quita, setQuita] = useState<number | string>('');
  const [cuotas, setCuotas] = useState<number | string>(3);
  const [primeraFecha, setPrimeraFecha] = useState<string | null>(null);
  const [frecuencia, setFrecuencia] = useState('mensual');
  const [tasa, setTasa] = useState<number | string>('');
  const [detalle, setDetalle] = useState('');
  const [notas, setNotas] = useState('');
  const crear = useCrearConvenio();

  const datos: DatosConvenio | null =
    seleccion.length > 0 && primeraFecha && typeof cuotas === 'number'
      ? {
          clienteId,
          tipo,
          documentoIds: seleccion,
          porcentajeCondonacion: typeof condonacion === 'number' ? condonacion : null,
          montoQuita: typeof quita === 'number' ? quita : null,
          numeroCuotas: cuotas,
          primeraFecha,
          frecuencia,
          tasaMensual: typeof tasa === 'number' ? tasa : null,
          fecha: null,
          detalle: detalle.trim() || null,
          notas: notas.trim() || null,
        }
      : null;
  const [diferido] = useDebouncedValue(datos, 400);
  const vista = useVistaPreviaConvenio(diferido);
  const abiertos = (documentos.data?.items ?? []).filter((d) => d.tipo !== 'convenio' && d.tipo !== '61');

  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>Nuevo convenio</Title>
        {documentos.isPending ? (
          <Cargando />
        ) : documentos.isError ? (
          <ErrorConsulta error={documentos.error} />
        ) : abiertos.length === 0 ? (
          <Text c="dimmed">El cliente no tiene documentos abiertos.</Text>
        ) : (
          <Table aria-label="Documentos abiertos para el convenio">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>Documento</Table.Th>
                <Table.Th>Vencimiento</Table.Th>
                <Table.Th ta="right">Saldo</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {abiertos.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Incluir ${nombreTipoDocumento(d.tipo)} ${d.folio}`}
                      checked={seleccion.includes(d.id)}
                      onChange={(e) =>
                        setSeleccion((s) =>
                          e.currentTarget.checked ? [...s, d.id] : s.filter((x) => x !== d.id),
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    {nombreTipoDocumento(d.tipo)} {d.folio}
                  </Table.Td>
                  <Table.Td>{formatearFecha(d.fechaVencimiento)}</Table.Td>
                  <Table.Td ta="right">{formatearPesos(d.saldo)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Tipo de convenio"
            data={TIPOS_CONVENIO}
            value={tipo}
            onChange={(v) => setTipo(v ?? 'pago_en_cuotas')}
            allowDeselect={false}
          />
          <NumberInput
            label="Condonación de intereses (%)"
            min={0}
            max={100}
            value={condonacion}
            onChange={setCondonacion}
          />
          <NumberInput
            label="Quita de capital ($)"
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            value={quita}
            onChange={setQuita}
          />
          <NumberInput label="Número de cuotas" min={1} max={120} value={cuotas} onChange={setCuotas} />
          <CampoFecha label="Primera cuota" value={primeraFecha} onChange={(v) => setPrimeraFecha(v)} />
          <Select
            label="Frecuencia"
            data={[
              { value: 'mensual', label: 'Mensual' },
              { value: 'quincenal', label: 'Quincenal' },
              { value: 'semanal', label: 'Semanal' },
            ]}
            value={frecuencia}
            onChange={(v) => setFrecuencia(v ?? 'mensual')}
            allowDeselect={false}
          />
          <NumberInput
            label="Tasa mensual de financiamiento (%)"
            min={0}
            max={10}
            decimalScale={4}
            value={tasa}
            onChange={setTasa}
          />
        </SimpleGrid>
        {(tipo === 'dacion_en_pago' || tipo === 'cesion_creditos') && (
          <TextInput
            label={tipo === 'dacion_en_pago' ? 'Bien dado en pago' : 'Créditos cedidos'}
            value={detalle}
            onChange={(e) => setDetalle(e.currentTarget.value)}
            maxLength={2000}
          />
        )}
        <Textarea
          label="Notas"
          value={notas}
          onChange={(e) => setNotas(e.currentTarget.value)}
          maxLength={2000}
        />
        {datos === null ? (
          <Text c="dimmed">
            Elija documentos, la primera fecha y el número de cuotas para ver el cálculo.
          </Text>
        ) : vista.isError ? (
          <ErrorConsulta error={vista.error} />
        ) : vista.data ? (
          <ResumenConvenio convenio={vista.data} titulo="Vista previa" />
        ) : (
          <Cargando />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => cerrar()}>
            Cancelar
          </Button>
          <Button
            disabled={datos === null || vista.isError}
            loading={crear.isPending}
            onClick={() =>
              datos &&
              void crear
                .mutateAsync(datos)
                .then((c) => {
                  notificarExito(`Convenio N° ${c.numero} creado en borrador.`);
                  cerrar(c.id);
                })
                .catch((e: unknown) => notificarError(e, 'No se pudo crear el convenio'))
            }
          >
            Crear borrador
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function ResumenConvenio({ convenio: c, titulo }: { convenio: Convenio; titulo: string }) {
  return (
    <Stack gap="xs">
      <Title order={5}>{titulo}</Title>
      <Table aria-label="Totales del convenio" withTableBorder>
        <Table.Tbody>
          <Fila etiqueta="Saldo de los documentos" monto={c.saldoDocumentos} />
          <Fila etiqueta="Interés de mora" monto={c.interesMora} />
          <Fila etiqueta={`Condonación (${c.porcentajeCondonacion}%)`} monto={-c.montoCondonacion} />
          <Fila etiqueta="Quita de capital" monto={-c.montoQuita} />
          <Fila etiqueta="Monto convenido" monto={c.montoConvenido} fuerte />
          <Fila
            etiqueta={`Interés de financiamiento (${c.tasaMensual}% mensual)`}
            monto={c.interesFinanciamiento}
          />
          <Fila etiqueta={`Total en ${c.numeroCuotas} cuotas`} monto={c.totalCuotas} fuerte />
        </Table.Tbody>
      </Table>
      <Table striped aria-label="Cuotas del convenio">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>N°</Table.Th>
            <Table.Th>Vencimiento</Table.Th>
            <Table.Th ta="right">Capital</Table.Th>
            <Table.Th ta="right">Interés</Table.Th>
            <Table.Th ta="right">Cuota</Table.Th>
            <Table.Th ta="right">Saldo</Table.Th>
            <Table.Th>Estado</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.cuotas.map((k) => (
            <Table.Tr key={k.numero}>
              <Table.Td>{k.numero}</Table.Td>
              <Table.Td>{formatearFecha(k.fechaVencimiento)}</Table.Td>
              <Table.Td ta="right">{formatearPesos(k.capital)}</Table.Td>
              <Table.Td ta="right">{formatearPesos(k.interes)}</Table.Td>
              <Table.Td ta="right">{formatearPesos(k.monto)}</Table.Td>
              <Table.Td ta="right">{formatearPesos(k.saldo)}</Table.Td>
              <Table.Td>
                {ESTADOS_CUOTA[k.estado] ?? k.estado}
                {k.diasMora > 0 ? ` (${k.diasMora} días)` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Fila({ etiqueta, monto, fuerte }: { etiqueta: string; monto: number; fuerte?: boolean }) {
  return (
    <Table.Tr>
      <Table.Td fw={fuerte ? 700 : undefined}>{etiqueta}</Table.Td>
      <Table.Td ta="right" fw={fuerte ? 700 : undefined}>
        {formatearPesos(monto)}
      </Table.Td>
    </Table.Tr>
  );
}

function DetalleConvenio({ id }: { id: string }) {
  const consulta = useConvenio(id);
  const accion = useAccionConvenio();
  const puedeEditar = usePermiso('editar');
  const puedeSupervisar = usePermiso('supervisar');
  const [motivo, setMotivo] = useState('');
  const [fechaFirma, setFechaFirma] = useState<string | null>(null);

  if (consulta.isPending) return <Cargando />;
  if (consulta.isError)
    return <ErrorConsulta error={consulta.error} reintentar={() => void consulta.refetch()} />;
  const c = consulta.data;
  const ejecutar = (a: Parameters<typeof accion.mutateAsync>[0], exito: string) =>
    void accion
      .mutateAsync(a)
      .then(() => notificarExito(exito))
      .catch((e: unknown) => notificarError(e));

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={4}>
            Convenio N° {c.numero} · {nombreTipoConvenio(c.tipo)}
          </Title>
          <EstadoConvenio estado={c.estado} />
        </Group>
        {c.estado === 'roto' && (
          <Alert color="red" title="Convenio roto">
            {c.motivoTermino} Se repusieron {formatearPesos(c.montoRepuesto ?? 0)} en los documentos
            originales.
          </Alert>
        )}
        {c.aprobacion && (
          <Text size="sm">
            Aprobación nivel {c.aprobacion.nivel} ({c.aprobacion.montoUf} UF): requiere rol{' '}
            {c.aprobacion.rolMinimo}, {c.aprobacion.aprobacionesRecibidas} de{' '}
            {c.aprobacion.aprobacionesRequeridas} aprobaciones.
          </Text>
        )}
        {c.comentarioDecision && (
          <Text size="sm">
            Decisión de {c.decididoPor}: {c.comentarioDecision}
          </Text>
        )}
        <Table aria-label="Documentos liquidados por el convenio">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Documento</Table.Th>
              <Table.Th ta="right">Saldo</Table.Th>
              <Table.Th ta="right">Interés</Table.Th>
              <Table.Th ta="right">Condonación</Table.Th>
              <Table.Th ta="right">Quita</Table.Th>
              <Table.Th ta="right">Repuesto</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.documentos.map((d) => (
              <Table.Tr key={d.documentoId}>
                <Table.Td>
                  {nombreTipoDocumento(d.tipo)} {d.folio}
                </Table.Td>
                <Table.Td ta="right">{formatearPesos(d.saldo)}</Table.Td>
                <Table.Td ta="right">{formatearPesos(d.interes)}</Table.Td>
                <Table.Td ta="right">{formatearPesos(d.condonacion)}</Table.Td>
                <Table.Td ta="right">{formatearPesos(d.quita)}</Table.Td>
                <Table.Td ta="right">{d.repuesto == null ? '—' : formatearPesos(d.repuesto)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ResumenConvenio convenio={c} titulo="Totales y cuotas" />
        <Group align="flex-end">
          <Button
            variant="default"
            onClick={() =>
              void descargar(`/api/v1/convenios/${c.id}/pdf`, `convenio-${c.numero}.pdf`).catch(
                (e: unknown) => notificarError(e, 'No se pudo generar el PDF'),
              )
            }
          >
            Descargar PDF
          </Button>
          {puedeEditar && c.estado === 'borrador' && (
            <Button
              onClick={() => ejecutar({ accion: 'solicitar-aprobacion', id: c.id }, 'Enviado a aprobación.')}
            >
              Enviar a aprobación
            </Button>
          )}
          {puedeEditar && c.estado === 'pendiente_aprobacion' && (
            <>
              <Button
                color="green"
                onClick={() =>
                  ejecutar(
                    { accion: 'decision', id: c.id, aprobar: true, comentario: motivo.trim() || null },
                    'Convenio aprobado.',
                  )
                }
              >
                Aprobar
              </Button>
              <Button
                color="red"
                variant="light"
                disabled={!motivo.trim()}
                onClick={() =>
                  ejecutar(
                    { accion: 'decision', id: c.id, aprobar: false, comentario: motivo.trim() },
                    'Convenio rechazado.',
                  )
                }
              >
                Rechazar
              </Button>
            </>
          )}
          {puedeEditar && c.estado === 'aprobado' && (
            <>
              <CampoFecha
                label="Fecha de firma"
                description="Vacío: hoy"
                value={fechaFirma}
                onChange={(v) => setFechaFirma(v)}
                clearable
                maxDate={new Date()}
              />
              <Button
                color="green"
                onClick={() =>
                  ejecutar({ accion: 'firmar', id: c.id, fecha: fechaFirma }, 'Convenio firmado.')
                }
              >
                Firmar
              </Button>
            </>
          )}
          {(((c.estado === 'borrador' || c.estado === 'pendiente_aprobacion' || c.estado === 'aprobado') &&
            puedeEditar) ||
            (c.estado === 'pendiente_aprobacion' && puedeSupervisar) ||
            (c.estado === 'vigente' && puedeSupervisar)) && (
            <TextInput
              label={c.estado === 'vigente' ? 'Motivo de la ruptura' : 'Motivo o comentario'}
              value={motivo}
              onChange={(e) => setMotivo(e.currentTarget.value)}
              maxLength={500}
            />
          )}
          {puedeEditar && ['borrador', 'pendiente_aprobacion', 'aprobado'].includes(c.estado) && (
            <Button
              color="gray"
              variant="light"
              disabled={!motivo.trim()}
              onClick={() =>
                ejecutar({ accion: 'anular', id: c.id, motivo: motivo.trim() }, 'Convenio anulado.')
              }
            >
              Anular
            </Button>
          )}
          {puedeSupervisar && c.estado === 'vigente' && (
            <Button
              color="red"
              disabled={!motivo.trim()}
              onClick={() =>
                ejecutar(
                  { accion: 'romper', id: c.id, motivo: motivo.trim() },
                  'Convenio roto: deuda repuesta.',
                )
              }
            >
              Romper convenio
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

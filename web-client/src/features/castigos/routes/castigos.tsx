import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDocumentos } from '@/api/hooks/use-documentos';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { usePermiso } from '@/lib/auth-contexto';
import { hoySantiago } from '@/lib/fecha-negocio';
import { decimalesMoneda, formatearMonto, tiposDocumento } from '@/lib/cartera';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useAnularPropuestaCastigo } from '../api/use-anular-propuesta-castigo';
import { useCandidatosCastigo } from '../api/use-candidatos-castigo';
import { useCrearPropuestaCastigo } from '../api/use-crear-propuesta-castigo';
import { useDecidirPropuestaCastigo } from '../api/use-decidir-propuesta-castigo';
import { usePropuestaCastigo } from '../api/use-propuesta-castigo';
import { usePropuestasCastigo } from '../api/use-propuestas-castigo';
import { type RecuperosCastigo, useRecuperosCastigo } from '../api/use-recuperos-castigo';
import { useRegistrarRecuperoCastigo } from '../api/use-registrar-recupero-castigo';
import { useReversarRecuperoCastigo } from '../api/use-reversar-recupero-castigo';

const ESTADOS: Record<string, { etiqueta: string; color: string }> = {
  pendiente_aprobacion: { etiqueta: 'Pendiente de aprobación', color: 'yellow' },
  castigada: { etiqueta: 'Castigada', color: 'red' },
  rechazada: { etiqueta: 'Rechazada', color: 'gray' },
  anulada: { etiqueta: 'Anulada', color: 'gray' },
};

function EstadoPropuesta({ estado }: { estado: string }) {
  const e = ESTADOS[estado] ?? { etiqueta: estado, color: 'gray' };
  return <Badge color={e.color}>{e.etiqueta}</Badge>;
}

function Candidatos() {
  const puedeEditar = usePermiso('editar');
  const candidatos = useCandidatosCastigo();
  const crear = useCrearPropuestaCastigo();
  const [elegidos, setElegidos] = useState<string[]>([]);
  const [motivo, setMotivo] = useState('');
  if (candidatos.isPending) return <Cargando />;
  if (candidatos.isError)
    return <ErrorConsulta error={candidatos.error} reintentar={() => void candidatos.refetch()} />;
  const { documentos, reglas } = candidatos.data;
  const total = documentos
    .filter((d) => elegidos.includes(d.documentoId))
    .reduce((s, d) => s + Number(d.saldoClp ?? 0), 0);
  return (
    <Stack>
      <Text c="dimmed">
        Vencidos hace más de {reglas.diasMinimos} días
        {reglas.exigeCierreJudicial ? ', con la cobranza judicial terminada o la quiebra cerrada' : ''}.
      </Text>
      {documentos.length === 0 ? (
        <Text c="dimmed">No hay documentos candidatos a castigo.</Text>
      ) : (
        <Table striped aria-label="Candidatos a castigo">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>Cliente</Table.Th>
              <Table.Th>Documento</Table.Th>
              <Table.Th>Vencimiento</Table.Th>
              <Table.Th ta="right">Días</Table.Th>
              <Table.Th ta="right">Saldo</Table.Th>
              <Table.Th ta="right">En pesos</Table.Th>
              <Table.Th ta="right">Provisión</Table.Th>
              <Table.Th>Motivo</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documentos.map((d) => (
              <Table.Tr key={d.documentoId}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Elegir ${d.tipo} ${d.folio}`}
                    checked={elegidos.includes(d.documentoId)}
                    onChange={(e) =>
                      setElegidos((xs) =>
                        e.currentTarget.checked
                          ? [...xs, d.documentoId]
                          : xs.filter((x) => x !== d.documentoId),
                      )
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/clientes/${d.clienteId}`}>
                    {d.razonSocial ?? d.clienteId}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {d.tipo} {d.folio}
                </Table.Td>
                <Table.Td>{formatearFecha(d.fechaVencimiento)}</Table.Td>
                <Table.Td ta="right">{d.diasVencido}</Table.Td>
                <Table.Td ta="right">{formatearMonto(d.saldo, d.moneda)}</Table.Td>
                <Table.Td ta="right">
                  {d.saldoClp == null
                    ? `Falta el valor ${d.moneda === 'UF' ? 'UF' : 'del dólar'}`
                    : formatearPesos(d.saldoClp)}
                </Table.Td>
                <Table.Td ta="right">{formatearPesos(d.provision)}</Table.Td>
                <Table.Td>{d.motivo}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {puedeEditar && (
        <form
          aria-label="Nueva propuesta de castigo"
          onSubmit={(ev) => {
            ev.preventDefault();
            crear
              .mutateAsync({ documentoIds: elegidos, motivo })
              .then((p) => {
                notificarExito(
                  `Propuesta N° ${p.numero} enviada a aprobación (${p.aprobacion?.nivel ?? ''}).`,
                );
                setElegidos([]);
                setMotivo('');
              })
              .catch((e: unknown) => notificarError(e));
          }}
        >
          <Group align="end">
            <TextInput
              label="Motivo de la propuesta"
              required
              w={420}
              value={motivo}
              onChange={(e) => setMotivo(e.currentTarget.value)}
            />
            <Button type="submit" disabled={elegidos.length === 0} loading={crear.isPending}>
              Proponer castigo de {elegidos.length} documento(s) por {formatearPesos(total)}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

function DetallePropuesta({ id }: { id: string }) {
  const puedeEditar = usePermiso('editar');
  const propuesta = usePropuestaCastigo(id);
  const decidir = useDecidirPropuestaCastigo();
  const anular = useAnularPropuestaCastigo();
  const [comentario, setComentario] = useState('');
  if (propuesta.isPending) return <Cargando />;
  if (propuesta.isError) return <ErrorConsulta error={propuesta.error} />;
  const p = propuesta.data;
  const accion = (promesa: Promise<unknown>, mensaje: string) =>
    promesa.then(() => notificarExito(mensaje)).catch((e: unknown) => notificarError(e));
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={4}>
            Propuesta N° {p.numero}: {p.motivo}
          </Title>
          <EstadoPropuesta estado={p.estado} />
        </Group>
        {p.aprobacion && (
          <Text size="sm">
            Nivel {p.aprobacion.nivel} (rol {p.aprobacion.rolMinimo}): {p.aprobacion.aprobacionesRecibidas} de{' '}
            {p.aprobacion.aprobacionesRequeridas} aprobaciones. Monto{' '}
            {String(p.aprobacion.montoUf).replace('.', ',')} UF.
          </Text>
        )}
        <Table aria-label="Asiento del castigo">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cuenta</Table.Th>
              <Table.Th ta="right">Debe</Table.Th>
              <Table.Th ta="right">Haber</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.asiento.map((l) => (
              <Table.Tr key={l.cuenta}>
                <Table.Td>{l.cuenta}</Table.Td>
                <Table.Td ta="right">{Number(l.debe) === 0 ? '' : formatearPesos(l.debe)}</Table.Td>
                <Table.Td ta="right">{Number(l.haber) === 0 ? '' : formatearPesos(l.haber)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Table aria-label="Documentos de la propuesta">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cliente</Table.Th>
              <Table.Th>Documento</Table.Th>
              <Table.Th ta="right">Días</Table.Th>
              <Table.Th>Moneda</Table.Th>
              <Table.Th ta="right">Saldo</Table.Th>
              <Table.Th ta="right">En pesos</Table.Th>
              <Table.Th ta="right">Provisión</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.documentos.map((d) => (
              <Table.Tr key={d.documentoId}>
                <Table.Td>{d.razonSocial ?? d.clienteId}</Table.Td>
                <Table.Td>
                  {d.tipo} {d.folio}
                </Table.Td>
                <Table.Td ta="right">{d.diasVencido}</Table.Td>
                <Table.Td>{d.moneda}</Table.Td>
                <Table.Td ta="right">{formatearMonto(d.saldo, d.moneda)}</Table.Td>
                <Table.Td ta="right">{formatearPesos(d.saldoClp)}</Table.Td>
                <Table.Td ta="right">{formatearPesos(d.provision)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {puedeEditar && p.estado === 'pendiente_aprobacion' && (
          <Group align="end">
            <Textarea
              label="Comentario"
              description="Obligatorio al rechazar o anular"
              w={360}
              value={comentario}
              onChange={(e) => setComentario(e.currentTarget.value)}
            />
            <Button
              loading={decidir.isPending}
              onClick={() =>
                void accion(
                  decidir.mutateAsync({ id: p.id, aprobar: true, comentario: comentario || null }),
                  'Aprobación registrada.',
                )
              }
            >
              Aprobar
            </Button>
            <Button
              color="red"
              variant="light"
              loading={decidir.isPending}
              onClick={() =>
                void accion(
                  decidir.mutateAsync({ id: p.id, aprobar: false, comentario: comentario || null }),
                  'Propuesta rechazada.',
                )
              }
            >
              Rechazar
            </Button>
            <Button
              variant="default"
              loading={anular.isPending}
              onClick={() =>
                void accion(anular.mutateAsync({ id: p.id, motivo: comentario }), 'Propuesta anulada.')
              }
            >
              Anular
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function Propuestas() {
  const propuestas = usePropuestasCastigo();
  const [elegida, setElegida] = useState<string | null>(null);
  if (propuestas.isPending) return <Cargando />;
  if (propuestas.isError)
    return <ErrorConsulta error={propuestas.error} reintentar={() => void propuestas.refetch()} />;
  return (
    <Stack>
      {propuestas.data.length === 0 ? (
        <Text c="dimmed">No hay propuestas de castigo.</Text>
      ) : (
        <Table striped aria-label="Propuestas de castigo">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>N°</Table.Th>
              <Table.Th>Fecha</Table.Th>
              <Table.Th>Motivo</Table.Th>
              <Table.Th>Estado</Table.Th>
              <Table.Th ta="right">Documentos</Table.Th>
              <Table.Th ta="right">Total</Table.Th>
              <Table.Th>Castigo</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {propuestas.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.numero}</Table.Td>
                <Table.Td>{formatearFecha(p.fecha)}</Table.Td>
                <Table.Td>{p.motivo}</Table.Td>
                <Table.Td>
                  <EstadoPropuesta estado={p.estado} />
                </Table.Td>
                <Table.Td ta="right">{p.documentos}</Table.Td>
                <Table.Td ta="right">{formatearPesos(p.total)}</Table.Td>
                <Table.Td>{formatearFecha(p.fechaCastigo ?? null)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setElegida(p.id)}>
                    Ver
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {elegida && <DetallePropuesta id={elegida} />}
    </Stack>
  );
}

const TIPOS_CASTIGABLES = tiposDocumento.filter((t) => !['61', '112'].includes(t.value));

type Recupero = RecuperosCastigo['recuperos'][number];

function ReversaRecupero({ recupero, cerrar }: { recupero: Recupero; cerrar: () => void }) {
  const reversar = useReversarRecuperoCastigo();
  const [fecha, setFecha] = useState<string | null>(hoySantiago());
  const [motivo, setMotivo] = useState('');
  return (
    <form
      aria-label="Reversar recupero"
      onSubmit={(ev) => {
        ev.preventDefault();
        reversar
          .mutateAsync({ id: recupero.id, fecha: fecha ?? '', motivo })
          .then(() => {
            notificarExito('Recupero reversado: su monto volvió al pago como saldo a favor.');
            cerrar();
          })
          .catch((e: unknown) => notificarError(e));
      }}
    >
      <Card withBorder>
        <Stack>
          <Text>
            Reversar el recupero de {recupero.tipo} {recupero.folio} por{' '}
            {formatearMonto(recupero.monto, recupero.moneda)} del {formatearFecha(recupero.fecha)}: el monto
            vuelve al pago como saldo a favor. Los cortes anteriores a la fecha de reversa lo siguen
            mostrando.
          </Text>
          <Group align="end">
            <CampoFecha label="Fecha de la reversa" required value={fecha} onChange={setFecha} />
            <TextInput
              label="Motivo de la reversa"
              required
              w={360}
              value={motivo}
              onChange={(e) => setMotivo(e.currentTarget.value)}
            />
            <Button type="submit" color="red" loading={reversar.isPending}>
              Confirmar reversa
            </Button>
            <Button variant="default" onClick={cerrar}>
              Cancelar
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}

function Recuperos() {
  const puedeEditar = usePermiso('editar');
  const recuperos = useRecuperosCastigo();
  const registrar = useRegistrarRecuperoCastigo();
  const castigados = useDocumentos(
    { estado: 'castigado', orden: 'fechaVencimiento', tamanoPagina: 200 },
    { lista: false, enabled: puedeEditar },
  );
  const [tipo, setTipo] = useState<string | null>('33');
  const [folio, setFolio] = useState<number | string>('');
  const [fecha, setFecha] = useState<string | null>(hoySantiago());
  const [monto, setMonto] = useState<number | string>('');
  const [referencia, setReferencia] = useState('');
  const [reversando, setReversando] = useState<Recupero | null>(null);
  if (recuperos.isPending) return <Cargando />;
  if (recuperos.isError)
    return <ErrorConsulta error={recuperos.error} reintentar={() => void recuperos.refetch()} />;
  const r = recuperos.data;
  const elegido = (castigados.data?.items ?? []).find(
    (d) => d.tipo === tipo && String(d.folio) === String(folio),
  );
  const monedaElegida = elegido?.moneda ?? 'CLP';
  return (
    <Stack>
      <Text c="dimmed">
        Lo cobrado de documentos castigados es un ingreso: el documento sigue castigado y no vuelve a la
        cartera. Del {formatearFecha(r.desde)} al {formatearFecha(r.hasta)}: {formatearPesos(r.total)}.
      </Text>
      <Table aria-label="Recuperos por mes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Mes</Table.Th>
            <Table.Th ta="right">Recuperos</Table.Th>
            <Table.Th ta="right">Monto</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.meses.map((m) => (
            <Table.Tr key={m.mes}>
              <Table.Td>{formatearFecha(m.mes).slice(3)}</Table.Td>
              <Table.Td ta="right">{m.cantidad}</Table.Td>
              <Table.Td ta="right">{formatearPesos(m.monto)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table striped aria-label="Recuperos de castigos">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Fecha</Table.Th>
            <Table.Th>Cliente</Table.Th>
            <Table.Th>Documento</Table.Th>
            <Table.Th>Castigado</Table.Th>
            <Table.Th ta="right">Castigo</Table.Th>
            <Table.Th ta="right">Recuperado</Table.Th>
            <Table.Th ta="right">En pesos</Table.Th>
            <Table.Th>Referencia</Table.Th>
            {puedeEditar && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.recuperos.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{formatearFecha(x.fecha)}</Table.Td>
              <Table.Td>{x.razonSocial ?? x.clienteId}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/cartera/documentos/${x.documentoId}`}>
                  {x.tipo} {x.folio}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatearFecha(x.fechaCastigo)}</Table.Td>
              <Table.Td ta="right">{formatearMonto(x.montoCastigo, x.moneda)}</Table.Td>
              <Table.Td ta="right">{formatearMonto(x.monto, x.moneda)}</Table.Td>
              <Table.Td ta="right">{formatearPesos(x.montoClp)}</Table.Td>
              <Table.Td>
                {x.referencia ?? '—'}
                {x.pagoId && (
                  <>
                    {' '}
                    <Anchor component={Link} to={`/cartera/pagos/${x.pagoId}`}>
                      Pago
                    </Anchor>
                  </>
                )}
                {x.fechaReversa && (
                  <Text size="xs" c="dimmed">
                    Reversado el {formatearFecha(x.fechaReversa)}
                    {x.motivoReversa ? `: ${x.motivoReversa}` : ''}
                  </Text>
                )}
              </Table.Td>
              {puedeEditar && (
                <Table.Td>
                  {x.pagoId && !x.fechaReversa && (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      aria-label={`Reversar recupero ${x.tipo} ${x.folio}`}
                      onClick={() => setReversando(x)}
                    >
                      Reversar
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {reversando && (
        <ReversaRecupero key={reversando.id} recupero={reversando} cerrar={() => setReversando(null)} />
      )}
      {puedeEditar && (
        <form
          aria-label="Registrar recupero"
          onSubmit={(ev) => {
            ev.preventDefault();
            registrar
              .mutateAsync({
                tipo: tipo ?? '',
                folio: Number(folio),
                fecha: fecha ?? '',
                monto: Number(monto),
                referencia: referencia || null,
              })
              .then(() => {
                notificarExito('Recupero registrado.');
                setMonto('');
                setReferencia('');
              })
              .catch((e: unknown) => notificarError(e));
          }}
        >
          <Group align="end">
            <Select
              label="Tipo de documento"
              required
              w={240}
              data={TIPOS_CASTIGABLES}
              allowDeselect={false}
              value={tipo}
              onChange={setTipo}
            />
            <NumberInput
              label="Folio"
              required
              min={1}
              allowDecimal={false}
              allowNegative={false}
              w={140}
              value={folio}
              onChange={setFolio}
              description={
                elegido
                  ? `${elegido.cliente.razonSocial}${elegido.moneda === 'CLP' ? '' : ` · ${elegido.moneda}`}`
                  : undefined
              }
            />
            <CampoFecha label="Fecha" required value={fecha} onChange={setFecha} />
            <NumberInput
              label={`Monto (${monedaElegida})`}
              required
              min={0}
              decimalScale={decimalesMoneda(monedaElegida)}
              thousandSeparator="."
              decimalSeparator=","
              value={monto}
              onChange={setMonto}
            />
            <TextInput
              label="Referencia"
              value={referencia}
              onChange={(e) => setReferencia(e.currentTarget.value)}
            />
            <Button type="submit" loading={registrar.isPending}>
              Registrar recupero
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

/** Write-offs: candidates from the provision and the legal stage, proposals through the approval levels, and recoveries. */
export default function CastigosRoute() {
  return (
    <Pagina
      titulo="Castigos"
      descripcion="Propuestas de castigo de deudores incobrables, su aprobación y asiento, y los recuperos posteriores."
    >
      <Tabs defaultValue="propuestas">
        <Tabs.List mb="md">
          <Tabs.Tab value="propuestas">Propuestas</Tabs.Tab>
          <Tabs.Tab value="candidatos">Candidatos</Tabs.Tab>
          <Tabs.Tab value="recuperos">Recuperos</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="propuestas">
          <Propuestas />
        </Tabs.Panel>
        <Tabs.Panel value="candidatos">
          <Candidatos />
        </Tabs.Panel>
        <Tabs.Panel value="recuperos">
          <Recuperos />
        </Tabs.Panel>
      </Tabs>
    </Pagina>
  );
}

import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { descargar } from '@/api/client';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import type { Juicio } from '@/components/judicial/api/tipos';
import { useAgencias } from '@/components/judicial/api/use-agencias';
import { useAgregarAudiencia } from '@/components/judicial/api/use-agregar-audiencia';
import { useAgregarCosto } from '@/components/judicial/api/use-agregar-costo';
import { useCerrarDerivacion } from '@/components/judicial/api/use-cerrar-derivacion';
import { useCrearJuicio } from '@/components/judicial/api/use-crear-juicio';
import { useDerivaciones } from '@/components/judicial/api/use-derivaciones';
import { useDerivarAgencia } from '@/components/judicial/api/use-derivar-agencia';
import { useEstudios } from '@/components/judicial/api/use-estudios';
import { useJuicios } from '@/components/judicial/api/use-juicios';
import { useQuiebras } from '@/components/judicial/api/use-quiebras';
import { useRegistrarQuiebra } from '@/components/judicial/api/use-registrar-quiebra';
import { hoySantiago } from '@/lib/fecha-negocio';

function DerivacionAgencia({ clienteId }: { clienteId: string }) {
  const agencias = useAgencias();
  const derivaciones = useDerivaciones(clienteId);
  const derivar = useDerivarAgencia();
  const cerrar = useCerrarDerivacion();
  const [agenciaId, setAgenciaId] = useState<string | null>(null);
  if (derivaciones.isPending) return <Cargando />;
  if (derivaciones.isError) return <ErrorConsulta error={derivaciones.error} />;
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Cobranza prejudicial (agencias)
      </Title>
      {derivaciones.data.length === 0 ? (
        <Text c="dimmed">El cliente no está derivado a una agencia.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Agencia</Table.Th>
              <Table.Th>Fecha</Table.Th>
              <Table.Th>Documentos</Table.Th>
              <Table.Th>Estado</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {derivaciones.data.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.agencia}</Table.Td>
                <Table.Td>{formatearFecha(d.fecha)}</Table.Td>
                <Table.Td>{d.documentoIds.length}</Table.Td>
                <Table.Td>
                  <Badge color={d.estado === 'activa' ? 'orange' : 'gray'} variant="light">
                    {d.estado === 'activa' ? 'Activa' : 'Cerrada'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {d.estado === 'activa' && (
                    <Button
                      size="xs"
                      variant="light"
                      loading={cerrar.isPending}
                      onClick={() =>
                        cerrar
                          .mutateAsync(d.id)
                          .then(() => notificarExito('Derivación cerrada.'))
                          .catch((e: unknown) => notificarError(e))
                      }
                    >
                      Cerrar derivación
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form
        aria-label="Derivar a agencia"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (!agenciaId) return;
          derivar
            .mutateAsync({ agenciaId, body: { clienteId, documentoIds: null, notas: null } })
            .then(() => notificarExito('Cliente derivado a la agencia.'))
            .catch((e: unknown) => notificarError(e));
        }}
      >
        <Group align="end" mt="sm">
          <Select
            label="Agencia"
            placeholder="Elija una agencia"
            value={agenciaId}
            onChange={setAgenciaId}
            data={(agencias.data ?? [])
              .filter((a) => a.activa)
              .map((a) => ({ value: a.id, label: a.nombre }))}
          />
          <Button type="submit" disabled={!agenciaId} loading={derivar.isPending}>
            Derivar documentos abiertos
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function DetalleJuicio({ juicio: j }: { juicio: Juicio }) {
  const audiencia = useAgregarAudiencia(j.id);
  const costo = useAgregarCosto(j.id);
  const [fecha, setFecha] = useState(hoySantiago());
  const [descripcion, setDescripcion] = useState('');
  const [monto, setMonto] = useState<number | string>('');
  const [concepto, setConcepto] = useState('');
  const [tipo, setTipo] = useState<string | null>('incurrido');
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text fw={600}>
          {j.tribunal} · Rol {j.rol}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              void descargar(
                `/api/v1/judicial/juicios/${j.id}/antecedentes`,
                `antecedentes-${j.rol}.zip`,
              ).catch((e: unknown) => notificarError(e, 'No se pudieron descargar los antecedentes'))
            }
          >
            Descargar antecedentes
          </Button>
          <Badge color={j.estado === 'vigente' ? 'red' : 'gray'}>
            {j.estado === 'vigente' ? 'Vigente' : 'Terminado'}
          </Badge>
        </Group>
      </Group>
      <Text size="sm">
        {j.estudio} · {j.procedimiento} · Etapa: {j.etapaProcesal} · Demandado{' '}
        {formatearPesos(j.montoDemandado)} · Inicio {formatearFecha(j.fechaInicio)}
      </Text>
      <Text size="sm">
        Costos incurridos {formatearPesos(j.costosIncurridos)} · recuperados{' '}
        {formatearPesos(j.costosRecuperados)}
      </Text>
      <Title order={5} mt="sm">
        Audiencias
      </Title>
      {j.audiencias.length === 0 ? (
        <Text c="dimmed">Sin audiencias.</Text>
      ) : (
        j.audiencias.map((a) => (
          <Text key={a.id} size="sm">
            {formatearFecha(a.fecha)}: {a.descripcion}
          </Text>
        ))
      )}
      <form
        aria-label="Agregar audiencia"
        onSubmit={(ev) => {
          ev.preventDefault();
          audiencia
            .mutateAsync({ fecha, descripcion: descripcion.trim() })
            .then(() => {
              setDescripcion('');
              notificarExito('Audiencia agregada.');
            })
            .catch((e: unknown) => notificarError(e));
        }}
      >
        <Group align="end">
          <TextInput
            type="date"
            label="Fecha de la audiencia"
            value={fecha}
            onChange={(e) => setFecha(e.currentTarget.value)}
          />
          <TextInput
            label="Descripción"
            value={descripcion}
            onChange={(e) => setDescripcion(e.currentTarget.value)}
          />
          <Button type="submit" variant="light" loading={audiencia.isPending}>
            Agregar audiencia
          </Button>
        </Group>
      </form>
      <form
        aria-label="Agregar costo"
        onSubmit={(ev) => {
          ev.preventDefault();
          costo
            .mutateAsync({
              tipo: tipo ?? 'incurrido',
              fecha: hoySantiago(),
              monto: Number(monto),
              concepto: concepto.trim(),
            })
            .then(() => {
              setConcepto('');
              setMonto('');
              notificarExito('Costo registrado.');
            })
            .catch((e: unknown) => notificarError(e));
        }}
      >
        <Group align="end" mt="xs">
          <Select
            label="Tipo de costo"
            allowDeselect={false}
            value={tipo}
            onChange={setTipo}
            data={[
              { value: 'incurrido', label: 'Incurrido' },
              { value: 'recuperado', label: 'Recuperado' },
            ]}
          />
          <NumberInput
            label="Monto"
            value={monto}
            onChange={setMonto}
            min={0}
            thousandSeparator="."
            decimalSeparator=","
          />
          <TextInput label="Concepto" value={concepto} onChange={(e) => setConcepto(e.currentTarget.value)} />
          <Button type="submit" variant="light" loading={costo.isPending}>
            Registrar costo
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function JuiciosCliente({ clienteId }: { clienteId: string }) {
  const juicios = useJuicios(clienteId);
  const estudios = useEstudios();
  const crear = useCrearJuicio();
  const [estudioId, setEstudioId] = useState<string | null>(null);
  const [tribunal, setTribunal] = useState('');
  const [rol, setRol] = useState('');
  const [monto, setMonto] = useState<number | string>('');
  if (juicios.isPending) return <Cargando />;
  if (juicios.isError) return <ErrorConsulta error={juicios.error} />;
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Cobranza judicial
      </Title>
      <Stack>
        {juicios.data.length === 0 && <Text c="dimmed">El cliente no tiene juicios.</Text>}
        {juicios.data.map((j) => (
          <DetalleJuicio key={j.id} juicio={j} />
        ))}
      </Stack>
      <form
        aria-label="Enviar a estudio jurídico"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (!estudioId) return;
          crear
            .mutateAsync({
              clienteId,
              estudioId,
              tribunal: tribunal.trim(),
              rol: rol.trim(),
              procedimiento: 'Ejecutivo',
              etapaProcesal: 'Presentación de la demanda',
              montoDemandado: Number(monto) || 0,
              fechaInicio: hoySantiago(),
              notas: null,
            })
            .then(() => notificarExito('Juicio registrado: el cliente pasa a etapa judicial.'))
            .catch((e: unknown) => notificarError(e));
        }}
      >
        <Group align="end" mt="sm">
          <Select
            label="Estudio jurídico"
            value={estudioId}
            onChange={setEstudioId}
            data={(estudios.data ?? []).map((e) => ({ value: e.id, label: e.nombre }))}
          />
          <TextInput label="Tribunal" value={tribunal} onChange={(e) => setTribunal(e.currentTarget.value)} />
          <TextInput label="Rol" value={rol} onChange={(e) => setRol(e.currentTarget.value)} />
          <NumberInput
            label="Monto demandado"
            value={monto}
            onChange={setMonto}
            min={0}
            thousandSeparator="."
            decimalSeparator=","
          />
          <Button type="submit" disabled={!estudioId} loading={crear.isPending}>
            Registrar demanda
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function QuiebraCliente({ clienteId }: { clienteId: string }) {
  const quiebras = useQuiebras();
  const registrar = useRegistrarQuiebra(clienteId);
  const actual = quiebras.data?.find((q) => q.clienteId === clienteId);
  const [fecha, setFecha] = useState(hoySantiago());
  const [liquidador, setLiquidador] = useState('');
  const [plazo, setPlazo] = useState('');
  const [verificado, setVerificado] = useState<number | string>('');
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        Quiebra o liquidación
      </Title>
      {actual ? (
        <Stack gap={2}>
          <Text>
            {actual.fechaCierre
              ? 'Procedimiento cerrado'
              : 'En procedimiento concursal: la cobranza está detenida.'}
          </Text>
          <Text size="sm">
            Publicación en el Boletín Concursal: {formatearFecha(actual.fechaPublicacion)} · Liquidador:{' '}
            {actual.liquidador ?? '—'} · Plazo para verificar: {formatearFecha(actual.plazoVerificacion)}
          </Text>
          <Text size="sm">
            Verificado {formatearPesos(actual.montoVerificado)} · Recuperado{' '}
            {formatearPesos(actual.recuperado)}
          </Text>
        </Stack>
      ) : (
        <form
          aria-label="Marcar en quiebra"
          onSubmit={(ev) => {
            ev.preventDefault();
            registrar
              .mutateAsync({
                procedimiento: 'liquidacion',
                fechaPublicacion: fecha,
                liquidador: liquidador.trim() || null,
                plazoVerificacion: plazo || null,
                montoVerificado: verificado === '' ? null : Number(verificado),
                fechaCierre: null,
                notas: null,
              })
              .then(() => notificarExito('Cliente marcado en liquidación: la cobranza se detiene.'))
              .catch((e: unknown) => notificarError(e));
          }}
        >
          <Group align="end">
            <TextInput
              type="date"
              label="Publicación en el Boletín Concursal"
              value={fecha}
              onChange={(e) => setFecha(e.currentTarget.value)}
            />
            <TextInput
              label="Liquidador"
              value={liquidador}
              onChange={(e) => setLiquidador(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label="Plazo para verificar créditos"
              value={plazo}
              onChange={(e) => setPlazo(e.currentTarget.value)}
            />
            <NumberInput
              label="Monto verificado"
              value={verificado}
              onChange={setVerificado}
              min={0}
              thousandSeparator="."
              decimalSeparator=","
            />
            <Button type="submit" color="red" loading={registrar.isPending}>
              Marcar en liquidación
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}

/** The client page's "Judicial" tab: agency derivation, lawsuits with hearings and costs, insolvency. */
export function JudicialCliente({ clienteId }: { clienteId: string }) {
  return (
    <Stack>
      <DerivacionAgencia clienteId={clienteId} />
      <JuiciosCliente clienteId={clienteId} />
      <QuiebraCliente clienteId={clienteId} />
    </Stack>
  );
}

import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  useCrearPoliza,
  useEliminarPoliza,
  useExcesosSeguro,
  usePolizas,
  useSiniestrosPorDenunciar,
  useTerminarPoliza,
  type Poliza,
} from '@/components/clientes/api/use-seguro';
import { AccionConMotivo } from '@/components/ui/accion-con-motivo';
import { hoySantiago } from '@/lib/fecha-negocio';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { usePermiso } from '@/lib/auth-contexto';
import { aFechaIso, formatearFecha, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';

function NuevaPoliza() {
  const crear = useCrearPoliza();
  const [aseguradora, setAseguradora] = useState('');
  const [numeroPoliza, setNumeroPoliza] = useState('');
  const [desde, setDesde] = useState<string | null>(aFechaIso(new Date()));
  const [hasta, setHasta] = useState<string | null>(null);
  const [cobertura, setCobertura] = useState<number | string>(90);
  const [dias, setDias] = useState<number | string>(60);
  return (
    <Card withBorder>
      <Title order={5} mb="sm">
        Nueva póliza
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label="Aseguradora"
          value={aseguradora}
          onChange={(e) => setAseguradora(e.currentTarget.value)}
        />
        <TextInput
          label="N° de póliza"
          value={numeroPoliza}
          onChange={(e) => setNumeroPoliza(e.currentTarget.value)}
        />
        <NumberInput label="Cobertura (%)" min={1} max={100} value={cobertura} onChange={setCobertura} />
        <CampoFecha label="Vigente desde" value={desde} onChange={(v) => setDesde(aFechaIso(v))} />
        <CampoFecha label="Vigente hasta" value={hasta} onChange={(v) => setHasta(aFechaIso(v))} />
        <NumberInput
          label="Plazo para denunciar siniestro (días desde el vencimiento)"
          min={1}
          allowDecimal={false}
          value={dias}
          onChange={setDias}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button
          loading={crear.isPending}
          disabled={!aseguradora || !numeroPoliza || !desde || !hasta}
          onClick={() =>
            crear
              .mutateAsync({
                aseguradora,
                numeroPoliza,
                vigenciaDesde: desde ?? '',
                vigenciaHasta: hasta ?? '',
                porcentajeCobertura: Number(cobertura),
                diasDenuncia: Number(dias),
              })
              .then(() => {
                notificarExito('Póliza registrada.');
                setAseguradora('');
                setNumeroPoliza('');
              })
              .catch((e: unknown) => notificarError(e, 'No se pudo registrar la póliza'))
          }
        >
          Registrar póliza
        </Button>
      </Group>
    </Card>
  );
}

function Excesos() {
  const excesos = useExcesosSeguro();
  if (excesos.isPending) return <Cargando />;
  if (excesos.isError) return <ErrorConsulta error={excesos.error} />;
  return (
    <Card withBorder>
      <Title order={5} mb="sm">
        Clientes con exposición sobre el límite asegurado
      </Title>
      {excesos.data.length === 0 ? (
        <Text c="dimmed">Ningún cliente asegurado supera su límite.</Text>
      ) : (
        <Table aria-label="Exposición sobre el límite asegurado">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cliente</Table.Th>
              <Table.Th>Póliza</Table.Th>
              <Table.Th ta="right">Límite asegurado</Table.Th>
              <Table.Th ta="right">Exposición</Table.Th>
              <Table.Th ta="right">Sin cobertura</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {excesos.data.map((e) => (
              <Table.Tr key={e.clienteId}>
                <Table.Td>
                  {e.razonSocial} ({formatearRut(e.rut)})
                </Table.Td>
                <Table.Td>
                  {e.seguro.aseguradora} · {e.seguro.numeroPoliza}
                  {e.seguro.polizaVigente ? '' : ' (vencida)'}
                </Table.Td>
                <Table.Td ta="right">{formatearPesos(e.seguro.limiteAsegurado ?? 0)}</Table.Td>
                <Table.Td ta="right">{formatearPesos(e.seguro.exposicion)}</Table.Td>
                <Table.Td ta="right" c="red">
                  {formatearPesos(e.seguro.exceso)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function SiniestrosPorDenunciar() {
  const [dias, setDias] = useState<number | string>(15);
  const siniestros = useSiniestrosPorDenunciar(Number(dias) || 0);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={5}>Siniestros por denunciar</Title>
        <NumberInput
          aria-label="Días de anticipación"
          suffix=" días"
          min={0}
          max={365}
          allowDecimal={false}
          w={120}
          value={dias}
          onChange={setDias}
        />
      </Group>
      {siniestros.isPending ? (
        <Cargando />
      ) : siniestros.isError ? (
        <ErrorConsulta error={siniestros.error} />
      ) : siniestros.data.length === 0 ? (
        <Text c="dimmed">No hay documentos asegurados cuyo plazo para denunciar venza en ese período.</Text>
      ) : (
        <Table aria-label="Siniestros por denunciar">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cliente</Table.Th>
              <Table.Th>Documento</Table.Th>
              <Table.Th>Vencimiento</Table.Th>
              <Table.Th ta="right">Saldo</Table.Th>
              <Table.Th>Denunciar a más tardar</Table.Th>
              <Table.Th ta="right">Días</Table.Th>
              <Table.Th>Aviso</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {siniestros.data.map((s) => (
              <Table.Tr key={`${s.documentoId}-${s.cuota}`}>
                <Table.Td>{s.razonSocial}</Table.Td>
                <Table.Td>
                  {s.tipo} N° {s.folio}
                </Table.Td>
                <Table.Td>{formatearFecha(s.fechaVencimiento)}</Table.Td>
                <Table.Td ta="right">{formatearPesos(s.saldo)}</Table.Td>
                <Table.Td>
                  {formatearFecha(s.fechaLimiteDenuncia)} ({s.aseguradora})
                </Table.Td>
                <Table.Td ta="right" c={Number(s.diasRestantes) <= 5 ? 'red' : undefined}>
                  {s.diasRestantes}
                </Table.Td>
                <Table.Td>{s.fechaAviso ? `Tarea creada el ${formatearFecha(s.fechaAviso)}` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** End a policy in force (it keeps its history), or delete one entered by mistake (the server refuses if it has history). */
function AccionesPoliza({ poliza }: { poliza: Poliza }) {
  const terminar = useTerminarPoliza();
  const eliminar = useEliminarPoliza();
  if (poliza.fechaTermino) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      <AccionConMotivo
        size="xs"
        variant="default"
        titulo={`Terminar póliza ${poliza.numeroPoliza}`}
        mensaje="La fecha de término es el último día cubierto (vacía: hoy). Después, la póliza no cubre a sus clientes ni levanta avisos de siniestro; queda en el historial."
        confirmar="Terminar póliza"
        etiquetaFecha="Fecha de término"
        onConfirm={(motivo, fecha) =>
          terminar
            .mutateAsync({ id: poliza.id, motivo, fecha: fecha ?? hoySantiago() })
            .then(() => notificarExito('Póliza terminada.'))
        }
      >
        Terminar
      </AccionConMotivo>
      {poliza.clientesAsegurados === 0 && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          loading={eliminar.isPending}
          onClick={() =>
            eliminar
              .mutateAsync(poliza.id)
              .then(() => notificarExito('Póliza eliminada.'))
              .catch((e: unknown) => notificarError(e))
          }
        >
          Eliminar
        </Button>
      )}
    </Group>
  );
}

/** Credit insurance: the company's policies, clients above their insured limit and claims to report in time. */
export function SegurosCredito() {
  const polizas = usePolizas();
  const puedeAdministrar = usePermiso('administrar');
  return (
    <Stack>
      {polizas.isPending ? (
        <Cargando />
      ) : polizas.isError ? (
        <ErrorConsulta error={polizas.error} />
      ) : polizas.data.length === 0 ? (
        <Alert color="gray">No hay pólizas de seguro de crédito registradas.</Alert>
      ) : (
        <Table aria-label="Pólizas de seguro de crédito">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Aseguradora</Table.Th>
              <Table.Th>Póliza</Table.Th>
              <Table.Th>Vigencia</Table.Th>
              <Table.Th ta="right">Cobertura</Table.Th>
              <Table.Th ta="right">Plazo denuncia</Table.Th>
              <Table.Th ta="right">Clientes</Table.Th>
              <Table.Th ta="right">Límite asegurado total</Table.Th>
              {puedeAdministrar && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {polizas.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.aseguradora}</Table.Td>
                <Table.Td>{p.numeroPoliza}</Table.Td>
                <Table.Td c={p.vigente ? undefined : 'dimmed'}>
                  {formatearFecha(p.vigenciaDesde)} – {formatearFecha(p.vigenciaHasta)}
                  {p.fechaTermino && (
                    <Text size="xs" c="dimmed">
                      Terminada: {p.motivoTermino}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{String(p.porcentajeCobertura).replace('.', ',')} %</Table.Td>
                <Table.Td ta="right">{p.diasDenuncia} días</Table.Td>
                <Table.Td ta="right">{p.clientesAsegurados}</Table.Td>
                <Table.Td ta="right">{formatearPesos(p.limiteAseguradoTotal)}</Table.Td>
                {puedeAdministrar && (
                  <Table.Td>
                    <AccionesPoliza poliza={p} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {puedeAdministrar && <NuevaPoliza />}
      <Excesos />
      <SiniestrosPorDenunciar />
    </Stack>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { MontosPorDocumento } from '@/components/cartera/montos-por-documento';
import { formatearMonto, nombreTipoDocumento, textoAplicacionAutomatica } from '@/lib/cartera';
import { useOrdenImputacion } from '@/api/hooks/use-orden-imputacion';
import { aNumero, formatearFecha } from '@/lib/formato';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';
import type { Documento } from '@/features/compensaciones/api/tipos';
import { useCrearCompensacion } from '@/features/compensaciones/api/use-compensaciones';
import { useDocumento } from '@/api/hooks/use-documento';
import { useDocumentos } from '@/api/hooks/use-documentos';
import {
  controlarLineas,
  erroresPorDocumento,
  lineasManuales,
} from '@/features/compensaciones/components/lineas';

const creditos = ['61', '112'];
const fueraDeCobranza = ['anulado', 'cedido', 'castigado'];

interface Valores {
  aplicacion: 'automatica' | 'manual';
  manual: Record<string, number | string>;
  motivo: string;
}

function Formulario({ nota }: { nota: Documento }) {
  const navigate = useNavigate();
  const crear = useCrearCompensacion();
  const ordenImputacion = useOrdenImputacion();
  // The client's documents, oldest due date first (the manual lines pick those with balance).
  const documentos = useDocumentos(
    { clienteId: nota.cliente.id, orden: 'fechaVencimiento', tamanoPagina: 100 },
    { lista: false, enabled: !!nota.cliente.id },
  );
  const form = useForm<Valores>({
    initialValues: { aplicacion: 'automatica', manual: {}, motivo: '' },
    validate: { motivo: (v) => (v.trim() ? null : 'Indique el motivo.') },
  });
  const valores = form.getValues();
  const saldoNota = aNumero(nota.saldo) ?? 0;
  const abiertos = (documentos.data?.items ?? []).filter(
    (d) =>
      !creditos.includes(d.tipo) &&
      d.moneda === nota.moneda &&
      !fueraDeCobranza.includes(d.estado) &&
      (aNumero(d.saldo) ?? 0) > 0,
  );
  const lineas = lineasManuales(
    valores.manual,
    abiertos.map((d) => d.id),
  );
  const control = controlarLineas(
    lineas,
    saldoNota,
    Object.fromEntries(abiertos.map((d) => [d.id, aNumero(d.saldo) ?? 0])),
  );
  const erroresLinea = erroresPorDocumento(crear.error, crear.variables?.aplicaciones ?? []);
  const m = (v: number | string) => formatearMonto(v, nota.moneda);

  return (
    <form
      aria-label="Compensar nota de crédito"
      onSubmit={form.onSubmit(async (v) => {
        if (v.aplicacion === 'manual' && control.error) return;
        try {
          const c = await crear.mutateAsync({
            notaCreditoId: nota.id,
            aplicacion: v.aplicacion,
            aplicaciones: v.aplicacion === 'manual' ? lineas : null,
            motivo: v.motivo.trim(),
          });
          notificarExito(`Compensación registrada: ${formatearMonto(c.monto, c.moneda)}.`);
          navigate(`/cartera/compensaciones/${c.id}`);
        } catch (e) {
          mostrarErrorEnFormulario(form, e, ['motivo', 'aplicacion']);
        }
      })}
    >
      <Stack>
        <Card withBorder>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <div>
              <Text size="xs" c="dimmed">
                Nota de crédito
              </Text>
              <Anchor component={Link} to={`/cartera/documentos/${nota.id}`} size="sm">
                {nombreTipoDocumento(nota.tipo)} N° {nota.folio}
              </Anchor>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Cliente
              </Text>
              <Text size="sm">
                {nota.cliente.razonSocial} · {formatearRut(nota.cliente.rut)}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Emisión
              </Text>
              <Text size="sm">{formatearFecha(nota.fechaEmision)}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Saldo por compensar
              </Text>
              <Text size="lg" fw={700} data-testid="saldo-nota-credito">
                {m(nota.saldo)}
              </Text>
            </div>
          </SimpleGrid>
        </Card>
        <Card withBorder>
          <Stack>
            <div>
              <Text size="sm" fw={500} mb={4}>
                Aplicación
              </Text>
              <SegmentedControl
                aria-label="Aplicación"
                data={[
                  { value: 'automatica', label: textoAplicacionAutomatica(ordenImputacion) },
                  { value: 'manual', label: 'Manual' },
                ]}
                {...form.getInputProps('aplicacion')}
              />
            </div>
            {valores.aplicacion === 'automatica' ? (
              <Text size="sm" c="dimmed">
                El saldo de la nota de crédito se aplica a los documentos pendientes del cliente en{' '}
                {nota.moneda}, en el orden de imputación configurado por la empresa, hasta agotarlo.
              </Text>
            ) : documentos.isPending ? (
              <Cargando />
            ) : abiertos.length === 0 ? (
              <Text size="sm" c="dimmed">
                El cliente no tiene documentos con saldo en {nota.moneda}.
              </Text>
            ) : (
              <div>
                <MontosPorDocumento
                  etiqueta="Documentos a compensar"
                  columna="Compensar"
                  accion="Compensar"
                  documentos={abiertos}
                  anchoMonto={170}
                  monto={(d) => ({
                    ...form.getInputProps(`manual.${d.id}`),
                    value: valores.manual[d.id] ?? '',
                    error: erroresLinea[d.id],
                  })}
                />
                <Group justify="space-between" mt="xs">
                  <Text size="sm">
                    Total a compensar: <b data-testid="total-compensacion">{m(control.total)}</b>
                  </Text>
                  <Text size="sm" c={control.restante < 0 ? 'red' : 'dimmed'}>
                    Queda en la nota de crédito: {m(control.restante)}
                  </Text>
                </Group>
                {control.error && lineas.length > 0 && (
                  <Text size="sm" c="red" mt={4}>
                    {control.error}
                  </Text>
                )}
              </div>
            )}
            <Textarea label="Motivo" autosize minRows={2} {...form.getInputProps('motivo')} />
            <Group justify="flex-end">
              <Button
                type="submit"
                loading={crear.isPending}
                disabled={valores.aplicacion === 'manual' && control.error !== null}
              >
                Compensar
              </Button>
            </Group>
          </Stack>
        </Card>
      </Stack>
    </form>
  );
}

export default function NuevaCompensacionRoute() {
  const [params] = useSearchParams();
  const id = params.get('notaCreditoId');
  const nota = useDocumento(id);
  return (
    <Pagina
      titulo="Compensar nota de crédito"
      descripcion="El saldo de la nota de crédito se descuenta de documentos del mismo cliente; se reversa como un todo"
      acciones={
        <Button
          variant="default"
          component={Link}
          to={id ? `/cartera/documentos/${id}` : '/cartera/compensaciones'}
        >
          Volver
        </Button>
      }
    >
      {!id ? (
        <Alert color="blue">
          Abra una nota de crédito con saldo en{' '}
          <Anchor component={Link} to="/cartera/documentos?tipo=61">
            Documentos
          </Anchor>{' '}
          y elija «Compensar nota de crédito».
        </Alert>
      ) : nota.isPending ? (
        <Cargando />
      ) : nota.isError ? (
        <ErrorConsulta error={nota.error} reintentar={() => void nota.refetch()} />
      ) : !creditos.includes(nota.data.tipo) || (aNumero(nota.data.saldo) ?? 0) <= 0 ? (
        <Alert color="orange">
          Solo se compensa una nota de crédito con saldo; {nombreTipoDocumento(nota.data.tipo)} N°{' '}
          {nota.data.folio} tiene saldo {formatearMonto(nota.data.saldo, nota.data.moneda)}.
        </Alert>
      ) : (
        <Formulario nota={nota.data} />
      )}
    </Pagina>
  );
}

import {
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { MontosPorDocumento } from '@/components/cartera/montos-por-documento';
import { canalesPago, decimalesMoneda, formatearMonto, monedas } from '@/lib/cartera';
import { aNumero } from '@/lib/formato';
import { mostrarErrorEnFormulario, numeroONulo, vacioANulo } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import type { DatosPago } from '@/api/tipos-cartera';
import { useDocumentos } from '@/api/hooks/use-documentos';
import { useRegistrarPago } from '@/features/pagos/api/use-registrar-pago';
import { useVistaPreviaPago } from '@/features/pagos/api/use-vista-previa-pago';
import { erroresPorLinea } from '@/features/pagos/components/errores-lineas';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { VistaPreviaPago } from '@/features/pagos/components/vista-previa-pago';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { hoySantiago } from '@/lib/fecha-negocio';

interface Valores {
  clienteId: string | null;
  monto: number | string;
  fecha: string | null;
  moneda: string;
  canal: string | null;
  referencia: string;
  aplicacion: 'automatica' | 'manual';
  manual: Record<string, number | string>;
}

function aCuerpo(v: Valores): DatosPago | null {
  const monto = numeroONulo(v.monto);
  if (!v.clienteId || monto === null || monto <= 0 || !v.fecha) return null;
  const aplicaciones =
    v.aplicacion === 'manual'
      ? Object.entries(v.manual)
          .map(([documentoId, m]) => ({ documentoId, cuota: null, monto: numeroONulo(m) ?? 0 }))
          .filter((l) => l.monto > 0)
      : null;
  if (aplicaciones?.length === 0) return null;
  return {
    clienteId: v.clienteId,
    rut: null,
    fecha: v.fecha,
    monto,
    moneda: v.moneda,
    canal: v.canal ?? 'transferencia',
    referencia: vacioANulo(v.referencia),
    aplicacion: v.aplicacion,
    aplicaciones,
  };
}

export default function RegistrarPagoRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const registrar = useRegistrarPago();
  const form = useForm<Valores>({
    initialValues: {
      clienteId: params.get('clienteId'),
      monto: '',
      fecha: hoySantiago(),
      moneda: 'CLP',
      canal: 'transferencia',
      referencia: '',
      aplicacion: 'automatica',
      manual: {},
    },
    validate: {
      clienteId: (v) => (v ? null : 'Elija el cliente.'),
      monto: (v) => ((numeroONulo(v) ?? 0) > 0 ? null : 'Ingrese un monto mayor que cero.'),
      fecha: (v) => (v ? null : 'Indique la fecha del pago.'),
      canal: (v) => (v ? null : 'Indique el canal.'),
    },
  });
  const valores = form.getValues();
  // Debounce the serialized body: a new object every render would never settle.
  const [json] = useDebouncedValue(JSON.stringify(aCuerpo(valores)), 400);
  const cuerpo = useMemo(() => JSON.parse(json) as DatosPago | null, [json]);
  const vistaPrevia = useVistaPreviaPago(cuerpo);
  const abiertos = useDocumentos({
    clienteId: valores.clienteId ?? undefined,
    orden: 'fechaVencimiento',
    tamanoPagina: 100,
  });
  const documentosAbiertos = valores.clienteId
    ? (abiertos.data?.items ?? []).filter(
        (d) => d.estado !== 'anulado' && (aNumero(d.saldo) ?? 0) > 0 && !['61', '112'].includes(d.tipo),
      )
    : [];
  const erroresLinea = erroresPorLinea(
    cuerpo ? vistaPrevia.error : null,
    (cuerpo?.aplicaciones ?? []).map((l) => l.documentoId),
  );
  const totalManual = Object.values(valores.manual).reduce<number>((s, m) => s + (numeroONulo(m) ?? 0), 0);

  return (
    <Pagina
      titulo="Registrar pago"
      descripcion="El pago se aplica a los documentos del cliente; lo que sobre queda como saldo a favor"
      acciones={
        <Button variant="default" component={Link} to="/cartera/pagos">
          Volver
        </Button>
      }
    >
      <form
        aria-label="Registrar pago"
        onSubmit={form.onSubmit(async (v) => {
          const body = aCuerpo(v);
          if (!body) return;
          try {
            const pago = await registrar.mutateAsync(body);
            notificarExito(`Pago registrado: ${formatearMonto(pago.monto, pago.moneda)}.`);
            navigate(`/cartera/pagos/${pago.id}`);
          } catch (e) {
            mostrarErrorEnFormulario(form, e, [
              'clienteId',
              'monto',
              'fecha',
              'moneda',
              'canal',
              'referencia',
              'aplicacion',
            ]);
          }
        })}
      >
        <Grid>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Card withBorder>
              <Stack>
                <SelectorCliente
                  withAsterisk
                  {...form.getInputProps('clienteId')}
                  value={valores.clienteId}
                  onChange={(id) => {
                    form.setFieldValue('clienteId', id);
                    form.setFieldValue('manual', {});
                  }}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NumberInput
                    label="Monto"
                    withAsterisk
                    min={0}
                    thousandSeparator="."
                    decimalSeparator=","
                    decimalScale={decimalesMoneda(valores.moneda)}
                    {...form.getInputProps('monto')}
                  />
                  <Select
                    label="Moneda"
                    data={monedas}
                    allowDeselect={false}
                    {...form.getInputProps('moneda')}
                  />
                  <CampoFecha label="Fecha" withAsterisk {...form.getInputProps('fecha')} />
                  <Select
                    label="Canal"
                    withAsterisk
                    data={canalesPago}
                    allowDeselect={false}
                    {...form.getInputProps('canal')}
                  />
                </SimpleGrid>
                <TextInput
                  label="Referencia"
                  placeholder="N° de transferencia, cheque…"
                  {...form.getInputProps('referencia')}
                />
                <div>
                  <Text size="sm" fw={500} mb={4}>
                    Aplicación
                  </Text>
                  <SegmentedControl
                    aria-label="Aplicación"
                    data={[
                      { value: 'automatica', label: 'Automática (más antiguos primero)' },
                      { value: 'manual', label: 'Manual' },
                    ]}
                    {...form.getInputProps('aplicacion')}
                  />
                </div>
                {valores.aplicacion === 'manual' && (
                  <div>
                    <Title order={5} mb="xs">
                      Documentos abiertos
                    </Title>
                    {documentosAbiertos.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {valores.clienteId
                          ? 'El cliente no tiene documentos con saldo.'
                          : 'Elija el cliente.'}
                      </Text>
                    ) : (
                      <MontosPorDocumento
                        etiqueta="Aplicación manual"
                        columna="Aplicar"
                        accion="Aplicar a"
                        documentos={documentosAbiertos}
                        anchoMonto={160}
                        monto={(d) => ({
                          ...form.getInputProps(`manual.${d.id}`),
                          value: valores.manual[d.id] ?? '',
                          error: erroresLinea[d.id],
                        })}
                      />
                    )}
                    <Text size="sm" mt="xs" c="dimmed">
                      Total asignado: {formatearMonto(totalManual, valores.moneda)}
                    </Text>
                  </div>
                )}
                <Group justify="flex-end">
                  <Button type="submit" loading={registrar.isPending}>
                    Guardar pago
                  </Button>
                </Group>
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <VistaPreviaPago
              datos={cuerpo ? vistaPrevia.data : undefined}
              cargando={vistaPrevia.isFetching}
              error={cuerpo ? vistaPrevia.error : null}
            />
          </Grid.Col>
        </Grid>
      </form>
    </Pagina>
  );
}

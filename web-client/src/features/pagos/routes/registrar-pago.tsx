import {
  Alert,
  Autocomplete,
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
import {
  canalesPago,
  decimalesMoneda,
  formatearMonto,
  monedas,
  textoAplicacionAutomatica,
} from '@/lib/cartera';
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
import { lineasDesdeUrl } from '@/features/pagos/components/lineas-url';
import { useOrdenImputacion } from '@/api/hooks/use-orden-imputacion';
import {
  bancosChile,
  chequeVacio,
  cuerposCheques,
  erroresCheques,
  esChequeAFecha,
  sumarMeses,
  totalCheques,
  type ChequeFormulario,
} from '@/features/pagos/components/cheques-pago';

interface Valores {
  /** With canal cheque: the cheques received, each registered as its own payment. */
  cheques: ChequeFormulario[];
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
  if (v.canal === 'cheque') {
    // The preview shows the single cheque; several are previewed one by one after saving, on the cheque board.
    const cuerpos = cuerposCheques(baseCheques(v), v.cheques);
    return cuerpos?.length === 1 ? cuerpos[0]! : null;
  }
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

function baseCheques(v: Valores) {
  const aplicaciones =
    v.aplicacion === 'manual'
      ? Object.entries(v.manual)
          .map(([documentoId, m]) => ({ documentoId, cuota: null, monto: numeroONulo(m) ?? 0 }))
          .filter((l) => l.monto > 0)
      : null;
  return {
    clienteId: v.clienteId,
    rut: null,
    fecha: v.fecha ?? '',
    moneda: v.moneda,
    aplicacion: v.aplicacion,
    aplicaciones,
  };
}

export default function RegistrarPagoRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const registrar = useRegistrarPago();
  // From a document's page or the documents selected in the list: their balances (`aplicar=<id>:<monto>`), applied to them.
  const aplicar = lineasDesdeUrl(params.getAll('aplicar'));
  const desdeDocumentos = Object.keys(aplicar).length > 0;
  const montoDocumentos = Object.values(aplicar).reduce((a, b) => a + b, 0);
  const form = useForm<Valores>({
    initialValues: {
      clienteId: params.get('clienteId'),
      monto: desdeDocumentos ? montoDocumentos : '',
      fecha: hoySantiago(),
      moneda: monedas.includes(params.get('moneda') ?? '') ? params.get('moneda')! : 'CLP',
      canal: 'transferencia',
      referencia: '',
      aplicacion: desdeDocumentos ? 'manual' : 'automatica',
      manual: aplicar,
      cheques: [chequeVacio()],
    },
    validate: (v) => ({
      clienteId: v.clienteId ? null : 'Elija el cliente.',
      monto:
        v.canal === 'cheque' || (numeroONulo(v.monto) ?? 0) > 0 ? null : 'Ingrese un monto mayor que cero.',
      fecha: v.fecha ? null : 'Indique la fecha del pago.',
      canal: v.canal ? null : 'Indique el canal.',
      ...(v.canal === 'cheque' ? erroresCheques(v.cheques) : {}),
    }),
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
  const castigados = useDocumentos(
    {
      clienteId: valores.clienteId ?? undefined,
      estado: 'castigado',
      orden: 'fechaVencimiento',
      tamanoPagina: 100,
    },
    { lista: false, enabled: !!valores.clienteId && valores.aplicacion === 'manual' },
  );
  const documentosCastigados = valores.clienteId
    ? (castigados.data?.items ?? []).filter((d) => d.moneda === valores.moneda)
    : [];
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
  const esCheque = valores.canal === 'cheque';
  const ordenImputacion = useOrdenImputacion();
  const aFecha = esCheque && valores.cheques.some((c) => esChequeAFecha(c, valores.fecha));
  const variosCheques = esCheque && valores.cheques.length > 1;

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
          const cuerpos = v.canal === 'cheque' ? cuerposCheques(baseCheques(v), v.cheques) : [aCuerpo(v)];
          if (!cuerpos || cuerpos.some((c) => !c)) return;
          let registrados = 0;
          try {
            const pagos = [];
            for (const body of cuerpos) {
              pagos.push(await registrar.mutateAsync(body!));
              registrados++;
            }
            if (pagos.length === 1) {
              const pago = pagos[0]!;
              notificarExito(
                pago.cheque?.estado === 'en_cartera'
                  ? `Cheque a fecha registrado en cartera: ${formatearMonto(pago.monto, pago.moneda)}.`
                  : `Pago registrado: ${formatearMonto(pago.monto, pago.moneda)}.`,
              );
              navigate(`/cartera/pagos/${pago.id}`);
            } else {
              notificarExito(
                `${pagos.length} cheques registrados por ${formatearMonto(totalCheques(v.cheques), v.moneda)}.`,
              );
              navigate(`/cartera/cheques?vista=todos&clienteId=${v.clienteId}`);
            }
          } catch (e) {
            if (registrados > 0) {
              // The first cheques were saved: drop them from the form so a retry does not register them twice.
              form.setFieldValue('cheques', v.cheques.slice(registrados));
            }
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
                  {esCheque ? (
                    <NumberInput
                      label="Monto total"
                      description="Suma de los cheques"
                      readOnly
                      thousandSeparator="."
                      decimalSeparator=","
                      value={totalCheques(valores.cheques)}
                    />
                  ) : (
                    <NumberInput
                      label="Monto"
                      withAsterisk
                      min={0}
                      thousandSeparator="."
                      decimalSeparator=","
                      decimalScale={decimalesMoneda(valores.moneda)}
                      {...form.getInputProps('monto')}
                    />
                  )}
                  <Select
                    label="Moneda"
                    data={monedas}
                    allowDeselect={false}
                    {...form.getInputProps('moneda')}
                  />
                  <CampoFecha
                    label={esCheque ? 'Fecha de recepción' : 'Fecha'}
                    withAsterisk
                    {...form.getInputProps('fecha')}
                  />
                  <Select
                    label="Canal"
                    withAsterisk
                    data={canalesPago}
                    allowDeselect={false}
                    {...form.getInputProps('canal')}
                  />
                </SimpleGrid>
                {esCheque ? (
                  <Stack gap="xs">
                    <Title order={5}>Cheques</Title>
                    {valores.cheques.map((c, i) => (
                      <Card key={i} withBorder p="sm" aria-label={`Cheque ${i + 1}`} component="fieldset">
                        <SimpleGrid cols={{ base: 1, sm: 2 }}>
                          <CampoFecha
                            label="Fecha del cheque"
                            withAsterisk
                            description={
                              esChequeAFecha(c, valores.fecha)
                                ? 'A fecha: queda en cartera hasta cobrarse'
                                : undefined
                            }
                            {...form.getInputProps(`cheques.${i}.fechaCheque`)}
                          />
                          <NumberInput
                            label="Monto del cheque"
                            withAsterisk
                            min={0}
                            thousandSeparator="."
                            decimalSeparator=","
                            decimalScale={decimalesMoneda(valores.moneda)}
                            {...form.getInputProps(`cheques.${i}.monto`)}
                          />
                          <Autocomplete
                            label="Banco"
                            data={bancosChile}
                            {...form.getInputProps(`cheques.${i}.banco`)}
                          />
                          <TextInput
                            label="Número de cheque"
                            withAsterisk
                            {...form.getInputProps(`cheques.${i}.numero`)}
                          />
                        </SimpleGrid>
                        {valores.cheques.length > 1 && (
                          <Group justify="flex-end" mt="xs">
                            <Button
                              variant="subtle"
                              color="red"
                              size="xs"
                              onClick={() => form.removeListItem('cheques', i)}
                            >
                              Quitar cheque {i + 1}
                            </Button>
                          </Group>
                        )}
                      </Card>
                    ))}
                    <Group>
                      <Button
                        variant="default"
                        size="xs"
                        onClick={() => {
                          // The next cheque of an installment plan is usually a month after the previous one.
                          const ultima = valores.cheques.at(-1)?.fechaCheque ?? null;
                          form.insertListItem('cheques', chequeVacio(ultima ? sumarMeses(ultima, 1) : null));
                        }}
                      >
                        Agregar cheque
                      </Button>
                    </Group>
                    {aFecha && (
                      <Alert color="blue" variant="light">
                        Los cheques a fecha quedan en cartera: se aplican a los documentos cuando se depositan
                        y se marcan cobrados en el tablero de cheques.
                      </Alert>
                    )}
                  </Stack>
                ) : (
                  <TextInput
                    label="Referencia"
                    placeholder="N° de transferencia, comprobante…"
                    {...form.getInputProps('referencia')}
                  />
                )}
                <div>
                  <Text size="sm" fw={500} mb={4}>
                    Aplicación
                  </Text>
                  <SegmentedControl
                    aria-label="Aplicación"
                    data={[
                      { value: 'automatica', label: textoAplicacionAutomatica(ordenImputacion) },
                      { value: 'manual', label: 'Manual', disabled: aFecha || variosCheques },
                    ]}
                    {...form.getInputProps('aplicacion')}
                    value={aFecha || variosCheques ? 'automatica' : valores.aplicacion}
                  />
                </div>
                {valores.aplicacion === 'manual' && !aFecha && !variosCheques && (
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
                    {documentosCastigados.length > 0 && (
                      <>
                        <Title order={5} mt="md" mb="xs">
                          Documentos castigados
                        </Title>
                        <Text size="sm" c="dimmed" mb="xs">
                          Lo que se asigne a un documento castigado se registra como recupero del castigo: el
                          documento sigue castigado y no vuelve a la cartera.
                        </Text>
                        <MontosPorDocumento
                          etiqueta="Recupero de castigos"
                          columna="Recuperar"
                          accion="Recuperar de"
                          documentos={documentosCastigados}
                          anchoMonto={160}
                          saldo={{ titulo: 'Total', valor: (d) => d.total }}
                          monto={(d) => ({
                            ...form.getInputProps(`manual.${d.id}`),
                            value: valores.manual[d.id] ?? '',
                            error: erroresLinea[d.id],
                          })}
                        />
                      </>
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
            {variosCheques && (
              <Alert color="blue" variant="light" mb="md">
                {valores.cheques.length} cheques por{' '}
                {formatearMonto(totalCheques(valores.cheques), valores.moneda)}: cada uno se registra como un
                pago y se aplica al cobrarse.
              </Alert>
            )}
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

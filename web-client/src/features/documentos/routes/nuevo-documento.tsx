import {
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import {
  decimalesMoneda,
  formatearMonto,
  monedas,
  nombreTipoDocumento,
  sumarDias,
  tiposDocumento,
} from '@/lib/cartera';
import { mostrarErrorEnFormulario, numeroONulo, vacioANulo } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import { useCrearDocumento } from '@/features/documentos/api/use-crear-documento';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { hoySantiago } from '@/lib/fecha-negocio';
import { useCliente } from '@/api/hooks/use-cliente';

const conReferencia = ['56', '61', '111', '112'];
const creditos = ['61', '112'];
const afectos = ['33', '39', '43', '46', '56', '61'];

function redondear(n: number, decimales: number) {
  const f = 10 ** decimales;
  return Math.round(n * f) / f;
}

export default function NuevoDocumentoRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const crear = useCrearDocumento();
  const hoy = hoySantiago();
  const form = useForm({
    initialValues: {
      clienteId: params.get('clienteId') as string | null,
      tipo: '33' as string | null,
      folio: '' as number | string,
      fechaEmision: hoy as string | null,
      fechaVencimiento: sumarDias(hoy, 30) as string | null,
      moneda: 'CLP',
      neto: '' as number | string,
      exento: 0 as number | string,
      iva: '' as number | string,
      referenciaTipo: null as string | null,
      referenciaFolio: '' as number | string,
      externalId: '',
      notas: '',
    },
    validate: {
      clienteId: (v) => (v ? null : 'Elija el cliente.'),
      tipo: (v) => (v ? null : 'Elija el tipo.'),
      folio: (v) => ((numeroONulo(v) ?? 0) > 0 ? null : 'Ingrese el folio.'),
      fechaEmision: (v) => (v ? null : 'Indique la fecha de emisión.'),
    },
  });
  const v = form.getValues();
  // The due date follows the client's policy term (issue date + plazo) until the user picks one.
  const cliente = useCliente(v.clienteId);
  const plazo = numeroONulo(cliente.data?.politicaEfectiva.plazoDias);
  const vencimientoElegido = useRef(false);
  useEffect(() => {
    if (vencimientoElegido.current || plazo === null || !v.fechaEmision) return;
    const propuesto = sumarDias(v.fechaEmision, plazo);
    if (form.getValues().fechaVencimiento !== propuesto) form.setFieldValue('fechaVencimiento', propuesto);
  }, [plazo, v.fechaEmision, form]);
  const dec = decimalesMoneda(v.moneda);
  const total = (numeroONulo(v.neto) ?? 0) + (numeroONulo(v.exento) ?? 0) + (numeroONulo(v.iva) ?? 0);
  const esCredito = creditos.includes(v.tipo ?? '');

  return (
    <Pagina
      titulo="Nuevo documento"
      acciones={
        <Button variant="default" component={Link} to="/cartera/documentos">
          Cancelar
        </Button>
      }
    >
      <Card withBorder maw={900}>
        <form
          aria-label="Nuevo documento"
          onSubmit={form.onSubmit(async (x) => {
            const refFolio = numeroONulo(x.referenciaFolio);
            try {
              const d = await crear.mutateAsync({
                tipo: x.tipo ?? '',
                folio: numeroONulo(x.folio) ?? 0,
                clienteId: x.clienteId,
                rut: null,
                fechaEmision: x.fechaEmision ?? '',
                fechaVencimiento: esCredito && !x.fechaVencimiento ? null : x.fechaVencimiento,
                cuotas: null,
                moneda: x.moneda,
                neto: numeroONulo(x.neto) ?? 0,
                exento: numeroONulo(x.exento) ?? 0,
                iva: numeroONulo(x.iva) ?? 0,
                total: redondear(total, dec),
                referencia:
                  conReferencia.includes(x.tipo ?? '') && x.referenciaTipo && refFolio
                    ? { documentoId: null, tipo: x.referenciaTipo, folio: refFolio }
                    : null,
                origen: 'manual',
                externalId: vacioANulo(x.externalId),
                notas: vacioANulo(x.notas),
              });
              notificarExito(`${nombreTipoDocumento(d.tipo)} N° ${d.folio} creada.`);
              navigate(`/cartera/documentos/${d.id}`);
            } catch (e) {
              mostrarErrorEnFormulario(form, e, [...Object.keys(x), 'total', 'referencia']);
            }
          })}
        >
          <Stack>
            <SelectorCliente withAsterisk {...form.getInputProps('clienteId')} value={v.clienteId} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Tipo"
                withAsterisk
                data={tiposDocumento}
                allowDeselect={false}
                {...form.getInputProps('tipo')}
              />
              <NumberInput
                label="Folio"
                withAsterisk
                min={1}
                allowDecimal={false}
                {...form.getInputProps('folio')}
              />
              <Select label="Moneda" data={monedas} allowDeselect={false} {...form.getInputProps('moneda')} />
              <CampoFecha label="Fecha de emisión" withAsterisk {...form.getInputProps('fechaEmision')} />
              <CampoFecha
                label="Fecha de vencimiento"
                withAsterisk={!esCredito}
                clearable
                description={plazo !== null ? `Plazo del cliente: ${plazo} días` : undefined}
                {...form.getInputProps('fechaVencimiento')}
                onChange={(f) => {
                  vencimientoElegido.current = true;
                  form.setFieldValue('fechaVencimiento', f);
                }}
              />
              <TextInput label="ID externo" {...form.getInputProps('externalId')} />
              <NumberInput
                label="Neto"
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                decimalScale={dec}
                {...form.getInputProps('neto')}
                onChange={(n) => {
                  form.setFieldValue('neto', n);
                  const neto = numeroONulo(n);
                  if (afectos.includes(v.tipo ?? '') && neto !== null)
                    form.setFieldValue('iva', redondear(neto * 0.19, dec));
                }}
              />
              <NumberInput
                label="Exento"
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                decimalScale={dec}
                {...form.getInputProps('exento')}
              />
              <NumberInput
                label="IVA"
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                decimalScale={dec}
                {...form.getInputProps('iva')}
              />
            </SimpleGrid>
            {conReferencia.includes(v.tipo ?? '') && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label="Documento referenciado (tipo)"
                  clearable
                  data={tiposDocumento}
                  {...form.getInputProps('referenciaTipo')}
                />
                <NumberInput
                  label="Documento referenciado (folio)"
                  min={1}
                  allowDecimal={false}
                  {...form.getInputProps('referenciaFolio')}
                />
              </SimpleGrid>
            )}
            <Textarea label="Notas" autosize minRows={2} {...form.getInputProps('notas')} />
            <Group justify="space-between">
              <Text>
                Total: <b data-testid="total-documento">{formatearMonto(redondear(total, dec), v.moneda)}</b>
              </Text>
              {form.errors.total && (
                <Text c="red" size="sm">
                  {form.errors.total}
                </Text>
              )}
              <Button type="submit" loading={crear.isPending}>
                Crear documento
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Pagina>
  );
}

import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { aNumero } from '@/lib/formato';
import { mostrarErrorEnFormulario, numeroONulo } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import {
  type ConfiguracionCargosMora,
  useConfiguracionCargosMora,
  useGuardarConfiguracionCargosMora,
} from '@/features/configuracion-cartera/api/use-configuracion-cartera';

interface Valores {
  tasaMaximaAnual: number | string;
  tasaAnual: number | string;
  porcentajeComision: number | string;
}

const campos = ['tasaMaximaAnual', 'tasaAnual', 'porcentajeComision'];

const valores = (c: ConfiguracionCargosMora): Valores => ({
  tasaMaximaAnual: aNumero(c.tasaMaximaAnual) ?? '',
  tasaAnual: aNumero(c.tasaAnual) ?? '',
  porcentajeComision: aNumero(c.porcentajeComision) ?? 1,
});

/** The rates the late charges use: the legal maximum the company enters, the rate it applies and the invoice commission. */
export function ConfiguracionCargosMoraCard({ editable }: { editable: boolean }) {
  const configuracion = useConfiguracionCargosMora();
  if (configuracion.isPending) return <Cargando />;
  if (configuracion.isError)
    return <ErrorConsulta error={configuracion.error} reintentar={() => void configuracion.refetch()} />;
  return <Formulario configuracion={configuracion.data} editable={editable} />;
}

function Formulario({
  configuracion,
  editable,
}: {
  configuracion: ConfiguracionCargosMora;
  editable: boolean;
}) {
  const guardar = useGuardarConfiguracionCargosMora();
  const form = useForm<Valores>({ initialValues: valores(configuracion) });
  const porcentaje = { decimalScale: 4, decimalSeparator: ',', suffix: ' %', readOnly: !editable, min: 0 };
  return (
    <form
      aria-label="Cargos de mora"
      onSubmit={form.onSubmit(async (v) => {
        try {
          const c = await guardar.mutateAsync({
            tasaMaximaAnual: numeroONulo(v.tasaMaximaAnual),
            tasaAnual: numeroONulo(v.tasaAnual),
            porcentajeComision: numeroONulo(v.porcentajeComision),
          });
          form.setValues(valores(c));
          form.resetDirty();
          notificarExito('Cargos de mora guardados.');
        } catch (e) {
          mostrarErrorEnFormulario(form, e, campos);
        }
      })}
    >
      <Card withBorder>
        <Stack>
          <div>
            <Title order={4}>Cargos de mora</Title>
            <Text size="sm" c="dimmed">
              Interés moratorio simple desde el día siguiente al vencimiento (tasa anual / 360 por día, sobre
              el saldo de cada día). A empresas, comisión fija de cobranza sobre facturas (Ley 21.131, hasta
              1%); a consumidores, gastos de cobranza desde el día 21 con la escala en UF de la Ley 19.496.
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label="Tasa máxima convencional anual"
              description="La vigente que publica la CMF"
              max={100}
              {...porcentaje}
              {...form.getInputProps('tasaMaximaAnual')}
            />
            <NumberInput
              label="Tasa anual aplicada"
              description="Vacía: la máxima"
              max={100}
              {...porcentaje}
              {...form.getInputProps('tasaAnual')}
            />
            <NumberInput
              label="Comisión de cobranza de facturas"
              description="Sobre el saldo vencido, de 0 a 1"
              max={1}
              {...porcentaje}
              {...form.getInputProps('porcentajeComision')}
            />
          </SimpleGrid>
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={guardar.isPending}>
                Guardar cargos de mora
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
    </form>
  );
}

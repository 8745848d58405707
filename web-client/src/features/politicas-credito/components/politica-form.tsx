import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Cuerpo, Elemento, Respuesta } from '@/api/types';
import { aNumero } from '@/lib/formato';
import { mostrarErrorEnFormulario, numeroONulo } from '@/lib/formulario';

export type Politica = Elemento<Respuesta<'ListarPoliticasCredito'>>;
export type DatosPolitica = Cuerpo<'CrearPoliticaCredito'>;

export function PoliticaForm({
  politica,
  onGuardar,
  onCancelar,
}: {
  politica?: Politica;
  onGuardar: (datos: DatosPolitica) => Promise<unknown>;
  onCancelar: () => void;
}) {
  const form = useForm({
    initialValues: {
      segmento: politica?.segmento ?? '',
      sinLimite: politica ? politica.limiteCredito === null : false,
      limiteCredito: (aNumero(politica?.limiteCredito) ?? '') as number | string,
      monedaLimite: politica?.monedaLimite ?? 'UF',
      plazoDias: (aNumero(politica?.plazoDias) ?? 30) as number | string,
      garantia: politica?.garantia ?? '',
      diasTolerancia: (aNumero(politica?.diasTolerancia) ?? 0) as number | string,
    },
    validate: {
      segmento: (v) => (v.trim() ? null : 'Ingrese el segmento.'),
      limiteCredito: (v, valores) =>
        valores.sinLimite || numeroONulo(v) !== null ? null : 'Ingrese el límite o marque "Sin límite".',
      plazoDias: (v) => (numeroONulo(v) !== null ? null : 'Ingrese el plazo.'),
    },
  });
  return (
    <form
      aria-label={politica ? 'Editar política' : 'Nueva política'}
      onSubmit={form.onSubmit(async (v) => {
        try {
          await onGuardar({
            segmento: v.segmento.trim(),
            limiteCredito: v.sinLimite ? null : numeroONulo(v.limiteCredito),
            monedaLimite: v.monedaLimite,
            plazoDias: numeroONulo(v.plazoDias) ?? 0,
            garantia: v.garantia.trim(),
            diasTolerancia: numeroONulo(v.diasTolerancia) ?? 0,
          });
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <TextInput label="Segmento" {...form.getInputProps('segmento')} />
        <Checkbox label="Sin límite de crédito" {...form.getInputProps('sinLimite', { type: 'checkbox' })} />
        <SimpleGrid cols={2}>
          <NumberInput
            label="Límite de crédito"
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            disabled={form.values.sinLimite}
            {...form.getInputProps('limiteCredito')}
          />
          <Select
            label="Moneda"
            data={['UF', 'CLP']}
            allowDeselect={false}
            {...form.getInputProps('monedaLimite')}
          />
          <NumberInput
            label="Plazo (días)"
            min={0}
            allowDecimal={false}
            {...form.getInputProps('plazoDias')}
          />
          <NumberInput
            label="Días de tolerancia"
            min={0}
            allowDecimal={false}
            {...form.getInputProps('diasTolerancia')}
          />
        </SimpleGrid>
        <TextInput
          label="Garantía"
          placeholder="No requiere, Pagaré, …"
          {...form.getInputProps('garantia')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancelar}>
            Cancelar
          </Button>
          <Button type="submit" loading={form.submitting}>
            Guardar
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

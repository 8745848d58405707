import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { usePermiso } from '@/lib/auth-contexto';
import { aNumero, formatearLimite } from '@/lib/formato';
import { mostrarErrorEnFormulario, numeroONulo, vacioANulo } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import type { Cliente } from '@/features/clientes/api/tipos';
import { useActualizarCondiciones } from '@/features/clientes/api/use-actualizar-condiciones';
import { CampoFecha } from '@/components/ui/campo-fecha';

interface ValoresCondiciones {
  plazoPagoDias: number | string;
  descuentoProntoPagoPorcentaje: number | string;
  diasProntoPago: number | string;
  tasaInteresMoraMensual: number | string;
  limiteCredito: number | string;
  monedaLimite: string;
  garantias: string;
  excepciones: { descripcion: string; aprobadaPor: string; vigenteHasta: string | null }[];
}

const num = (v: number | string | null | undefined) => aNumero(v) ?? '';

function PoliticaEfectiva({ cliente }: { cliente: Cliente }) {
  const p = cliente.politicaEfectiva;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>Política efectiva</Title>
        <Badge variant="light" color={p.origen === 'condiciones' ? 'grape' : 'blue'}>
          {p.origen === 'condiciones'
            ? 'Con condiciones propias del cliente'
            : `Política del segmento ${p.segmento}`}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <div>
          <Text size="xs" c="dimmed">
            Segmento
          </Text>
          <Text fw={500}>{p.segmento}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Límite de crédito
          </Text>
          <Text fw={500} data-testid="limite-efectivo">
            {formatearLimite(p.limiteCredito, p.monedaLimite)}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Plazo
          </Text>
          <Text fw={500}>{aNumero(p.plazoDias)} días</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Garantía
          </Text>
          <Text fw={500}>{p.garantia || '—'}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Días de tolerancia
          </Text>
          <Text fw={500}>{aNumero(p.diasTolerancia)}</Text>
        </div>
      </SimpleGrid>
    </Card>
  );
}

export function CondicionesCliente({ cliente }: { cliente: Cliente }) {
  const puedeEditar = usePermiso('editar');
  const actualizar = useActualizarCondiciones(cliente.id);
  const k = cliente.condiciones;
  const form = useForm<ValoresCondiciones>({
    initialValues: {
      plazoPagoDias: num(k?.plazoPagoDias),
      descuentoProntoPagoPorcentaje: num(k?.descuentoProntoPagoPorcentaje),
      diasProntoPago: num(k?.diasProntoPago),
      tasaInteresMoraMensual: num(k?.tasaInteresMoraMensual),
      limiteCredito: num(k?.limiteCredito),
      monedaLimite: k?.monedaLimite ?? 'CLP',
      garantias: k?.garantias ?? '',
      excepciones: cliente.excepciones.map((e) => ({
        descripcion: e.descripcion,
        aprobadaPor: e.aprobadaPor,
        vigenteHasta: e.vigenteHasta,
      })),
    },
    validate: {
      excepciones: {
        descripcion: (v) => (v.trim() ? null : 'Ingrese la descripción.'),
        aprobadaPor: (v) => (v.trim() ? null : 'Indique quién aprobó.'),
        vigenteHasta: (v) => (v ? null : 'Indique la fecha.'),
      },
    },
  });

  const campos = [
    'plazoPagoDias',
    'descuentoProntoPagoPorcentaje',
    'diasProntoPago',
    'tasaInteresMoraMensual',
    'limiteCredito',
    'monedaLimite',
    'garantias',
    ...form.values.excepciones.flatMap((_, i) => [
      `excepciones.${i}.descripcion`,
      `excepciones.${i}.aprobadaPor`,
      `excepciones.${i}.vigenteHasta`,
    ]),
  ];

  return (
    <Stack>
      <PoliticaEfectiva cliente={cliente} />
      <form
        aria-label="Condiciones comerciales"
        onSubmit={form.onSubmit(async (v) => {
          try {
            await actualizar.mutateAsync({
              plazoPagoDias: numeroONulo(v.plazoPagoDias),
              descuentoProntoPagoPorcentaje: numeroONulo(v.descuentoProntoPagoPorcentaje),
              diasProntoPago: numeroONulo(v.diasProntoPago),
              tasaInteresMoraMensual: numeroONulo(v.tasaInteresMoraMensual),
              limiteCredito: numeroONulo(v.limiteCredito),
              monedaLimite: numeroONulo(v.limiteCredito) === null ? null : v.monedaLimite,
              garantias: vacioANulo(v.garantias),
              excepciones: v.excepciones.map((e) => ({
                descripcion: e.descripcion.trim(),
                aprobadaPor: e.aprobadaPor.trim(),
                vigenteHasta: e.vigenteHasta ?? '',
              })),
            });
            notificarExito('Condiciones guardadas.');
          } catch (e) {
            mostrarErrorEnFormulario(form, e, campos);
          }
        })}
      >
        <Card withBorder>
          <Fieldset disabled={!puedeEditar} variant="unstyled">
            <Stack>
              <Title order={4}>Condiciones comerciales del cliente</Title>
              <Text size="sm" c="dimmed">
                Los campos vacíos usan el valor de la política del segmento.
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                <NumberInput
                  label="Plazo de pago (días)"
                  min={0}
                  allowDecimal={false}
                  {...form.getInputProps('plazoPagoDias')}
                />
                <NumberInput
                  label="Descuento por pronto pago (%)"
                  min={0}
                  max={100}
                  decimalSeparator=","
                  {...form.getInputProps('descuentoProntoPagoPorcentaje')}
                />
                <NumberInput
                  label="Días para pronto pago"
                  min={0}
                  allowDecimal={false}
                  {...form.getInputProps('diasProntoPago')}
                />
                <NumberInput
                  label="Interés por mora mensual (%)"
                  min={0}
                  decimalSeparator=","
                  {...form.getInputProps('tasaInteresMoraMensual')}
                />
                <NumberInput
                  label="Límite de crédito"
                  min={0}
                  thousandSeparator="."
                  decimalSeparator=","
                  {...form.getInputProps('limiteCredito')}
                />
                <Select
                  label="Moneda del límite"
                  data={['CLP', 'UF']}
                  allowDeselect={false}
                  {...form.getInputProps('monedaLimite')}
                />
                <TextInput label="Garantías" {...form.getInputProps('garantias')} />
              </SimpleGrid>
              <Group justify="space-between" mt="md">
                <Title order={5}>Excepciones aprobadas</Title>
                {puedeEditar && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlus size={14} />}
                    onClick={() =>
                      form.insertListItem('excepciones', {
                        descripcion: '',
                        aprobadaPor: '',
                        vigenteHasta: null,
                      })
                    }
                  >
                    Agregar excepción
                  </Button>
                )}
              </Group>
              {form.values.excepciones.length === 0 && (
                <Text size="sm" c="dimmed">
                  Sin excepciones.
                </Text>
              )}
              {form.values.excepciones.map((_, i) => (
                <Group key={i} align="flex-start" wrap="nowrap">
                  <TextInput
                    style={{ flex: 2 }}
                    label="Descripción"
                    {...form.getInputProps(`excepciones.${i}.descripcion`)}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    label="Aprobada por"
                    {...form.getInputProps(`excepciones.${i}.aprobadaPor`)}
                  />
                  <CampoFecha
                    style={{ flex: 1 }}
                    label="Vigente hasta"
                    {...form.getInputProps(`excepciones.${i}.vigenteHasta`)}
                  />
                  {puedeEditar && (
                    <ActionIcon
                      mt={26}
                      color="red"
                      variant="subtle"
                      aria-label="Quitar excepción"
                      onClick={() => form.removeListItem('excepciones', i)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {puedeEditar && (
                <Group justify="flex-end">
                  <Button type="submit" loading={actualizar.isPending}>
                    Guardar condiciones
                  </Button>
                </Group>
              )}
            </Stack>
          </Fieldset>
        </Card>
      </form>
    </Stack>
  );
}

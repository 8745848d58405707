import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { hoySantiago } from '@/lib/fecha-negocio';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import type { Compromiso } from '@/components/gestion/api/tipos';
import { useDocumentosAbiertos } from '@/components/gestion/api/use-documentos-abiertos';
import { useTomarCompromiso } from '@/components/gestion/api/use-tomar-compromiso';
import {
  canalesCompromiso,
  cuerpoCompromiso,
  sumarDias,
  totalCuotas,
  validarCompromiso,
  type FormularioCompromiso,
} from '@/components/gestion/cuotas';

/**
 * Takes a payment promise for a client: of documents or of an amount, in one or several installments. A controlled form
 * (no modal of its own) so the client page and "Mi trabajo" can place it where they like; the first field takes the focus
 * and Enter submits.
 */
export function TomarCompromiso({
  clienteId,
  onTomado,
  onCancelar,
}: {
  clienteId: string;
  onTomado?: (c: Compromiso) => void;
  onCancelar?: () => void;
}) {
  const hoy = hoySantiago();
  const documentos = useDocumentosAbiertos(clienteId);
  const tomar = useTomarCompromiso();
  const form = useForm<FormularioCompromiso>({
    initialValues: {
      modo: 'monto',
      documentoIds: [],
      cuotas: [{ fecha: hoy, monto: '' }],
      canal: 'telefono',
      notas: '',
    },
    validate: (v) => validarCompromiso(v, hoy, saldoElegido(v.documentoIds)),
  });
  const lista = documentos.data ?? [];
  function saldoElegido(ids: string[]): number | null {
    const elegidos = lista.filter((d) => ids.includes(d.id));
    if (elegidos.some((d) => d.moneda !== 'CLP')) return null;
    return elegidos.reduce((s, d) => s + Number(d.saldo), 0);
  }
  const v = form.getValues();

  return (
    <form
      aria-label="Tomar compromiso de pago"
      onSubmit={form.onSubmit(async (valores) => {
        try {
          const c = await tomar.mutateAsync(cuerpoCompromiso(clienteId, valores));
          notificarExito('Compromiso registrado.');
          form.reset();
          onTomado?.(c);
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <SegmentedControl
          aria-label="Compromiso de"
          data={[
            { value: 'monto', label: 'Un monto' },
            { value: 'documentos', label: 'Documentos' },
          ]}
          {...form.getInputProps('modo')}
        />
        {v.modo === 'documentos' && (
          <Checkbox.Group label="Documentos" {...form.getInputProps('documentoIds')}>
            <Stack gap={4} mt={4}>
              {lista.length === 0 && (
                <Text size="sm" c="dimmed">
                  {documentos.isPending
                    ? 'Cargando documentos…'
                    : 'El cliente no tiene documentos con saldo.'}
                </Text>
              )}
              {lista.map((d) => (
                <Checkbox
                  key={d.id}
                  value={d.id}
                  label={`${d.tipo} ${d.folio} · vence ${formatearFecha(d.fechaVencimiento)} · saldo ${formatearPesos(d.saldo)}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {form.getValues().cuotas.map((_, i) => (
          <Group key={form.key(`cuotas.${i}`)} align="flex-end" wrap="nowrap">
            <CampoFecha
              label={form.getValues().cuotas.length > 1 ? `Fecha cuota ${i + 1}` : 'Fecha prometida'}
              minDate={hoy}
              data-autofocus={i === 0 ? true : undefined}
              {...form.getInputProps(`cuotas.${i}.fecha`)}
            />
            <NumberInput
              label={form.getValues().cuotas.length > 1 ? `Monto cuota ${i + 1}` : 'Monto'}
              min={1}
              step={1000}
              allowDecimal={false}
              thousandSeparator="."
              decimalSeparator=","
              prefix="$"
              {...form.getInputProps(`cuotas.${i}.monto`)}
            />
            {form.getValues().cuotas.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Quitar cuota ${i + 1}`}
                onClick={() => form.removeListItem('cuotas', i)}
                mb={4}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {form.errors.cuotas && (
          <Text size="sm" c="red">
            {form.errors.cuotas}
          </Text>
        )}
        <Group justify="space-between">
          <Button
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              const cuotas = form.getValues().cuotas;
              const ultima = cuotas[cuotas.length - 1]?.fecha ?? hoy;
              form.insertListItem('cuotas', { fecha: sumarDias(ultima, 30), monto: '' });
            }}
          >
            Agregar cuota
          </Button>
          <Text size="sm">Total: {formatearPesos(totalCuotas(form.getValues().cuotas))}</Text>
        </Group>
        <Select
          label="Canal"
          data={canalesCompromiso}
          allowDeselect={false}
          {...form.getInputProps('canal')}
        />
        <Textarea label="Notas" autosize minRows={2} {...form.getInputProps('notas')} />
        <Group justify="flex-end">
          {onCancelar && (
            <Button variant="default" onClick={onCancelar}>
              Cancelar
            </Button>
          )}
          <Button type="submit" loading={tomar.isPending}>
            Registrar compromiso
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

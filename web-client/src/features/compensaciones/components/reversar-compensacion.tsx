import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { formatearMonto } from '@/lib/cartera';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import type { Compensacion } from '@/features/compensaciones/api/tipos';
import { useReversarCompensacion } from '@/features/compensaciones/api/use-compensaciones';

/** Reverses the whole compensation: the documents owe it again and the credit note gets its balance back. */
export function ReversarCompensacion({ compensacion: c }: { compensacion: Compensacion }) {
  const [abierto, { open, close }] = useDisclosure(false);
  const reversar = useReversarCompensacion(c.id);
  const form = useForm({
    initialValues: { motivo: '', fecha: null as string | null },
    validate: { motivo: (v) => (v.trim() ? null : 'Indique el motivo.') },
  });
  return (
    <>
      <Button variant="light" color="red" onClick={open}>
        Reversar
      </Button>
      <Modal opened={abierto} onClose={close} title="Reversar compensación" centered>
        <form
          aria-label="Reversar compensación"
          onSubmit={form.onSubmit(async (v) => {
            try {
              await reversar.mutateAsync({ motivo: v.motivo.trim(), fecha: v.fecha });
              notificarExito('Compensación reversada.');
              form.reset();
              close();
            } catch (e) {
              mostrarErrorEnFormulario(form, e);
            }
          })}
        >
          <Stack>
            <Text size="sm">
              Se devuelven {formatearMonto(c.monto, c.moneda)} al saldo de los documentos y a la nota de
              crédito.
            </Text>
            <Textarea label="Motivo" autosize minRows={2} data-autofocus {...form.getInputProps('motivo')} />
            <CampoFecha
              label="Fecha de la reversa"
              description="Vacía: hoy."
              clearable
              {...form.getInputProps('fecha')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancelar
              </Button>
              <Button type="submit" color="red" loading={form.submitting}>
                Reversar
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

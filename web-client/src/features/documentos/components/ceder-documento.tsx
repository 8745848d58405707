import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import { useCederDocumento } from '@/features/documentos/api/use-ceder-documento';
import { CampoFecha } from '@/components/ui/campo-fecha';

const campos = ['factor.nombre', 'factor.rut', 'fecha', 'fechaNotificacion', 'notas'];

/** Factoring: cedes the document to a factor (name, RUT, date and debtor notification). */
export function CederDocumento({ id, hoy }: { id: string; hoy: string }) {
  const [abierto, { open, close }] = useDisclosure(false);
  const ceder = useCederDocumento(id);
  const form = useForm({
    initialValues: {
      factor: { nombre: '', rut: '' },
      fecha: hoy as string | null,
      fechaNotificacion: null as string | null,
      notas: '',
    },
    validate: {
      factor: {
        nombre: (v) => (v.trim() ? null : 'Indique el factor.'),
        rut: (v) => (v.trim() ? null : 'Indique el RUT del factor.'),
      },
      fecha: (v) => (v ? null : 'Indique la fecha de cesión.'),
    },
  });
  return (
    <>
      <Button variant="light" onClick={open}>
        Ceder (factoring)
      </Button>
      <Modal opened={abierto} onClose={close} title="Ceder documento (factoring)" centered>
        <form
          onSubmit={form.onSubmit(async (v) => {
            try {
              await ceder.mutateAsync({
                factor: { nombre: v.factor.nombre.trim(), rut: v.factor.rut.trim() },
                fecha: v.fecha ?? '',
                fechaNotificacion: v.fechaNotificacion || null,
                notas: v.notas.trim() || null,
              });
              notificarExito('Documento cedido.');
              form.reset();
              close();
            } catch (e) {
              mostrarErrorEnFormulario(form, e, campos);
            }
          })}
        >
          <Stack>
            <Text size="sm">
              El documento sale de la cobranza propia (antigüedad, exposición y listas de trabajo) y conserva
              su historia.
            </Text>
            <TextInput label="Factor" data-autofocus {...form.getInputProps('factor.nombre')} />
            <TextInput
              label="RUT del factor"
              placeholder="12.345.678-5"
              {...form.getInputProps('factor.rut')}
            />
            <CampoFecha label="Fecha de cesión" {...form.getInputProps('fecha')} />
            <CampoFecha
              label="Notificación al deudor"
              clearable
              {...form.getInputProps('fechaNotificacion')}
            />
            <Textarea label="Notas" autosize minRows={2} {...form.getInputProps('notas')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancelar
              </Button>
              <Button type="submit" loading={form.submitting}>
                Ceder
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

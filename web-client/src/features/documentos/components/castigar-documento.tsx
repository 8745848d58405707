import { IconGavel } from '@tabler/icons-react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import { useCastigarDocumento } from '@/features/documentos/api/use-castigar-documento';
import { CampoFecha } from '@/components/ui/campo-fecha';

/** Write-off: the remaining balance is recorded as castigo and leaves the aging. */
export function CastigarDocumento({ id, hoy, saldo }: { id: string; hoy: string; saldo: string }) {
  const [abierto, { open, close }] = useDisclosure(false);
  const castigar = useCastigarDocumento(id);
  const form = useForm({
    initialValues: { fecha: hoy as string | null, motivo: '' },
    validate: {
      fecha: (v) => (v ? null : 'Indique la fecha del castigo.'),
      motivo: (v) => (v.trim() ? null : 'Indique el motivo.'),
    },
  });
  return (
    <>
      <Button variant="outline" color="red" leftSection={<IconGavel size={16} />} onClick={open}>
        Castigar
      </Button>
      <Modal opened={abierto} onClose={close} title="Castigar documento" centered>
        <form
          onSubmit={form.onSubmit(async (v) => {
            try {
              await castigar.mutateAsync({ fecha: v.fecha ?? '', motivo: v.motivo.trim() });
              notificarExito('Documento castigado.');
              form.reset();
              close();
            } catch (e) {
              mostrarErrorEnFormulario(form, e);
            }
          })}
        >
          <Stack>
            <Text size="sm">
              Se castiga el saldo pendiente ({saldo}); el monto queda registrado y sale de la antigüedad.
            </Text>
            <CampoFecha label="Fecha del castigo" {...form.getInputProps('fecha')} />
            <Textarea label="Motivo" autosize minRows={2} data-autofocus {...form.getInputProps('motivo')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancelar
              </Button>
              <Button type="submit" color="red" loading={form.submitting}>
                Castigar
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

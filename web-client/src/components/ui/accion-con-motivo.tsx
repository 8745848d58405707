import { Button, Group, Modal, Stack, Text, Textarea, type ButtonProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { mostrarErrorEnFormulario } from '@/lib/formulario';

/**
 * A button that asks for a mandatory reason (`motivo`) in a modal before running the action; with `etiquetaFecha`, also
 * for an optional date (empty: the server takes today).
 */
export function AccionConMotivo({
  children,
  titulo,
  mensaje,
  confirmar,
  onConfirm,
  etiquetaFecha,
  ...props
}: ButtonProps & {
  children: ReactNode;
  titulo: string;
  mensaje: ReactNode;
  confirmar: string;
  onConfirm: (motivo: string, fecha: string | null) => Promise<unknown>;
  etiquetaFecha?: string;
}) {
  const [abierto, { open, close }] = useDisclosure(false);
  const form = useForm({
    initialValues: { motivo: '', fecha: null as string | null },
    validate: { motivo: (v) => (v.trim() ? null : 'Indique el motivo.') },
  });
  return (
    <>
      <Button {...props} onClick={open}>
        {children}
      </Button>
      <Modal opened={abierto} onClose={close} title={titulo} centered>
        <form
          onSubmit={form.onSubmit(async (v) => {
            try {
              await onConfirm(v.motivo.trim(), v.fecha);
              form.reset();
              close();
            } catch (e) {
              mostrarErrorEnFormulario(form, e);
            }
          })}
        >
          <Stack>
            <Text size="sm">{mensaje}</Text>
            <Textarea label="Motivo" autosize minRows={2} data-autofocus {...form.getInputProps('motivo')} />
            {etiquetaFecha && (
              <CampoFecha
                label={etiquetaFecha}
                description="Vacía: hoy."
                clearable
                {...form.getInputProps('fecha')}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancelar
              </Button>
              <Button type="submit" color={props.color ?? 'red'} loading={form.submitting}>
                {confirmar}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

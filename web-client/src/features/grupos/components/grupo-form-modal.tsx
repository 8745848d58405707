import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { mostrarErrorEnFormulario, vacioANulo } from '@/lib/formulario';

export interface DatosGrupoForm {
  nombre: string;
  descripcion: string | null;
}

/** Create / rename modal shared by client groups and contact groups. */
export function GrupoFormModal({
  abierto,
  titulo,
  inicial,
  onCerrar,
  onGuardar,
}: {
  abierto: boolean;
  titulo: string;
  inicial?: { nombre: string; descripcion?: string | null };
  onCerrar: () => void;
  onGuardar: (datos: DatosGrupoForm) => Promise<unknown>;
}) {
  return (
    <Modal opened={abierto} onClose={onCerrar} title={titulo}>
      {abierto && <Formulario inicial={inicial} onCerrar={onCerrar} onGuardar={onGuardar} />}
    </Modal>
  );
}

function Formulario({
  inicial,
  onCerrar,
  onGuardar,
}: {
  inicial?: { nombre: string; descripcion?: string | null };
  onCerrar: () => void;
  onGuardar: (datos: DatosGrupoForm) => Promise<unknown>;
}) {
  const form = useForm({
    initialValues: { nombre: inicial?.nombre ?? '', descripcion: inicial?.descripcion ?? '' },
    validate: { nombre: (v) => (v.trim() ? null : 'Ingrese el nombre del grupo.') },
  });
  return (
    <form
      aria-label="Datos del grupo"
      onSubmit={form.onSubmit(async (v) => {
        try {
          await onGuardar({ nombre: v.nombre.trim(), descripcion: vacioANulo(v.descripcion) });
          onCerrar();
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <TextInput label="Nombre" data-autofocus {...form.getInputProps('nombre')} />
        <Textarea label="Descripción" autosize minRows={2} {...form.getInputProps('descripcion')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCerrar}>
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

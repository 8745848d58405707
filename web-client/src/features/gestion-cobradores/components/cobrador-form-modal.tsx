import { Button, Group, Modal, MultiSelect, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Respuesta } from '@/api/types';
import { useEjecutivos } from '@/api/hooks/use-ejecutivos';
import { regionesDeChile } from '@/lib/chile';
import { mostrarErrorEnFormulario, vacioANulo } from '@/lib/formulario';

type Cobrador = Respuesta<'ObtenerCobrador'>;

export interface DatosCobradorForm {
  nombre: string;
  email: string | null;
  telefono: string | null;
  usuarioId: string | null;
  regiones: string[];
  comunas: string[];
}

/** Create / edit a collector: contact data, the platform user it works as, and its zones. */
export function CobradorFormModal({
  abierto,
  inicial,
  onCerrar,
  onGuardar,
}: {
  abierto: boolean;
  inicial?: Cobrador;
  onCerrar: () => void;
  onGuardar: (datos: DatosCobradorForm) => Promise<unknown>;
}) {
  return (
    <Modal
      opened={abierto}
      onClose={onCerrar}
      title={inicial ? 'Editar cobrador' : 'Nuevo cobrador'}
      size="lg"
    >
      {abierto && <Formulario inicial={inicial} onCerrar={onCerrar} onGuardar={onGuardar} />}
    </Modal>
  );
}

function Formulario({
  inicial,
  onCerrar,
  onGuardar,
}: {
  inicial?: Cobrador;
  onCerrar: () => void;
  onGuardar: (datos: DatosCobradorForm) => Promise<unknown>;
}) {
  const usuarios = useEjecutivos();
  const form = useForm({
    initialValues: {
      nombre: inicial?.nombre ?? '',
      email: inicial?.email ?? '',
      telefono: inicial?.telefono ?? '',
      usuarioId: inicial?.usuarioId ?? null,
      regiones: [...(inicial?.regiones ?? [])],
      comunas: [...(inicial?.comunas ?? [])],
    },
    validate: { nombre: (v) => (v.trim() ? null : 'Ingrese el nombre del cobrador.') },
  });
  return (
    <form
      aria-label="Datos del cobrador"
      onSubmit={form.onSubmit(async (v) => {
        try {
          await onGuardar({
            nombre: v.nombre.trim(),
            email: vacioANulo(v.email),
            telefono: vacioANulo(v.telefono),
            usuarioId: v.usuarioId || null,
            regiones: v.regiones,
            comunas: v.comunas,
          });
          onCerrar();
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <TextInput label="Nombre" data-autofocus {...form.getInputProps('nombre')} />
        <Group grow>
          <TextInput label="Correo" type="email" {...form.getInputProps('email')} />
          <TextInput label="Teléfono" {...form.getInputProps('telefono')} />
        </Group>
        <Select
          label="Usuario de la plataforma"
          description="Un usuario con rol Cobrador ve solo los clientes asignados a este cobrador."
          placeholder="Sin usuario"
          clearable
          searchable
          data={(usuarios.data ?? []).map((u) => ({ value: u.id, label: `${u.nombre} (${u.email})` }))}
          {...form.getInputProps('usuarioId')}
        />
        <MultiSelect
          label="Regiones"
          searchable
          clearable
          data={[...new Set([...regionesDeChile, ...form.values.regiones])]}
          {...form.getInputProps('regiones')}
        />
        <TagsInput
          label="Comunas"
          description="Escriba una comuna y presione Enter. La comuna manda sobre la región."
          clearable
          {...form.getInputProps('comunas')}
        />
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

import { Button, Group, Modal, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Respuesta } from '@/api/types';
import { mostrarErrorEnFormulario, vacioANulo } from '@/lib/formulario';

type Cartera = Respuesta<'ObtenerCartera'>;
type Cobrador = Respuesta<'ObtenerCobrador'>;

export interface DatosCarteraForm {
  nombre: string;
  descripcion: string | null;
  cobradorId: string | null;
  prioridad: number;
}

export function CarteraFormModal({
  abierto,
  inicial,
  cobradores,
  onCerrar,
  onGuardar,
}: {
  abierto: boolean;
  inicial?: Cartera;
  cobradores: Cobrador[];
  onCerrar: () => void;
  onGuardar: (datos: DatosCarteraForm) => Promise<unknown>;
}) {
  return (
    <Modal opened={abierto} onClose={onCerrar} title={inicial ? 'Editar cartera' : 'Nueva cartera'}>
      {abierto && (
        <Formulario inicial={inicial} cobradores={cobradores} onCerrar={onCerrar} onGuardar={onGuardar} />
      )}
    </Modal>
  );
}

function Formulario({
  inicial,
  cobradores,
  onCerrar,
  onGuardar,
}: {
  inicial?: Cartera;
  cobradores: Cobrador[];
  onCerrar: () => void;
  onGuardar: (datos: DatosCarteraForm) => Promise<unknown>;
}) {
  const form = useForm({
    initialValues: {
      nombre: inicial?.nombre ?? '',
      descripcion: inicial?.descripcion ?? '',
      cobradorId: inicial?.cobradorId ?? null,
      prioridad: inicial?.prioridad ?? 10,
    },
    validate: { nombre: (v) => (v.trim() ? null : 'Ingrese el nombre de la cartera.') },
  });
  return (
    <form
      aria-label="Datos de la cartera"
      onSubmit={form.onSubmit(async (v) => {
        try {
          await onGuardar({
            nombre: v.nombre.trim(),
            descripcion: vacioANulo(v.descripcion),
            cobradorId: v.cobradorId || null,
            prioridad: Number(v.prioridad) || 0,
          });
          onCerrar();
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <TextInput label="Nombre" data-autofocus {...form.getInputProps('nombre')} />
        <Textarea label="Descripción" autosize minRows={2} {...form.getInputProps('descripcion')} />
        <Select
          label="Cobrador responsable"
          description="Sus clientes quedan con este cobrador (manda sobre segmento y zona)."
          placeholder="Sin cobrador: la cartera solo agrupa"
          clearable
          searchable
          data={cobradores.map((c) => ({ value: c.id, label: c.nombre }))}
          {...form.getInputProps('cobradorId')}
        />
        <NumberInput
          label="Prioridad"
          description="Un cliente en varias carteras toma la de número más bajo."
          min={0}
          max={1000}
          {...form.getInputProps('prioridad')}
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

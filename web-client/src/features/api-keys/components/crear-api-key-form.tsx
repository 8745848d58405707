import { Button, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { useCrearApiKey } from '@/features/api-keys/api/use-crear-api-key';

export function CrearApiKeyForm({
  onCreada,
  onCancelar,
}: {
  onCreada: (clave: string) => void;
  onCancelar: () => void;
}) {
  const crear = useCrearApiKey();
  const form = useForm({
    initialValues: { nombre: '', alcance: 'lectura' },
    validate: { nombre: (v) => (v.trim() ? null : 'Ingrese un nombre que identifique la integración.') },
  });
  return (
    <form
      aria-label="Nueva API key"
      onSubmit={form.onSubmit(async (v) => {
        try {
          const r = await crear.mutateAsync({ nombre: v.nombre.trim(), alcance: v.alcance });
          onCreada(r.clave);
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <TextInput
          label="Nombre"
          placeholder="ERP, BI, …"

          data-autofocus
          {...form.getInputProps('nombre')}
        />
        <Radio.Group label="Alcance" {...form.getInputProps('alcance')}>
          <Stack gap="xs" mt="xs">
            <Radio value="lectura" label="Solo lectura" />
            <Radio value="lectura_escritura" label="Lectura y escritura" />
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancelar}>
            Cancelar
          </Button>
          <Button type="submit" loading={crear.isPending}>
            Crear API key
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { mostrarErrorEnFormulario, vacioANulo } from '@/lib/formulario';
import type { Contacto, DatosContacto } from '@/features/clientes/api/tipos';
import { canales, rolesContacto } from '@/features/clientes/components/contacto-opciones';

export function ContactoForm({
  contacto,
  onGuardar,
  onCancelar,
}: {
  contacto?: Contacto;
  onGuardar: (datos: DatosContacto) => Promise<unknown>;
  onCancelar: () => void;
}) {
  const form = useForm({
    initialValues: {
      nombre: contacto?.nombre ?? '',
      cargo: contacto?.cargo ?? '',
      rol: contacto?.rol ?? 'cobranza',
      email: contacto?.email ?? '',
      telefono: contacto?.telefono ?? '',
      canalPreferido: contacto?.canalPreferido ?? 'email',
      optOutEmail: contacto?.optOutEmail ?? false,
    },
    validate: {
      nombre: (v) => (v.trim() ? null : 'Ingrese el nombre.'),
      email: (v) => (!v.trim() || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'E-mail inválido.'),
    },
  });
  return (
    <form
      aria-label={contacto ? 'Editar contacto' : 'Nuevo contacto'}
      onSubmit={form.onSubmit(async (v) => {
        try {
          await onGuardar({
            nombre: v.nombre.trim(),
            cargo: vacioANulo(v.cargo),
            rol: v.rol,
            email: vacioANulo(v.email),
            telefono: vacioANulo(v.telefono),
            canalPreferido: v.canalPreferido,
            optOutEmail: v.optOutEmail,
          });
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Nombre" data-autofocus {...form.getInputProps('nombre')} />
          <TextInput label="Cargo" {...form.getInputProps('cargo')} />
          <Select label="Rol" data={rolesContacto} allowDeselect={false} {...form.getInputProps('rol')} />
          <Select
            label="Canal preferido"
            data={canales}
            allowDeselect={false}
            {...form.getInputProps('canalPreferido')}
          />
          <TextInput label="E-mail" type="email" {...form.getInputProps('email')} />
          <TextInput label="Teléfono" placeholder="+56 9 1234 5678" {...form.getInputProps('telefono')} />
        </SimpleGrid>
        <Switch
          label="No enviar e-mails a este contacto (opt-out)"
          {...form.getInputProps('optOutEmail', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancelar}>
            Cancelar
          </Button>
          <Button type="submit" loading={form.submitting}>
            Guardar contacto
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import { useInvitarUsuario } from '@/features/usuarios/api/use-invitar-usuario';
import { roles } from '@/features/usuarios/components/roles';

export function InvitarUsuarioForm({ onListo }: { onListo: () => void }) {
  const invitar = useInvitarUsuario();
  const form = useForm({
    initialValues: { email: '', nombre: '', rol: 'Cobrador' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Ingrese un e-mail válido.'),
      nombre: (v) => (v.trim() ? null : 'Ingrese el nombre.'),
      rol: (v) => (v ? null : 'Seleccione el rol.'),
    },
  });
  return (
    <form
      aria-label="Invitar usuario"
      onSubmit={form.onSubmit(async (v) => {
        try {
          const u = await invitar.mutateAsync({ email: v.email.trim(), nombre: v.nombre.trim(), rol: v.rol });
          notificarExito(`Se envió la invitación a ${u.email}.`);
          onListo();
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <TextInput label="E-mail" type="email" data-autofocus {...form.getInputProps('email')} />
        <TextInput label="Nombre" {...form.getInputProps('nombre')} />
        <Select
          label="Rol"
          allowDeselect={false}
          data={roles.map((r) => ({ value: r.value, label: `${r.label} — ${r.descripcion}` }))}
          {...form.getInputProps('rol')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onListo}>
            Cancelar
          </Button>
          <Button type="submit" loading={invitar.isPending}>
            Enviar invitación
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

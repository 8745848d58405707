import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import { useRestablecerClave } from '@/features/auth/api/use-restablecer-clave';
import { errorContrasena } from '@/features/auth/components/politica-contrasena';
import { MarcoPublico } from '@/features/auth/components/marco-publico';

export default function RestablecerRoute() {
  const [params] = useSearchParams();
  const usuario = params.get('usuario') ?? '';
  const token = params.get('token') ?? '';
  const restablecer = useRestablecerClave();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { password: '', confirmacion: '', token: '' },
    validate: {
      password: errorContrasena,
      confirmacion: (v, valores) => (v === valores.password ? null : 'Las contraseñas no coinciden.'),
    },
  });

  if (!usuario || !token) {
    return (
      <MarcoPublico titulo="Restablecer contraseña">
        <Alert color="red">El enlace no es válido: está incompleto. Pida uno nuevo.</Alert>
        <Anchor component={Link} to="/recuperar">
          Pedir un nuevo enlace
        </Anchor>
      </MarcoPublico>
    );
  }

  return (
    <MarcoPublico titulo="Definir una nueva contraseña">
      {form.errors.token && (
        <Alert color="red" role="alert" data-testid="enlace-invalido">
          {form.errors.token}{' '}
          <Anchor component={Link} to="/recuperar">
            Pedir un nuevo enlace
          </Anchor>
        </Alert>
      )}
      <form
        aria-label="Definir una nueva contraseña"
        onSubmit={form.onSubmit(async (v) => {
          try {
            await restablecer.mutateAsync({ usuario, token, password: v.password });
            notificarExito('Su contraseña cambió. Las sesiones abiertas se cerraron; ingrese con la nueva.');
            navigate('/login', { replace: true });
          } catch (e) {
            mostrarErrorEnFormulario(form, e, ['password', 'token']);
          }
        })}
      >
        <Stack>
          <PasswordInput
            label="Nueva contraseña"
            description="Mínimo 8 caracteres, con mayúscula, minúscula y dígito."
            autoComplete="new-password"
            autoFocus
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label="Confirmar contraseña"
            autoComplete="new-password"
            {...form.getInputProps('confirmacion')}
          />
          <Button type="submit" loading={restablecer.isPending}>
            Cambiar contraseña
          </Button>
        </Stack>
      </form>
    </MarcoPublico>
  );
}

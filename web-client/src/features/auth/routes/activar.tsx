import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { mensajeDeError } from '@/api/errors';
import { Cargando } from '@/components/ui/estado-consulta';
import { formatearFechaHora } from '@/lib/formato';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import { useActivarCuenta } from '@/features/auth/api/use-activar-cuenta';
import { useInvitacion } from '@/features/auth/api/use-invitacion';
import { errorContrasena } from '@/features/auth/components/politica-contrasena';
import { MarcoPublico } from '@/features/auth/components/marco-publico';

export default function ActivarRoute() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitacion = useInvitacion(token);
  const activar = useActivarCuenta();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { password: '', confirmacion: '' },
    validate: {
      password: errorContrasena,
      confirmacion: (v, valores) => (v === valores.password ? null : 'Las contraseñas no coinciden.'),
    },
  });

  if (!token) {
    return (
      <MarcoPublico titulo="Activar cuenta">
        <Alert color="red">El enlace de invitación no es válido: falta el token.</Alert>
      </MarcoPublico>
    );
  }
  if (invitacion.isPending) return <Cargando />;
  if (invitacion.isError) {
    return (
      <MarcoPublico titulo="Activar cuenta">
        <Alert color="red" title="Invitación no disponible">
          {mensajeDeError(invitacion.error)} Pida a un administrador que le envíe una nueva invitación.
        </Alert>
        <Anchor component={Link} to="/login">
          Ir a iniciar sesión
        </Anchor>
      </MarcoPublico>
    );
  }
  const inv = invitacion.data;
  return (
    <MarcoPublico titulo="Activar cuenta">
      <Stack gap={4}>
        <Text>
          Hola <b>{inv.nombre}</b>, fue invitado a <b>{inv.empresa}</b>.
        </Text>
        <Text size="sm" c="dimmed" data-testid="invitacion-email">
          Cuenta: {inv.email}
        </Text>
        <Text size="sm" c="dimmed">
          La invitación vence el {formatearFechaHora(inv.expira)}.
        </Text>
      </Stack>
      <form
        aria-label="Definir contraseña"
        onSubmit={form.onSubmit(async (v) => {
          try {
            await activar.mutateAsync({ token, password: v.password });
            notificarExito('Su cuenta está activa. Ya puede iniciar sesión.');
            navigate(`/login?email=${encodeURIComponent(inv.email)}`, { replace: true });
          } catch (e) {
            mostrarErrorEnFormulario(form, e, ['password']);
          }
        })}
      >
        <Stack>
          <PasswordInput
            label="Contraseña"
            description="Mínimo 8 caracteres, con mayúscula, minúscula y dígito."
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label="Confirmar contraseña"
            autoComplete="new-password"
            {...form.getInputProps('confirmacion')}
          />
          <Button type="submit" loading={activar.isPending}>
            Activar cuenta
          </Button>
        </Stack>
      </form>
    </MarcoPublico>
  );
}

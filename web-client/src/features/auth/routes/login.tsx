import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { mensajeDeError } from '@/api/errors';
import { useAuth } from '@/lib/auth-contexto';
import { erroresDeCampos } from '@/lib/errores-formulario';
import { MarcoPublico } from '@/features/auth/components/marco-publico';

function destinoSeguro(volver: string | null): string {
  return volver && volver.startsWith('/') && !volver.startsWith('//') && !volver.startsWith('/login')
    ? volver
    : '/';
}

export default function LoginRoute() {
  const { token, sesion, iniciarSesion } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: params.get('email') ?? '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : 'Ingrese un e-mail válido.'),
      password: (v) => (v ? null : 'Ingrese su contraseña.'),
    },
  });

  if (token && sesion) return <Navigate to={destinoSeguro(params.get('volver'))} replace />;

  return (
    <MarcoPublico titulo="Inicie sesión para continuar">
      <form
        aria-label="Iniciar sesión"
        onSubmit={form.onSubmit(async (v) => {
          setError(null);
          try {
            await iniciarSesion(v.email.trim(), v.password);
            navigate(destinoSeguro(params.get('volver')), { replace: true });
          } catch (e) {
            const { campos } = erroresDeCampos(e, ['email', 'password']);
            if (Object.keys(campos).length) form.setErrors(campos);
            else setError(mensajeDeError(e));
          }
        })}
      >
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="username"
            autoFocus
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Contraseña"
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            Ingresar
          </Button>
          <Group justify="center">
            <Anchor
              component={Link}
              to={`/recuperar${form.values.email.trim() ? `?email=${encodeURIComponent(form.values.email.trim())}` : ''}`}
              size="sm"
            >
              ¿Olvidó su contraseña?
            </Anchor>
          </Group>
        </Stack>
      </form>
    </MarcoPublico>
  );
}

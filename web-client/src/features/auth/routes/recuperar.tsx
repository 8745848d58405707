import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { useRecuperarClave } from '@/features/auth/api/use-recuperar-clave';
import { MarcoPublico } from '@/features/auth/components/marco-publico';

export default function RecuperarRoute() {
  const [params] = useSearchParams();
  const recuperar = useRecuperarClave();
  const [enviado, setEnviado] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: params.get('email') ?? '' },
    validate: { email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : 'Ingrese un e-mail válido.') },
  });

  return (
    <MarcoPublico titulo="Restablecer contraseña">
      {enviado ? (
        <Alert color="teal" title="Revise su correo" role="status" data-testid="recuperar-enviado">
          Si {enviado} corresponde a una cuenta de Cobranzas, le enviamos un enlace para definir una nueva
          contraseña. El enlace vence en una hora y sirve una sola vez.
        </Alert>
      ) : (
        <form
          aria-label="Pedir enlace para restablecer la contraseña"
          onSubmit={form.onSubmit(async (v) => {
            try {
              await recuperar.mutateAsync({ email: v.email.trim() });
              setEnviado(v.email.trim());
            } catch (e) {
              mostrarErrorEnFormulario(form, e, ['email']);
            }
          })}
        >
          <Stack>
            <Text size="sm">
              Ingrese el e-mail de su cuenta y le enviaremos un enlace para definir una nueva contraseña.
            </Text>
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              autoFocus
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={recuperar.isPending} fullWidth>
              Enviar enlace
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm">
        Volver a iniciar sesión
      </Anchor>
    </MarcoPublico>
  );
}

import { Alert, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { validarRut } from '@/lib/rut';
import { useSolicitarAcceso } from '@/features/portal/api/use-solicitar-acceso';
import { MarcoPortal } from '@/features/portal/components/marco-portal';

/** /portal/acceso: a client contact asks for a link by e-mail (no password). */
export default function AccesoPortalRoute() {
  const [params] = useSearchParams();
  const solicitar = useSolicitarAcceso();
  const [mensaje, setMensaje] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: params.get('email') ?? '', empresa: params.get('empresa') ?? '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Ingrese un correo válido.'),
      empresa: (v) => validarRut(v),
    },
  });
  const vencido = params.get('motivo') === 'vencido';

  return (
    <MarcoPortal titulo="Acceso al portal de clientes">
      <Card withBorder radius="md" p="lg" m="sm">
        <Stack>
          <Title order={2} size="h3">
            Ingrese a su estado de cuenta
          </Title>
          {vencido ? (
            <Alert color="yellow" role="status">
              Su sesión terminó o el enlace ya no es válido. Pida un enlace nuevo.
            </Alert>
          ) : null}
          {mensaje ? (
            <Alert color="teal" title="Revise su correo" role="status" data-testid="acceso-enviado">
              {mensaje}
            </Alert>
          ) : (
            <form
              aria-label="Pedir enlace de acceso"
              onSubmit={form.onSubmit(async (v) => {
                try {
                  const r = await solicitar.mutateAsync({ email: v.email.trim(), empresa: v.empresa.trim() });
                  setMensaje(r.mensaje);
                } catch (e) {
                  mostrarErrorEnFormulario(form, e, ['email', 'empresa']);
                }
              })}
            >
              <Stack>
                <Text size="sm">
                  Le enviaremos un enlace de un solo uso al correo que la empresa tiene registrado para usted.
                </Text>
                <TextInput
                  label="Su correo"
                  type="email"
                  autoComplete="email"
                  {...form.getInputProps('email')}
                />
                <TextInput
                  label="RUT de la empresa que le cobra"
                  placeholder="76.123.456-7"
                  {...form.getInputProps('empresa')}
                />
                <Button type="submit" loading={solicitar.isPending} fullWidth size="md">
                  Enviarme el enlace
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Card>
    </MarcoPortal>
  );
}

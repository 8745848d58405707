import { Button, Checkbox, Group, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Respuesta } from '@/api/types';
import { mostrarErrorEnFormulario, vacioANulo } from '@/lib/formulario';
import { errorUrl } from '@/features/integraciones-webhooks/components/url-receptor';

export type TipoEvento = Respuesta<'ListarTiposEventoWebhook'>[number];

export interface ValoresSuscripcion {
  url: string;
  descripcion: string;
  eventos: string[];
  activa: boolean;
}

export interface CuerpoSuscripcion {
  url: string;
  descripcion: string | null;
  eventos: string[];
  activa: boolean;
}

/** The subscription's URL, description, events (a checklist of the catalogue) and active flag. */
export function SuscripcionForm({
  tipos,
  inicial,
  textoEnviar,
  onEnviar,
  onCancelar,
}: {
  tipos: TipoEvento[];
  inicial?: ValoresSuscripcion;
  textoEnviar: string;
  onEnviar: (cuerpo: CuerpoSuscripcion) => Promise<unknown>;
  onCancelar: () => void;
}) {
  const form = useForm<ValoresSuscripcion>({
    initialValues: inicial ?? { url: '', descripcion: '', eventos: [], activa: true },
    validate: {
      url: errorUrl,
      eventos: (v) => (v.length > 0 ? null : 'Elija al menos un evento.'),
    },
  });
  const todos = tipos.map((t) => t.tipo);
  const todosMarcados = form.values.eventos.length === todos.length;
  return (
    <form
      aria-label="Suscripción de webhook"
      onSubmit={form.onSubmit(async (v) => {
        try {
          await onEnviar({
            url: v.url.trim(),
            descripcion: vacioANulo(v.descripcion),
            eventos: v.eventos,
            activa: v.activa,
          });
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <TextInput
          label="URL del receptor"
          placeholder="https://erp.empresa.cl/webhooks/cobranzas"
          data-autofocus
          {...form.getInputProps('url')}
        />
        <TextInput label="Descripción" placeholder="ERP, BI, …" {...form.getInputProps('descripcion')} />
        <Checkbox.Group label="Eventos" {...form.getInputProps('eventos')}>
          <Group justify="flex-end">
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => form.setFieldValue('eventos', todosMarcados ? [] : todos)}
            >
              {todosMarcados ? 'Ninguno' : 'Todos'}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
            {tipos.map((t) => (
              <Checkbox
                key={t.tipo}
                value={t.tipo}
                label={<code>{t.tipo}</code>}
                description={t.descripcion}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Switch label="Activa" {...form.getInputProps('activa', { type: 'checkbox' })} />
        <Text size="xs" c="dimmed">
          Fuera de desarrollo la URL debe ser https y no puede apuntar a direcciones internas.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancelar}>
            Cancelar
          </Button>
          <Button type="submit" loading={form.submitting}>
            {textoEnviar}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

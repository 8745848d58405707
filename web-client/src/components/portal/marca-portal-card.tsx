import { Alert, Box, Button, Card, ColorInput, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { contrastesMarca, esColorHex } from '@/lib/contraste';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import { useGuardarMarcaPortal, useMarcaPortal } from '@/components/portal/api/use-marca-portal';

const razon = (r: number) => `${r.toFixed(1).replace('.', ',')}:1`;

/**
 * The company's colours on the client portal (the logo is the one of its e-mails). Administrators edit them; the
 * preview and the contrast figures tell before saving whether the portal's text stays readable (WCAG AA, 4.5:1).
 */
export function MarcaPortalCard({ editable }: { editable: boolean }) {
  const marca = useMarcaPortal();
  const guardar = useGuardarMarcaPortal();
  const form = useForm({
    initialValues: { colorPrimario: '', colorAcento: '' },
    validate: {
      colorPrimario: (v) => (esColorHex(v) ? null : 'Use un color #rrggbb.'),
      colorAcento: (v) => (esColorHex(v) ? null : 'Use un color #rrggbb.'),
    },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (!marca.data) return;
    setValues({ colorPrimario: marca.data.colorPrimario, colorAcento: marca.data.colorAcento });
    resetDirty({ colorPrimario: marca.data.colorPrimario, colorAcento: marca.data.colorAcento });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [marca.data]);

  if (marca.isPending) return <Cargando />;
  if (marca.isError) return <ErrorConsulta error={marca.error} />;

  const { colorPrimario, colorAcento } = form.values;
  const c = contrastesMarca(colorPrimario, colorAcento);
  const validos = esColorHex(colorPrimario) && esColorHex(colorAcento);

  return (
    <Card withBorder component="section" aria-labelledby="titulo-marca-portal">
      <form
        onSubmit={form.onSubmit(async (v) => {
          try {
            await guardar.mutateAsync({ colorPrimario: v.colorPrimario, colorAcento: v.colorAcento });
            notificarExito('Colores del portal guardados.');
          } catch (e) {
            mostrarErrorEnFormulario(form, e);
          }
        })}
      >
        <Title order={4} id="titulo-marca-portal">
          Portal de clientes
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Colores con que sus clientes ven el portal, junto al logo de sus correos. El color principal va bajo
          texto blanco (encabezado y botones) y el de acento es el fondo de la página: ambos deben tener un
          contraste de al menos 4,5:1 (WCAG AA).
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ColorInput
            label="Color principal"
            format="hex"
            withEyeDropper={false}
            readOnly={!editable}
            description={validos ? `Texto blanco: ${razon(c.sobrePrimario)}` : undefined}
            {...form.getInputProps('colorPrimario')}
          />
          <ColorInput
            label="Color de acento (fondo)"
            format="hex"
            withEyeDropper={false}
            readOnly={!editable}
            description={validos ? `Texto atenuado: ${razon(c.sobreAcento)}` : undefined}
            {...form.getInputProps('colorAcento')}
          />
        </SimpleGrid>
        {validos && (
          <Box
            mt="sm"
            p="sm"
            style={{ background: colorAcento, borderRadius: 8 }}
            aria-label="Vista previa del portal"
          >
            <Box p="xs" style={{ background: colorPrimario, color: '#fff', borderRadius: 6 }}>
              <Text fw={700} c="inherit">
                Encabezado del portal
              </Text>
            </Box>
            <Text size="sm" mt="xs" c="dark">
              Saldo pendiente y documentos.
            </Text>
            <Text size="xs" c="dimmed">
              Texto atenuado sobre el fondo.
            </Text>
          </Box>
        )}
        {validos && !c.cumple && (
          <Alert color="red" mt="sm" title="Contraste insuficiente">
            {c.sobrePrimario < 4.5
              ? `El texto blanco sobre el color principal tiene ${razon(c.sobrePrimario)}: elija un color más oscuro. `
              : ''}
            {c.sobreAcento < 4.5
              ? `El texto sobre el color de acento tiene ${razon(c.sobreAcento)}: elija un color más claro.`
              : ''}
          </Alert>
        )}
        {editable && (
          <Group justify="flex-end" mt="md">
            <Button
              type="submit"
              loading={guardar.isPending}
              disabled={!form.isDirty() || (validos && !c.cumple)}
            >
              Guardar colores
            </Button>
          </Group>
        )}
      </form>
    </Card>
  );
}

import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { useAuth } from '@/lib/auth-contexto';
import { etiquetaTramo } from '@/lib/cartera';
import { aNumero } from '@/lib/formato';
import { mostrarErrorEnFormulario, numeroONulo, vacioANulo } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import {
  useConfiguracionCartera,
  useGuardarConfiguracionCartera,
  type ConfiguracionCartera,
} from '@/features/configuracion-cartera/api/use-configuracion-cartera';
import {
  ajustarPorcentajes,
  leerLimites,
  ordenesImputacion,
  tramosDesdeLimites,
} from '@/features/configuracion-cartera/components/tramos';
import { MarcaPortalCard } from '@/components/portal/marca-portal-card';
import { ConfiguracionCargosMoraCard } from '@/features/configuracion-cartera/components/configuracion-cargos-mora';

interface Valores {
  /** The limits as typed (`30 60 90 120`). */
  limitesTramos: string;
  /** The last valid limits: the buckets the percentages belong to. */
  vigentes: number[];
  ordenImputacion: string;
  porcentajesProvision: (number | string)[];
  cuentaContableConReferencia: string;
  cuentaContableSinReferencia: string;
  concentracionMaxima: number | string;
}

const AYUDA_CUENTAS =
  'Configuración contable: la cuenta contable que se utilizará cuando el documento tenga o no tenga una referencia asociada';

function valoresIniciales(c: ConfiguracionCartera): Valores {
  const limites = c.limitesTramos.map((l) => aNumero(l) ?? 0);
  return {
    limitesTramos: limites.join(' '),
    vigentes: limites,
    ordenImputacion: c.ordenImputacion,
    porcentajesProvision: c.porcentajesProvision.map((p) => aNumero(p) ?? 0),
    cuentaContableConReferencia: c.cuentaContableConReferencia ?? '',
    cuentaContableSinReferencia: c.cuentaContableSinReferencia ?? '',
    concentracionMaxima: aNumero(c.concentracionMaxima) ?? 10,
  };
}

function Formulario({ configuracion, editable }: { configuracion: ConfiguracionCartera; editable: boolean }) {
  const guardar = useGuardarConfiguracionCartera();
  const form = useForm<Valores>({
    initialValues: valoresIniciales(configuracion),
    validate: (v) => {
      const errores: Record<string, string> = {};
      const r = leerLimites(v.limitesTramos);
      if (!r.ok) errores.limitesTramos = r.error;
      v.porcentajesProvision.forEach((p, i) => {
        const n = numeroONulo(p);
        if (n === null || n < 0 || n > 100) errores[`porcentajesProvision.${i}`] = 'Entre 0 y 100.';
      });
      const maxima = numeroONulo(v.concentracionMaxima);
      if (maxima === null || maxima <= 0 || maxima > 100)
        errores.concentracionMaxima = 'Mayor que 0 y hasta 100.';
      return errores;
    },
  });
  const valores = form.getValues();
  const leidos = leerLimites(valores.limitesTramos);
  const tramos = tramosDesdeLimites(valores.vigentes);
  const campos = [
    'limitesTramos',
    'ordenImputacion',
    'porcentajesProvision',
    ...tramos.map((_, i) => `porcentajesProvision.${i}`),
    'cuentaContableConReferencia',
    'cuentaContableSinReferencia',
    'concentracionMaxima',
  ];

  const cambiarLimites = (texto: string) => {
    const r = leerLimites(texto);
    if (r.ok && r.limites.join(' ') !== valores.vigentes.join(' ')) {
      form.setValues({
        limitesTramos: texto,
        vigentes: r.limites,
        porcentajesProvision: ajustarPorcentajes(valores.vigentes, valores.porcentajesProvision, r.limites),
      });
      form.clearFieldError('porcentajesProvision');
    } else form.setFieldValue('limitesTramos', texto);
  };

  return (
    <form
      aria-label="Configuración de cartera"
      onSubmit={form.onSubmit(async (v) => {
        const r = leerLimites(v.limitesTramos);
        if (!r.ok) return;
        try {
          const c = await guardar.mutateAsync({
            limitesTramos: r.limites,
            ordenImputacion: v.ordenImputacion,
            porcentajesProvision: v.porcentajesProvision.map((p) => numeroONulo(p) ?? 0),
            cuentaContableConReferencia: vacioANulo(v.cuentaContableConReferencia),
            cuentaContableSinReferencia: vacioANulo(v.cuentaContableSinReferencia),
            concentracionMaxima: numeroONulo(v.concentracionMaxima),
          });
          form.setValues(valoresIniciales(c));
          form.resetDirty();
          notificarExito('Configuración guardada.');
        } catch (e) {
          mostrarErrorEnFormulario(form, e, campos);
        }
      })}
    >
      <Stack>
        <Card withBorder>
          <Title order={4}>Tramos de antigüedad</Title>
          <Text size="sm" c="dimmed" mb="sm">
            Días de atraso que cierran cada tramo; el primero es siempre «por vencer» y el último reúne lo que
            supera el mayor límite.
          </Text>
          <TextInput
            label="Límites de los tramos (días)"
            description="Números crecientes separados por espacios o comas, por ejemplo 30 60 90 120"
            readOnly={!editable}
            {...form.getInputProps('limitesTramos')}
            onChange={(e) => cambiarLimites(e.currentTarget.value)}
          />
          <Text size="sm" fw={500} mt="sm" mb={4}>
            Vista previa
          </Text>
          {leidos.ok ? (
            <Group gap="xs" data-testid="vista-previa-tramos">
              {tramosDesdeLimites(leidos.limites).map((t) => (
                <Badge key={t.codigo} variant="light" size="lg" tt="none">
                  {etiquetaTramo(t)}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="red" data-testid="vista-previa-tramos">
              {leidos.error}
            </Text>
          )}
        </Card>

        <Card withBorder>
          <Title order={4} mb="sm">
            Orden de imputación automática
          </Title>
          <Radio.Group
            aria-label="Orden de imputación automática"
            description="Cómo se reparten los pagos y las notas de crédito aplicados en forma automática"
            {...form.getInputProps('ordenImputacion')}
          >
            <Stack gap="sm" mt="xs">
              {ordenesImputacion.map((o) => (
                <Radio
                  key={o.value}
                  value={o.value}
                  label={o.label}
                  description={o.descripcion}
                  disabled={!editable}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Card>

        <Card withBorder>
          <Title order={4}>Provisión de incobrables</Title>
          <Text size="sm" c="dimmed" mb="sm">
            Porcentaje del saldo de cada tramo que se provisiona (0 a 100). Siguen a los tramos: al cambiar
            los límites, cada tramo nuevo toma el porcentaje del tramo donde comienza.
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="porcentajes-provision">
            {tramos.map((t, i) => (
              <NumberInput
                key={`${t.codigo}-${i}`}
                label={etiquetaTramo(t)}
                aria-label={`Provisión ${etiquetaTramo(t)}`}
                min={0}
                max={100}
                decimalScale={4}
                decimalSeparator=","
                suffix=" %"
                readOnly={!editable}
                {...form.getInputProps(`porcentajesProvision.${i}`)}
              />
            ))}
          </SimpleGrid>
          {form.errors.porcentajesProvision && (
            <Text size="sm" c="red" mt="xs">
              {form.errors.porcentajesProvision}
            </Text>
          )}
        </Card>

        <Card withBorder>
          <Title order={4}>Cuentas contables</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {AYUDA_CUENTAS}.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Documentos manuales con referencia"
              placeholder="Ej.: 1105-02"
              maxLength={100}
              readOnly={!editable}
              {...form.getInputProps('cuentaContableConReferencia')}
            />
            <TextInput
              label="Documentos manuales sin referencia"
              placeholder="Ej.: 1105-01"
              maxLength={100}
              readOnly={!editable}
              {...form.getInputProps('cuentaContableSinReferencia')}
            />
          </SimpleGrid>
        </Card>

        <Card withBorder>
          <Title order={4}>Concentración máxima</Title>
          <Text size="sm" c="dimmed" mb="sm">
            Porcentaje de la cartera que un solo cliente no debería superar; el reporte de concentración de
            deuda lista a los clientes que lo exceden.
          </Text>
          <NumberInput
            label="Concentración máxima por cliente (%)"
            min={0.0001}
            max={100}
            decimalScale={4}
            decimalSeparator=","
            suffix=" %"
            readOnly={!editable}
            maw={280}
            {...form.getInputProps('concentracionMaxima')}
          />
        </Card>

        {editable && (
          <Group justify="flex-end">
            <Button type="submit" loading={guardar.isPending}>
              Guardar configuración
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

export default function ConfiguracionCarteraRoute() {
  const { tiene } = useAuth();
  const configuracion = useConfiguracionCartera();
  const editable = tiene('administrar');
  return (
    <Pagina
      titulo="Configuración de cartera"
      descripcion="Tramos de antigüedad, orden de imputación, provisión de incobrables, cuentas contables y cargos de mora de la empresa"
      acciones={
        <Button variant="default" component={Link} to="/cartera/provision">
          Ver provisión
        </Button>
      }
    >
      {!editable && (
        <Alert color="blue" icon={<IconInfoCircle />}>
          Solo un administrador puede modificar la configuración.
        </Alert>
      )}
      {configuracion.isPending ? (
        <Cargando />
      ) : configuracion.isError ? (
        <ErrorConsulta error={configuracion.error} reintentar={() => void configuracion.refetch()} />
      ) : (
        <>
          {configuracion.data.porDefecto && (
            <Text size="sm" c="dimmed" data-testid="configuracion-por-defecto">
              La empresa usa los valores por defecto; al guardar quedan como su configuración.
            </Text>
          )}
          <Formulario configuracion={configuracion.data} editable={editable} />
          <ConfiguracionCargosMoraCard editable={editable} />
          <MarcaPortalCard editable={editable} />
        </>
      )}
    </Pagina>
  );
}

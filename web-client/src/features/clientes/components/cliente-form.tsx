import {
  Autocomplete,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { CampoRut } from '@/components/ui/campo-rut';
import { TextoConRut } from '@/components/clientes/texto-con-rut';
import { validarRut } from '@/lib/rut';
import { regionesDeChile } from '@/lib/chile';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import type { Cliente, DatosCliente } from '@/features/clientes/api/tipos';
import {
  aDatosCliente,
  valoresIniciales,
  type ValoresCliente,
} from '@/features/clientes/components/cliente-form-valores';
import { useEjecutivos } from '@/api/hooks/use-ejecutivos';
import { usePoliticasCredito } from '@/api/hooks/use-politicas-credito';

/** Create/edit form of a client; server field errors are shown at their fields. */
export function ClienteForm({
  cliente,
  onGuardar,
  onCancelar,
  textoGuardar = 'Guardar',
}: {
  cliente?: Cliente;
  onGuardar: (datos: DatosCliente) => Promise<unknown>;
  onCancelar?: () => void;
  textoGuardar?: string;
}) {
  const politicas = usePoliticasCredito();
  const ejecutivos = useEjecutivos();
  const form = useForm<ValoresCliente>({
    initialValues: valoresIniciales(cliente),
    validate: {
      rut: validarRut,
      razonSocial: (v) => (v.trim() ? null : 'Ingrese la razón social.'),
      segmento: (v) => (v ? null : 'Seleccione el segmento.'),
    },
  });

  const segmentos = (politicas.data ?? []).map((p) => p.segmento);
  if (form.values.segmento && !segmentos.includes(form.values.segmento)) segmentos.push(form.values.segmento);
  const opcionesEjecutivo = (ejecutivos.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.nombre} (${u.email})`,
  }));

  return (
    <form
      aria-label={cliente ? 'Editar cliente' : 'Nuevo cliente'}
      onSubmit={form.onSubmit(async (v) => {
        try {
          await onGuardar(aDatosCliente(v));
        } catch (e) {
          mostrarErrorEnFormulario(form, e);
        }
      })}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CampoRut
            {...form.getInputProps('rut')}
            error={
              typeof form.errors.rut === 'string' ? (
                <TextoConRut texto={form.errors.rut} enlazar={/ya existe/i.test(form.errors.rut)} />
              ) : (
                form.errors.rut
              )
            }
          />
          <TextInput label="Razón social" {...form.getInputProps('razonSocial')} />
          <TextInput label="Nombre de fantasía" {...form.getInputProps('nombreFantasia')} />
          <TextInput label="Giro" {...form.getInputProps('giro')} />
          <TextInput label="Dirección" {...form.getInputProps('direccion')} />
          <TextInput label="Comuna" {...form.getInputProps('comuna')} />
          <Autocomplete label="Región" data={regionesDeChile} {...form.getInputProps('region')} />
          <NumberInput
            label="Latitud"
            description="Para el mapa de rutas; vacío usa el centro de la comuna"
            decimalScale={6}
            min={-90}
            max={90}
            {...form.getInputProps('latitud')}
          />
          <NumberInput
            label="Longitud"
            decimalScale={6}
            min={-180}
            max={180}
            {...form.getInputProps('longitud')}
          />
          <Select
            label="Segmento"

            data={segmentos}
            placeholder={politicas.isPending ? 'Cargando…' : 'Seleccione'}
            {...form.getInputProps('segmento')}
          />
          <Select
            label="Ejecutivo"
            data={opcionesEjecutivo}
            searchable
            clearable
            placeholder="Sin ejecutivo asignado"
            {...form.getInputProps('ejecutivoId')}
            onChange={(v) => form.setFieldValue('ejecutivoId', v ?? '')}
          />
          <Select
            label="Consumidor (Ley 21.320)"
            description="Un consumidor tiene límites legales de contacto de cobranza"
            data={[
              { value: 'rut', label: 'Según el RUT (persona natural)' },
              { value: 'si', label: 'Sí, es consumidor' },
              { value: 'no', label: 'No, es empresa' },
            ]}
            allowDeselect={false}
            {...form.getInputProps('consumidor')}
          />
          <Switch
            label="Cuenta clave"
            mt={{ sm: 'xl' }}
            {...form.getInputProps('cuentaClave', { type: 'checkbox' })}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          {onCancelar && (
            <Button variant="default" onClick={onCancelar}>
              Cancelar
            </Button>
          )}
          <Button type="submit" loading={form.submitting}>
            {textoGuardar}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { mostrarErrorEnFormulario } from '@/lib/formulario';
import { notificarExito } from '@/lib/notificar';
import {
  useConfiguracionContable,
  useGuardarConfiguracionContable,
  type ConfiguracionContable,
} from '@/features/integraciones-contabilidad/api/use-configuracion-contable';
import {
  claveRepetida,
  errorCuenta,
  filasCanales,
  filasParaGuardar,
  type FilaCuenta,
} from '@/features/integraciones-contabilidad/components/cuentas';

interface Valores {
  cuentaClientes: string;
  cuentaBanco: string;
  cuentaGastoIncobrables: string;
  cuentaProvisionIncobrables: string;
  castigoContraProvision: boolean;
  cuentaGastoProtesto: string;
  cuentasCanal: FilaCuenta[];
  cuentasDeposito: FilaCuenta[];
}

const conceptos: { campo: keyof Valores; etiqueta: string; descripcion: string }[] = [
  {
    campo: 'cuentaClientes',
    etiqueta: 'Clientes',
    descripcion: 'Deudores por venta: el haber de cada pago y castigo',
  },
  {
    campo: 'cuentaBanco',
    etiqueta: 'Banco',
    descripcion: 'El debe de un pago cuando su canal o cuenta de depósito no tiene otra',
  },
  {
    campo: 'cuentaGastoIncobrables',
    etiqueta: 'Gasto por incobrables',
    descripcion: 'El debe de un castigo',
  },
  {
    campo: 'cuentaProvisionIncobrables',
    etiqueta: 'Provisión de incobrables',
    descripcion: 'El debe de un castigo contra provisión',
  },
  { campo: 'cuentaGastoProtesto', etiqueta: 'Gasto por protesto', descripcion: 'El costo de un protesto' },
];

function valoresIniciales(c: ConfiguracionContable): Valores {
  return {
    cuentaClientes: c.cuentaClientes,
    cuentaBanco: c.cuentaBanco,
    cuentaGastoIncobrables: c.cuentaGastoIncobrables,
    cuentaProvisionIncobrables: c.cuentaProvisionIncobrables,
    castigoContraProvision: c.castigoContraProvision,
    cuentaGastoProtesto: c.cuentaGastoProtesto,
    cuentasCanal: filasCanales([...c.canales], [...c.cuentasCanal]),
    cuentasDeposito: c.cuentasDeposito.map((d) => ({ clave: d.clave, cuenta: d.cuenta })),
  };
}

function Formulario({ configuracion }: { configuracion: ConfiguracionContable }) {
  const guardar = useGuardarConfiguracionContable();
  const form = useForm<Valores>({
    initialValues: valoresIniciales(configuracion),
    validate: (v) => {
      const errores: Record<string, string> = {};
      for (const c of conceptos) {
        const e = errorCuenta(String(v[c.campo]));
        if (e) errores[c.campo] = e;
      }
      v.cuentasCanal.forEach((f, i) => {
        const e = f.cuenta.trim() === '' ? null : errorCuenta(f.cuenta);
        if (e) errores[`cuentasCanal.${i}.cuenta`] = e;
      });
      v.cuentasDeposito.forEach((f, i) => {
        if (f.clave.trim() === '' && f.cuenta.trim() === '') return;
        if (f.clave.trim() === '') errores[`cuentasDeposito.${i}.clave`] = 'Indique la cuenta de depósito.';
        const e = errorCuenta(f.cuenta);
        if (e) errores[`cuentasDeposito.${i}.cuenta`] = e;
      });
      const repetida = claveRepetida(v.cuentasDeposito);
      if (repetida) errores.cuentasDeposito = `«${repetida}» aparece dos veces.`;
      return errores;
    },
  });
  const valores = form.getValues();

  return (
    <form
      aria-label="Configuración contable"
      onSubmit={form.onSubmit(async (v) => {
        try {
          const c = await guardar.mutateAsync({
            cuentaClientes: v.cuentaClientes.trim(),
            cuentaBanco: v.cuentaBanco.trim(),
            cuentaGastoIncobrables: v.cuentaGastoIncobrables.trim(),
            cuentaProvisionIncobrables: v.cuentaProvisionIncobrables.trim(),
            castigoContraProvision: v.castigoContraProvision,
            cuentaGastoProtesto: v.cuentaGastoProtesto.trim(),
            cuentasCanal: filasParaGuardar(v.cuentasCanal),
            cuentasDeposito: filasParaGuardar(v.cuentasDeposito),
          });
          form.setValues(valoresIniciales(c));
          form.resetDirty();
          notificarExito('Configuración contable guardada.');
        } catch (e) {
          mostrarErrorEnFormulario(form, e, [
            ...conceptos.map((c) => c.campo),
            'cuentasCanal',
            'cuentasDeposito',
          ]);
        }
      })}
    >
      <Stack>
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            Cuentas por concepto
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {conceptos.map((c) => (
              <TextInput
                key={c.campo}
                label={c.etiqueta}
                description={c.descripcion}
                {...form.getInputProps(c.campo)}
              />
            ))}
          </SimpleGrid>
          <Checkbox
            mt="md"
            label="Castigar contra la provisión (en vez de llevar el castigo a gasto)"
            {...form.getInputProps('castigoContraProvision', { type: 'checkbox' })}
          />
        </Card>

        <Card withBorder>
          <Title order={2} size="h4">
            Cuenta por canal de pago
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Dónde queda el dinero de un pago recibido por cada canal; vacío usa la cuenta Banco.
          </Text>
          <Table aria-label="Cuentas por canal">
            <Table.Tbody>
              {valores.cuentasCanal.map((f, i) => (
                <Table.Tr key={f.clave}>
                  <Table.Td w="40%">{f.clave}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Cuenta del canal ${f.clave}`}
                      placeholder="Banco"
                      {...form.getInputProps(`cuentasCanal.${i}.cuenta`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>

        <Card withBorder>
          <Title order={2} size="h4">
            Cuenta por cuenta de depósito
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Los cheques depositados pasan a la cuenta contable de su cuenta de depósito (tal como se indicó al
            depositar); las que no estén aquí usan la cuenta Banco.
          </Text>
          {form.errors.cuentasDeposito && (
            <Text size="sm" c="red" mb="xs">
              {form.errors.cuentasDeposito}
            </Text>
          )}
          <Table aria-label="Cuentas por cuenta de depósito">
            <Table.Tbody>
              {valores.cuentasDeposito.map((_, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <TextInput
                      aria-label={`Cuenta de depósito ${i + 1}`}
                      placeholder="Banco Estado 123456"
                      {...form.getInputProps(`cuentasDeposito.${i}.clave`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Cuenta contable ${i + 1}`}
                      placeholder="1.1.02.01"
                      {...form.getInputProps(`cuentasDeposito.${i}.cuenta`)}
                    />
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Quitar fila ${i + 1}`}
                      onClick={() => form.removeListItem('cuentasDeposito', i)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group mt="sm">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => form.insertListItem('cuentasDeposito', { clave: '', cuenta: '' })}
            >
              Agregar cuenta de depósito
            </Button>
          </Group>
        </Card>

        <Group justify="flex-end">
          <Button type="submit" loading={guardar.isPending}>
            Guardar
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function ConfiguracionContableRoute() {
  const configuracion = useConfiguracionContable();
  return (
    <Pagina
      titulo="Configuración contable"
      descripcion="Cuentas que usan los asientos de la exportación contable; los asientos ya generados conservan las suyas"
      acciones={
        <Button variant="default" component={Link} to="/integraciones/contabilidad">
          Exportación contable
        </Button>
      }
    >
      {configuracion.isPending ? (
        <Cargando />
      ) : configuracion.isError ? (
        <ErrorConsulta error={configuracion.error} reintentar={() => void configuracion.refetch()} />
      ) : (
        <>
          {configuracion.data.porDefecto && (
            <Text size="sm" c="dimmed">
              La empresa usa las cuentas por defecto; al guardar quedan como su configuración.
            </Text>
          )}
          <Formulario configuracion={configuracion.data} />
        </>
      )}
    </Pagina>
  );
}

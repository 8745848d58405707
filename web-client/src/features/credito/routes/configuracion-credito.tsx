import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { usePermiso } from '@/lib/auth-contexto';
import { aNumero } from '@/lib/formato';
import { numeroONulo } from '@/lib/formulario';
import { notificarError, notificarExito } from '@/lib/notificar';
import {
  type ConfiguracionAprobacion,
  useGuardarNivelesAprobacion,
  useNivelesAprobacion,
} from '@/features/credito/api/use-niveles-aprobacion';
import {
  useGuardarPonderacionesScore,
  usePonderacionesScore,
} from '@/features/credito/api/use-ponderaciones-score';
import { ImportarInformes } from '@/features/credito/components/importar-informes';
import { errorNiveles, type NivelEditable } from '@/features/credito/components/niveles';
import { SegurosCredito } from '@/features/credito/components/seguros-credito';

const TIPOS: Record<string, string> = { credito: 'Líneas de crédito', convenio: 'Convenios' };
const ROLES = ['Cobrador', 'Supervisor', 'Administrador'];

/** Company settings of credit: approval levels by amount in UF (per kind) and the internal score's weights. */
export default function ConfiguracionCreditoRoute() {
  const niveles = useNivelesAprobacion();
  return (
    <Pagina
      titulo="Niveles de aprobación y score"
      descripcion="Quién aprueba según el monto en UF, y cuánto pesa cada factor del score interno"
    >
      {niveles.isPending ? (
        <Cargando />
      ) : niveles.isError ? (
        <ErrorConsulta error={niveles.error} reintentar={() => void niveles.refetch()} />
      ) : (
        <Tabs defaultValue="credito">
          <Tabs.List mb="md">
            {niveles.data.map((c) => (
              <Tabs.Tab key={c.tipo} value={c.tipo}>
                {TIPOS[c.tipo] ?? c.tipo}
              </Tabs.Tab>
            ))}
            <Tabs.Tab value="score">Score interno</Tabs.Tab>
            <Tabs.Tab value="seguros">Seguros de crédito</Tabs.Tab>
            <Tabs.Tab value="informes">Informes comerciales</Tabs.Tab>
          </Tabs.List>
          {niveles.data.map((c) => (
            <Tabs.Panel key={c.tipo} value={c.tipo}>
              <EditorNiveles key={JSON.stringify(c)} configuracion={c} />
            </Tabs.Panel>
          ))}
          <Tabs.Panel value="score">
            <Ponderaciones />
          </Tabs.Panel>
          <Tabs.Panel value="seguros">
            <SegurosCredito />
          </Tabs.Panel>
          <Tabs.Panel value="informes">
            <ImportarInformes />
          </Tabs.Panel>
        </Tabs>
      )}
    </Pagina>
  );
}

function EditorNiveles({ configuracion }: { configuracion: ConfiguracionAprobacion }) {
  const guardar = useGuardarNivelesAprobacion();
  const puedeAdministrar = usePermiso('administrar');
  const [niveles, setNiveles] = useState<NivelEditable[]>(
    configuracion.niveles.map((n) => ({
      nombre: n.nombre,
      hastaUf: aNumero(n.hastaUf),
      rolMinimo: n.rolMinimo,
      aprobadoresRequeridos: n.aprobadoresRequeridos,
    })),
  );
  const error = errorNiveles(niveles);
  const cambiar = (i: number, cambio: Partial<NivelEditable>) =>
    setNiveles((ns) => ns.map((n, j) => (j === i ? { ...n, ...cambio } : n)));

  return (
    <Card withBorder>
      <Stack>
        {configuracion.porDefecto && (
          <Text size="sm" c="dimmed">
            La empresa usa los niveles del producto; al guardar quedan los suyos.
          </Text>
        )}
        <Table aria-label={`Niveles de ${TIPOS[configuracion.tipo] ?? configuracion.tipo}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Nivel</Table.Th>
              <Table.Th>Hasta (UF, incluido)</Table.Th>
              <Table.Th>Rol mínimo</Table.Th>
              <Table.Th>Aprobadores distintos</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {niveles.map((n, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={`Nombre del nivel ${i + 1}`}
                    value={n.nombre}
                    disabled={!puedeAdministrar}
                    onChange={(e) => cambiar(i, { nombre: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Tope en UF del nivel ${i + 1}`}
                    placeholder="Sin tope"
                    min={0}
                    decimalScale={4}
                    thousandSeparator="."
                    decimalSeparator=","
                    value={n.hastaUf ?? ''}
                    disabled={!puedeAdministrar}
                    onChange={(v) => cambiar(i, { hastaUf: numeroONulo(v) })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Rol mínimo del nivel ${i + 1}`}
                    data={ROLES}
                    allowDeselect={false}
                    value={n.rolMinimo}
                    disabled={!puedeAdministrar}
                    onChange={(v) => cambiar(i, { rolMinimo: v ?? 'Supervisor' })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Aprobadores del nivel ${i + 1}`}
                    min={1}
                    max={10}
                    allowDecimal={false}
                    value={n.aprobadoresRequeridos}
                    disabled={!puedeAdministrar}
                    onChange={(v) => cambiar(i, { aprobadoresRequeridos: numeroONulo(v) ?? 1 })}
                  />
                </Table.Td>
                <Table.Td>
                  {puedeAdministrar && niveles.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Quitar el nivel ${i + 1}`}
                      onClick={() => setNiveles((ns) => ns.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {error && <Alert color="orange">{error}</Alert>}
        {puedeAdministrar && (
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                setNiveles((ns) => [
                  ...ns.slice(0, -1),
                  { nombre: '', hastaUf: null, rolMinimo: 'Supervisor', aprobadoresRequeridos: 1 },
                  ...ns.slice(-1),
                ])
              }
            >
              Agregar nivel
            </Button>
            <Button
              disabled={error !== null}
              loading={guardar.isPending}
              onClick={() =>
                void guardar
                  .mutateAsync({ tipo: configuracion.tipo, niveles })
                  .then(() =>
                    notificarExito(
                      'Niveles guardados; rigen para las aprobaciones que se abran desde ahora.',
                    ),
                  )
                  .catch((e: unknown) => notificarError(e, 'No se guardaron los niveles'))
              }
            >
              Guardar niveles
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

const FACTORES = [
  { clave: 'diasPago', nombre: 'Días de pago en la empresa' },
  { clave: 'protestos', nombre: 'Protestos en la empresa' },
  { clave: 'compromisosRotos', nombre: 'Compromisos incumplidos' },
  { clave: 'bureau', nombre: 'Informe comercial (bureau)' },
  { clave: 'antiguedad', nombre: 'Antigüedad de la relación' },
  { clave: 'exposicion', nombre: 'Exposición frente a la línea' },
] as const;

type Pesos = Record<(typeof FACTORES)[number]['clave'], number>;

function Ponderaciones() {
  const actuales = usePonderacionesScore();
  if (actuales.isPending) return <Cargando />;
  if (actuales.isError) return <ErrorConsulta error={actuales.error} />;
  return <EditorPonderaciones key={JSON.stringify(actuales.data)} inicial={actuales.data} />;
}

function EditorPonderaciones({ inicial }: { inicial: Pesos }) {
  const guardar = useGuardarPonderacionesScore();
  const puedeAdministrar = usePermiso('administrar');
  const [pesos, setPesos] = useState<Pesos>(inicial);
  const suma = FACTORES.reduce((s, f) => s + pesos[f.clave], 0);
  return (
    <Card withBorder>
      <Stack>
        <Title order={5}>Ponderación de cada factor (%)</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {FACTORES.map((f) => (
            <NumberInput
              key={f.clave}
              label={f.nombre}
              min={0}
              max={100}
              allowDecimal={false}
              suffix=" %"
              value={pesos[f.clave]}
              disabled={!puedeAdministrar}
              onChange={(v) => setPesos((p) => ({ ...p, [f.clave]: numeroONulo(v) ?? 0 }))}
            />
          ))}
        </SimpleGrid>
        <Text c={suma === 100 ? 'dimmed' : 'red'}>Suma: {suma} % (debe ser 100 %)</Text>
        {puedeAdministrar && (
          <Group justify="flex-end">
            <Button
              disabled={suma !== 100}
              loading={guardar.isPending}
              onClick={() =>
                void guardar
                  .mutateAsync(pesos)
                  .then(() => notificarExito('Ponderaciones guardadas.'))
                  .catch((e: unknown) => notificarError(e, 'No se guardaron las ponderaciones'))
              }
            >
              Guardar ponderaciones
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

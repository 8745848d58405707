import {
  Alert,
  Button,
  Card,
  Grid,
  Group,
  NavLink,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { mensajeDeError } from '@/api/errors';
import type { Elemento, Respuesta } from '@/api/types';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { usePermiso } from '@/lib/auth-contexto';
import { erroresDeCampos } from '@/lib/errores-formulario';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useEliminarGuion } from '@/features/gestion-actividades/api/use-eliminar-guion';
import { useGuardarGuion } from '@/features/gestion-actividades/api/use-guardar-guion';
import { useGuiones } from '@/features/gestion-actividades/api/use-guiones';
import { useVistaGuion } from '@/features/gestion-actividades/api/use-vista-guion';

type Guion = Elemento<Respuesta<'ListarGuiones'>>;

const etapas = [
  { value: 'preventiva', label: 'Preventiva' },
  { value: 'administrativa', label: 'Administrativa' },
  { value: 'prejudicial', label: 'Prejudicial' },
  { value: 'judicial', label: 'Judicial' },
];

const ayuda =
  'Variables: {{ cliente.nombre }}, {{ cliente.rut }}, {{ deuda.total }}, {{ deuda.vencida }}, {{ deuda.vencimiento_mas_antiguo }}, {{ cobrador.nombre }}, {{ cobrador.telefono }}';

const nuevo = {
  nombre: '',
  etapa: 'administrativa',
  plantilla: 'Buenos días, ¿hablo con {{ cliente.nombre }}?\n',
  activo: true,
};

export default function GuionesRoute() {
  const puedeEditar = usePermiso('supervisar');
  const guiones = useGuiones();
  const guardar = useGuardarGuion();
  const eliminar = useEliminarGuion();
  const vista = useVistaGuion();
  const [seleccionado, setSeleccionado] = useState<Guion | null>(null);
  const [valores, setValores] = useState(nuevo);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [clienteId, setClienteId] = useState<string | null>(null);

  const elegir = (g: Guion | null) => {
    setSeleccionado(g);
    setValores(g ? { nombre: g.nombre, etapa: g.etapa, plantilla: g.plantilla, activo: g.activo } : nuevo);
    setErrores({});
    vista.reset();
  };

  const onGuardar = async () => {
    try {
      const g = await guardar.mutateAsync({ id: seleccionado?.id, body: valores });
      setSeleccionado(g);
      setErrores({});
      notificarExito('Guion guardado.');
    } catch (e) {
      const { campos, otros } = erroresDeCampos(e, ['nombre', 'etapa', 'plantilla']);
      setErrores(otros.length ? { ...campos, general: otros.join(' ') } : campos);
      if (!Object.keys(campos).length && !otros.length) notificarError(e);
    }
  };

  return (
    <Pagina
      titulo="Guiones"
      descripcion="Guiones de llamada por etapa de cobranza, con los datos de cada cliente"
    >
      {guiones.isPending ? (
        <Cargando />
      ) : guiones.isError ? (
        <ErrorConsulta error={guiones.error} />
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Card withBorder p="xs">
              {puedeEditar && (
                <Button
                  variant="light"
                  fullWidth
                  leftSection={<IconPlus size={16} />}
                  onClick={() => elegir(null)}
                  mb="xs"
                >
                  Nuevo guion
                </Button>
              )}
              {guiones.data.map((g) => (
                <NavLink
                  key={g.id}
                  label={g.nombre}
                  description={etapas.find((e) => e.value === g.etapa)?.label ?? g.etapa}
                  active={seleccionado?.id === g.id}
                  onClick={() => elegir(g)}
                />
              ))}
              {guiones.data.length === 0 && (
                <Text size="sm" c="dimmed">
                  Sin guiones todavía.
                </Text>
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card withBorder>
              <Stack>
                <TextInput
                  label="Nombre"
                  required
                  value={valores.nombre}
                  onChange={(e) => setValores({ ...valores, nombre: e.currentTarget.value })}
                  error={errores.nombre}
                  readOnly={!puedeEditar}
                />
                <Select
                  label="Etapa"
                  data={etapas}
                  allowDeselect={false}
                  value={valores.etapa}
                  onChange={(v) => setValores({ ...valores, etapa: v ?? 'administrativa' })}
                  error={errores.etapa}
                  readOnly={!puedeEditar}
                />
                <Textarea
                  label="Plantilla"
                  description={ayuda}
                  autosize
                  minRows={10}
                  styles={{ input: { fontFamily: 'monospace' } }}
                  value={valores.plantilla}
                  onChange={(e) => setValores({ ...valores, plantilla: e.currentTarget.value })}
                  error={errores.plantilla}
                  readOnly={!puedeEditar}
                />
                <Switch
                  label="Activo"
                  checked={valores.activo}
                  onChange={(e) => setValores({ ...valores, activo: e.currentTarget.checked })}
                  disabled={!puedeEditar}
                />
                {errores.general && <Alert color="red">{errores.general}</Alert>}
                {puedeEditar && (
                  <Group justify="space-between">
                    {seleccionado ? (
                      <Button
                        variant="subtle"
                        color="red"
                        leftSection={<IconTrash size={16} />}
                        onClick={() =>
                          eliminar.mutate(seleccionado.id, {
                            onSuccess: () => {
                              notificarExito('Guion eliminado.');
                              elegir(null);
                            },
                            onError: (e) => notificarError(e),
                          })
                        }
                      >
                        Eliminar
                      </Button>
                    ) : (
                      <span />
                    )}
                    <Button onClick={() => void onGuardar()} loading={guardar.isPending}>
                      Guardar
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Card withBorder>
              <Stack>
                <Text fw={500}>Vista previa</Text>
                <SelectorCliente label="Cliente" value={clienteId} onChange={setClienteId} />
                <Button
                  variant="light"
                  disabled={!seleccionado || !clienteId}
                  loading={vista.isPending}
                  onClick={() =>
                    seleccionado && clienteId && vista.mutate({ id: seleccionado.id, clienteId })
                  }
                >
                  Ver con este cliente
                </Button>
                {!seleccionado && (
                  <Text size="xs" c="dimmed">
                    Guarde el guion para verlo con los datos de un cliente.
                  </Text>
                )}
                {vista.isError && <Alert color="red">{mensajeDeError(vista.error)}</Alert>}
                {vista.data && (
                  <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="vista-guion">
                    {vista.data.texto}
                  </Text>
                )}
              </Stack>
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </Pagina>
  );
}

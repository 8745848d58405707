import {
  Alert,
  Box,
  Button,
  Card,
  Checkbox,
  FileButton,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '@/api/errors';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { useConteoDestinatarios } from '@/features/notificaciones-definiciones/api/use-conteo-destinatarios';
import { useGuardarDefinicion } from '@/features/notificaciones-definiciones/api/use-definiciones';
import { useEnviarPrueba } from '@/features/notificaciones-definiciones/api/use-enviar-prueba';
import { useEtiquetasCorreo } from '@/features/notificaciones-definiciones/api/use-etiquetas-correo';
import { useOpcionesDestinatarios } from '@/features/notificaciones-definiciones/api/use-opciones-destinatarios';
import { useSubirLogo } from '@/features/notificaciones-definiciones/api/use-subir-logo';
import { useVistaPreviaBorrador } from '@/features/notificaciones-definiciones/api/use-vista-previa';
import {
  cuerpoDefinicion,
  describirProgramacion,
  diasSemana,
  filtroDestinatarios,
  insertarEtiqueta,
  rolesContacto,
  textoConteo,
  tiposDefinicion,
  type FormularioDefinicion,
  type Frecuencia,
  type TipoDefinicion,
} from '@/features/notificaciones-definiciones/components/editor-logica';
import { erroresDeCampos, sinRegla } from '@/lib/errores-formulario';
import { etapasCobranza } from '@/lib/etapas-cobranza';
import { notificarError, notificarExito } from '@/lib/notificar';

/** Mantine's dimmed description is below the WCAG AA contrast on white. */
const descripcionLegible = { description: { color: 'var(--mantine-color-gray-7)' } };

/** Field errors of the API by the form's field name (`cuerpo.destinatarios.rolesContacto` → `rolesContacto`). */
function erroresPorCampo(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const r: Record<string, string> = {};
  for (const [clave, mensajes] of Object.entries(error.errores)) {
    const campo = clave.split('.').pop() ?? clave;
    r[campo.charAt(0).toLowerCase() + campo.slice(1)] = mensajes.map(sinRegla).join(' ');
  }
  return r;
}

export function EditorDefinicion({
  id,
  inicial,
  tieneLogo,
}: {
  id?: string;
  inicial: FormularioDefinicion;
  tieneLogo?: boolean;
}) {
  const navigate = useNavigate();
  const [f, setF] = useState(inicial);
  const [clienteId, setClienteId] = useState<string | null>(null);
  const [errores, setErrores] = useState<Record<string, string>>({});
  const plantillaRef = useRef<HTMLTextAreaElement>(null);
  const etiquetas = useEtiquetasCorreo();
  const opciones = useOpcionesDestinatarios();
  const guardar = useGuardarDefinicion();
  const prueba = useEnviarPrueba();
  const logo = useSubirLogo();
  const cambiar = <K extends keyof FormularioDefinicion>(campo: K, valor: FormularioDefinicion[K]) =>
    setF((x) => ({ ...x, [campo]: valor }));

  const cuerpo = useMemo(() => cuerpoDefinicion(f), [f]);
  const [cuerpoRetardado] = useDebouncedValue(cuerpo, 500);
  const vista = useVistaPreviaBorrador(cuerpoRetardado, clienteId);
  const erroresVista = vista.error ? erroresPorCampo(vista.error) : {};
  const filtro = useMemo(() => filtroDestinatarios(f), [f]);
  const [filtroRetardado] = useDebouncedValue(filtro, 500);
  const conteo = useConteoDestinatarios(
    f.tipo,
    filtroRetardado,
    f.tipo === 'recordatorio_preventivo' ? f.diasAntes : null,
  );

  const insertar = (etiqueta: string) => {
    const area = plantillaRef.current;
    const r = insertarEtiqueta(f.plantilla, area?.selectionStart, area?.selectionEnd, etiqueta);
    cambiar('plantilla', r.texto);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(r.cursor, r.cursor);
    });
  };

  const enviar = () =>
    guardar
      .mutateAsync({ id, datos: cuerpo })
      .then((d) => {
        notificarExito(id ? 'Definición guardada.' : 'Definición creada.');
        setErrores({});
        if (!id) void navigate(`/notificaciones/definiciones/${d.id}`, { replace: true });
      })
      .catch((e: unknown) => {
        const porCampo = erroresPorCampo(e);
        setErrores(porCampo);
        if (Object.keys(porCampo).length === 0 || erroresDeCampos(e, []).otros.length === 0)
          notificarError(e);
      });

  const error = (campo: string) => errores[campo] ?? erroresVista[campo];

  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <form
          aria-label="Definición de notificación"
          onSubmit={(ev) => {
            ev.preventDefault();
            void enviar();
          }}
        >
          <Stack>
            <Card withBorder>
              <Stack>
                <Title order={2} size="h4">
                  Encabezado
                </Title>
                <Select
                  label="Tipo"
                  data={tiposDefinicion}
                  value={f.tipo}
                  allowDeselect={false}
                  error={error('tipo')}
                  onChange={(v) => cambiar('tipo', (v ?? 'documentos_vencidos') as TipoDefinicion)}
                />
                <TextInput
                  label="Asunto"
                  required
                  value={f.asunto}
                  error={error('asunto')}
                  onChange={(e) => cambiar('asunto', e.currentTarget.value)}
                />
                <TextInput
                  label="Descripción"
                  value={f.descripcion}
                  error={error('descripcion')}
                  onChange={(e) => cambiar('descripcion', e.currentTarget.value)}
                />
                <Switch
                  label="Incluir datos bancarios"
                  checked={f.incluirCuentas}
                  onChange={(e) => cambiar('incluirCuentas', e.currentTarget.checked)}
                />
                {f.incluirCuentas && (
                  <MultiSelect
                    label="Cuentas a mostrar"
                    description="Sin elegir: todas las activas, la por defecto primero."
                    styles={descripcionLegible}
                    data={opciones.data?.cuentas ?? []}
                    value={f.cuentaIds}
                    error={error('cuentaIds')}
                    onChange={(v) => cambiar('cuentaIds', v)}
                  />
                )}
              </Stack>
            </Card>

            {f.tipo !== 'politica' && (
              <Card withBorder>
                <Stack>
                  <Title order={2} size="h4">
                    Programación
                  </Title>
                  <Group grow align="flex-start">
                    <Select
                      label="Frecuencia"
                      data={[
                        { value: 'diaria', label: 'Diaria' },
                        { value: 'semanal', label: 'Semanal' },
                        { value: 'mensual', label: 'Mensual' },
                      ]}
                      value={f.frecuencia}
                      allowDeselect={false}
                      onChange={(v) => cambiar('frecuencia', (v ?? 'diaria') as Frecuencia)}
                    />
                    <TextInput
                      label="Hora (Santiago)"
                      type="time"
                      step={300}
                      value={f.hora}
                      error={error('hora')}
                      onChange={(e) => cambiar('hora', e.currentTarget.value)}
                    />
                  </Group>
                  {f.frecuencia === 'semanal' && (
                    <Checkbox.Group
                      label="Días de la semana"
                      value={f.diasSemana.map(String)}
                      error={error('diasSemana')}
                      onChange={(v) => cambiar('diasSemana', v.map(Number))}
                    >
                      <Group gap="xs" mt={4}>
                        {diasSemana.map((d) => (
                          <Checkbox key={d.value} value={String(d.value)} label={d.label} />
                        ))}
                      </Group>
                    </Checkbox.Group>
                  )}
                  {f.frecuencia === 'mensual' && (
                    <NumberInput
                      label="Día del mes"
                      description="1 a 28, o 31 para el último día del mes."
                      styles={descripcionLegible}
                      min={1}
                      max={31}
                      value={f.diaMes ?? ''}
                      error={error('diaMes')}
                      onChange={(v) => cambiar('diaMes', v === '' ? null : Number(v))}
                    />
                  )}
                  {f.tipo === 'recordatorio_preventivo' ? (
                    <NumberInput
                      label="Días antes del vencimiento"
                      min={1}
                      max={90}
                      value={f.diasAntes ?? ''}
                      error={error('diasAntes')}
                      onChange={(v) => cambiar('diasAntes', v === '' ? null : Number(v))}
                    />
                  ) : (
                    <NumberInput
                      label="Días de atraso mínimos"
                      min={0}
                      value={f.diasVencidoMinimo ?? ''}
                      error={error('diasVencidoMinimo')}
                      onChange={(v) => cambiar('diasVencidoMinimo', v === '' ? null : Number(v))}
                    />
                  )}
                  <Text size="sm" c="gray.7" data-testid="programacion">
                    {describirProgramacion(f)}
                  </Text>
                </Stack>
              </Card>
            )}

            <Card withBorder>
              <Stack>
                <Title order={2} size="h4">
                  Destinatarios
                </Title>
                <MultiSelect
                  label="Grupos de clientes"
                  data={opciones.data?.gruposClientes ?? []}
                  value={f.grupoClienteIds}
                  error={error('grupoClienteIds')}
                  onChange={(v) => cambiar('grupoClienteIds', v)}
                />
                <MultiSelect
                  label="Grupos de contactos"
                  data={opciones.data?.gruposContactos ?? []}
                  value={f.grupoContactoIds}
                  error={error('grupoContactoIds')}
                  onChange={(v) => cambiar('grupoContactoIds', v)}
                />
                <TagsInput
                  label="Segmentos"
                  value={f.segmentos}
                  error={error('segmentos')}
                  onChange={(v) => cambiar('segmentos', v)}
                />
                <MultiSelect
                  label="Etapas"
                  data={etapasCobranza.map((e) => ({ value: e.value, label: e.label }))}
                  value={f.etapas}
                  error={error('etapas')}
                  onChange={(v) => cambiar('etapas', v)}
                />
                <MultiSelect
                  label="Cobradores"
                  data={opciones.data?.cobradores ?? []}
                  value={f.cobradorIds}
                  error={error('cobradorIds')}
                  onChange={(v) => cambiar('cobradorIds', v)}
                />
                <NumberInput
                  label="Monto vencido mínimo (CLP)"
                  min={0}
                  thousandSeparator="."
                  decimalSeparator=","
                  value={f.montoVencidoMinimo ?? ''}
                  error={error('montoVencidoMinimo')}
                  onChange={(v) => cambiar('montoVencidoMinimo', v === '' ? null : Number(v))}
                />
                <Checkbox.Group
                  label="Roles de contacto"
                  value={f.rolesContacto}
                  error={error('rolesContacto')}
                  onChange={(v) => cambiar('rolesContacto', v)}
                >
                  <Group gap="xs" mt={4}>
                    {rolesContacto.map((r) => (
                      <Checkbox key={r.value} value={r.value} label={r.label} />
                    ))}
                  </Group>
                </Checkbox.Group>
                <Text size="sm" aria-live="polite" data-testid="conteo-destinatarios">
                  Lo recibirían: {textoConteo(conteo.data)}
                </Text>
              </Stack>
            </Card>

            <Card withBorder>
              <Stack>
                <Title order={2} size="h4">
                  Mensaje
                </Title>
                <Box>
                  <Text size="sm" fw={500} id="etiquetas-titulo">
                    Insertar etiqueta
                  </Text>
                  <Group gap={4} mt={4} role="group" aria-labelledby="etiquetas-titulo">
                    {(etiquetas.data ?? []).map((e) => (
                      <Tooltip key={e.etiqueta} label={e.descripcion}>
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => insertar(e.etiqueta)}
                          aria-label={`Insertar ${e.etiqueta}`}
                        >
                          {e.etiqueta}
                        </Button>
                      </Tooltip>
                    ))}
                  </Group>
                </Box>
                <Textarea
                  ref={plantillaRef}
                  label="Plantilla (HTML)"
                  autosize
                  minRows={8}
                  maxRows={24}
                  styles={{ input: { fontFamily: 'monospace' } }}
                  value={f.plantilla}
                  error={error('plantilla')}
                  onChange={(e) => cambiar('plantilla', e.currentTarget.value)}
                />
                <Textarea
                  label="Firma"
                  autosize
                  minRows={2}
                  value={f.firma}
                  error={error('firma')}
                  onChange={(e) => cambiar('firma', e.currentTarget.value)}
                />
                <TextInput
                  label="Responder a"
                  type="email"
                  value={f.responderA}
                  error={error('responderA')}
                  onChange={(e) => cambiar('responderA', e.currentTarget.value)}
                />
                {id && (
                  <Group>
                    <FileButton
                      accept="image/png,image/jpeg,image/gif"
                      onChange={(archivo) => {
                        if (!archivo) return;
                        logo
                          .mutateAsync({ id, archivo })
                          .then(() => notificarExito('Logo actualizado.'))
                          .catch((e: unknown) => notificarError(e));
                      }}
                    >
                      {(props) => (
                        <Button variant="default" loading={logo.isPending} {...props}>
                          {tieneLogo ? 'Cambiar logo' : 'Subir logo'}
                        </Button>
                      )}
                    </FileButton>
                    <Text size="xs" c="gray.7">
                      PNG, JPEG o GIF de hasta 1 MB.
                    </Text>
                  </Group>
                )}
              </Stack>
            </Card>

            <Group justify="flex-end">
              <Button variant="default" onClick={() => void navigate('/notificaciones/definiciones')}>
                Volver
              </Button>
              {id && (
                <Button
                  variant="default"
                  loading={prueba.isPending}
                  onClick={() =>
                    prueba
                      .mutateAsync({ id, clienteId })
                      .then((r) => notificarExito(`Prueba enviada a ${r.para}.`))
                      .catch((e: unknown) => notificarError(e))
                  }
                >
                  Enviar prueba a mi correo
                </Button>
              )}
              <Button type="submit" color="blue.8" loading={guardar.isPending}>
                Guardar
              </Button>
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Card withBorder style={{ position: 'sticky', top: 16 }}>
          <Stack>
            <Title order={2} size="h4">
              Vista previa
            </Title>
            <SelectorCliente
              label="Cliente de la vista previa"
              placeholder="El de mayor deuda vencida"
              clearable
              value={clienteId}
              onChange={setClienteId}
            />
            {vista.isError && (
              <Alert color="yellow" title="No se puede mostrar la vista previa">
                {Object.values(erroresVista).join(' ') ||
                  (vista.error instanceof Error ? vista.error.message : '')}
              </Alert>
            )}
            {vista.data && (
              <>
                <Text size="sm">
                  <strong>Para:</strong> {vista.data.clienteNombre}
                </Text>
                <Text size="sm" data-testid="vista-previa-asunto">
                  <strong>Asunto:</strong> {vista.data.asunto}
                </Text>
                <iframe
                  title="Vista previa del correo"
                  sandbox=""
                  srcDoc={vista.data.html}
                  style={{
                    width: '100%',
                    minHeight: 480,
                    border: '1px solid var(--mantine-color-gray-3)',
                    background: 'white',
                  }}
                />
              </>
            )}
          </Stack>
        </Card>
      </Grid.Col>
    </Grid>
  );
}

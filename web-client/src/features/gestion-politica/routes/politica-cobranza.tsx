import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Tabla } from '@/components/ui/tabla';
import { useAuth } from '@/lib/auth-contexto';
import { erroresDeCampos } from '@/lib/errores-formulario';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import {
  useGuardarPoliticaCobranza,
  usePoliticaCobranza,
  type PoliticaCobranza,
} from '@/features/gestion-politica/api/use-politica-cobranza';
import {
  useEjecutarPolitica,
  type ResultadoEjecucion,
} from '@/features/gestion-politica/api/use-ejecutar-politica';
import {
  ACCIONES,
  actualizar,
  agregar,
  cuerpo,
  describirDias,
  ETAPAS,
  ETIQUETA_ACCION,
  ETIQUETA_ETAPA,
  mover,
  quitar,
  validar,
  type Paso,
} from '@/features/gestion-politica/components/pasos';

const ETIQUETA_ESTADO: Record<string, { texto: string; color: string }> = {
  aplicado: { texto: 'Aplicado', color: 'teal' },
  simulado: { texto: 'Se aplicaría', color: 'blue' },
  omitido: { texto: 'Omitido', color: 'gray' },
};

function desdeApi(p: PoliticaCobranza): Paso[] {
  return p.pasos.map((x) => ({
    nombre: x.nombre,
    etapa: x.etapa,
    dias: Number(x.dias),
    diasMinimosDesdeAnterior: Number(x.diasMinimosDesdeAnterior),
    montoMinimoVencido: x.montoMinimoVencido == null ? null : Number(x.montoMinimoVencido),
    segmentos: [...(x.segmentos ?? [])],
    soloCuentaClave: x.soloCuentaClave,
    accion: x.accion,
    tipoTarea: x.tipoTarea ?? null,
    plantilla: x.plantilla ?? null,
  }));
}

function EditorPaso({
  paso,
  i,
  total,
  errores,
  editable,
  cambiar,
  onMover,
  onQuitar,
}: {
  paso: Paso;
  i: number;
  total: number;
  errores: Record<string, string>;
  editable: boolean;
  cambiar: (c: Partial<Paso>) => void;
  onMover: (d: -1 | 1) => void;
  onQuitar: () => void;
}) {
  const e = (campo: string) => errores[`pasos[${i}].${campo}`];
  const n = i + 1;
  return (
    <Card withBorder data-testid={`paso-${i}`}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Badge variant="light">{n}</Badge>
          <Text fw={600}>{paso.nombre || 'Sin nombre'}</Text>
          <Text size="sm" c="dimmed">
            {describirDias(paso.dias)}
          </Text>
        </Group>
        {editable && (
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              aria-label={`Subir paso ${n}`}
              disabled={i === 0}
              onClick={() => onMover(-1)}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={`Bajar paso ${n}`}
              disabled={i === total - 1}
              onClick={() => onMover(1)}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Quitar paso ${n}`} onClick={onQuitar}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <TextInput
          label={`Nombre del paso ${n}`}
          value={paso.nombre}
          readOnly={!editable}
          error={e('nombre')}
          onChange={(ev) => cambiar({ nombre: ev.currentTarget.value })}
        />
        <Select
          label={`Etapa del paso ${n}`}
          data={ETAPAS.map((x) => ({ value: x, label: ETIQUETA_ETAPA[x] ?? x }))}
          value={paso.etapa}
          readOnly={!editable}
          error={e('etapa')}
          allowDeselect={false}
          onChange={(v) => v && cambiar({ etapa: v })}
        />
        <NumberInput
          label={`Días desde el vencimiento (paso ${n})`}
          description="Negativo: antes del vencimiento"
          value={paso.dias}
          readOnly={!editable}
          error={e('dias')}
          allowDecimal={false}
          onChange={(v) => cambiar({ dias: typeof v === 'number' ? v : Number(v) || 0 })}
        />
        <NumberInput
          label={`Días mínimos desde el paso anterior (paso ${n})`}
          value={paso.diasMinimosDesdeAnterior}
          readOnly={!editable}
          error={e('diasMinimosDesdeAnterior')}
          allowDecimal={false}
          min={0}
          onChange={(v) => cambiar({ diasMinimosDesdeAnterior: typeof v === 'number' ? v : Number(v) || 0 })}
        />
        <NumberInput
          label={`Monto vencido mínimo en CLP (paso ${n})`}
          value={paso.montoMinimoVencido ?? ''}
          readOnly={!editable}
          error={e('montoMinimoVencido')}
          thousandSeparator="."
          decimalSeparator=","
          min={0}
          onChange={(v) => cambiar({ montoMinimoVencido: v === '' ? null : Number(v) })}
        />
        <TagsInput
          label={`Segmentos (paso ${n})`}
          description="Vacío: todos"
          value={paso.segmentos}
          readOnly={!editable}
          error={e('segmentos')}
          onChange={(v) => cambiar({ segmentos: v })}
        />
        <Select
          label={`Acción del paso ${n}`}
          data={ACCIONES.map((x) => ({ value: x, label: ETIQUETA_ACCION[x] ?? x }))}
          value={paso.accion}
          readOnly={!editable}
          error={e('accion')}
          allowDeselect={false}
          onChange={(v) => v && cambiar({ accion: v })}
        />
        {paso.accion === 'tarea' && (
          <Select
            label={`Tipo de tarea (paso ${n})`}
            data={[
              { value: 'llamada', label: 'Llamada' },
              { value: 'visita', label: 'Visita' },
            ]}
            value={paso.tipoTarea ?? 'llamada'}
            readOnly={!editable}
            error={e('tipoTarea')}
            allowDeselect={false}
            onChange={(v) => v && cambiar({ tipoTarea: v })}
          />
        )}
      </SimpleGrid>
      <Checkbox
        mt="sm"
        label={`Solo cuentas clave (paso ${n})`}
        checked={paso.soloCuentaClave}
        disabled={!editable}
        onChange={(ev) => cambiar({ soloCuentaClave: ev.currentTarget.checked })}
      />
      {paso.accion === 'carta' && (
        <Textarea
          mt="sm"
          label={`Plantilla de la carta (paso ${n})`}
          description="HTML con etiquetas {{ cliente.razon_social }}, {{ cliente.rut }}, {{ deuda.vencido }}, {{ deuda.saldo }}, {{ deuda.dias_vencido }}, {{ fecha }}, {{ paso }}. Vacía: la carta por omisión."
          autosize
          minRows={3}
          maxRows={12}
          value={paso.plantilla ?? ''}
          readOnly={!editable}
          error={e('plantilla')}
          onChange={(ev) => cambiar({ plantilla: ev.currentTarget.value })}
        />
      )}
    </Card>
  );
}

function Resultado({ r }: { r: ResultadoEjecucion }) {
  if (!r.habil)
    return (
      <Alert color="yellow" icon={<IconInfoCircle />} title={`${formatearFecha(r.fecha)}: día no hábil`}>
        {r.motivoNoHabil} El próximo día hábil se aplican los pasos pendientes.
      </Alert>
    );
  return (
    <Stack gap="xs" data-testid="resultado-ejecucion">
      <Text size="sm">
        {formatearFecha(r.fecha)} · {r.clientesEvaluados} clientes con deuda evaluados ·{' '}
        {r.simulacion
          ? `${r.clientes.filter((c) => c.estado === 'simulado').length} pasos se aplicarían`
          : `${r.pasosAplicados} pasos aplicados`}{' '}
        · {r.omitidos} omitidos
      </Text>
      {r.clientes.length > 0 && (
        <Tabla
          etiqueta={r.simulacion ? 'Vista previa de la política' : 'Resultado de la ejecución'}
          filas={r.clientes}
          clave={(c) => `${c.clienteId}-${c.paso ?? ''}`}
          anchoMinimo={800}
          resaltar={false}
          columnas={[
            { titulo: 'Cliente', celda: (c) => c.razonSocial ?? c.clienteId },
            { titulo: 'Días', celda: (c) => String(c.diasVencido), derecha: true },
            { titulo: 'Vencido', celda: (c) => formatearPesos(c.vencido), derecha: true, sinCorte: true },
            { titulo: 'Paso', celda: (c) => c.paso ?? '—' },
            { titulo: 'Acción', celda: (c) => (c.accion ? (ETIQUETA_ACCION[c.accion] ?? c.accion) : '—') },
            {
              titulo: 'Estado',
              celda: (c) => {
                const e = ETIQUETA_ESTADO[c.estado] ?? { texto: c.estado, color: 'gray' };
                return (
                  <Badge color={e.color} variant="light">
                    {e.texto}
                  </Badge>
                );
              },
            },
            { titulo: 'Motivo', celda: (c) => c.motivo ?? '' },
          ]}
        />
      )}
    </Stack>
  );
}

function Editor({ politica }: { politica: PoliticaCobranza }) {
  const { tiene } = useAuth();
  const editable = tiene('supervisar');
  const guardar = useGuardarPoliticaCobranza();
  const ejecutar = useEjecutarPolitica();
  const [pasos, setPasos] = useState<Paso[]>(() => desdeApi(politica));
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [resultado, setResultado] = useState<ResultadoEjecucion | null>(null);
  const [sucio, setSucio] = useState(false);

  const cambiarPasos = (nuevos: Paso[]) => {
    setPasos(nuevos);
    setSucio(true);
    if (Object.keys(errores).length > 0) setErrores(validar(nuevos));
  };

  const onGuardar = async () => {
    const locales = validar(pasos);
    setErrores(locales);
    if (Object.keys(locales).length > 0) return;
    try {
      const p = await guardar.mutateAsync(cuerpo(pasos));
      setPasos(desdeApi(p));
      setSucio(false);
      notificarExito('Política de cobranza guardada.');
    } catch (e) {
      const campos = pasos.flatMap((_, i) =>
        [
          'nombre',
          'etapa',
          'dias',
          'diasMinimosDesdeAnterior',
          'montoMinimoVencido',
          'segmentos',
          'accion',
          'tipoTarea',
          'plantilla',
        ].map((c) => `pasos[${i}].${c}`),
      );
      const { campos: deCampos, otros } = erroresDeCampos(e, campos);
      setErrores(deCampos);
      if (Object.keys(deCampos).length === 0 || otros.length > 0) notificarError(e);
    }
  };

  const correr = async (simular: boolean) => {
    try {
      setResultado(await ejecutar.mutateAsync(simular));
      if (!simular) notificarExito('Política ejecutada.');
    } catch (e) {
      notificarError(e);
    }
  };

  return (
    <Stack>
      {!editable && (
        <Alert icon={<IconInfoCircle />} color="gray">
          Solo un supervisor o un administrador puede cambiar o ejecutar la política.
        </Alert>
      )}
      {pasos.map((p, i) => (
        <EditorPaso
          key={i}
          paso={p}
          i={i}
          total={pasos.length}
          errores={errores}
          editable={editable}
          cambiar={(c) => cambiarPasos(actualizar(pasos, i, c))}
          onMover={(d) => cambiarPasos(mover(pasos, i, d))}
          onQuitar={() => cambiarPasos(quitar(pasos, i))}
        />
      ))}
      {pasos.length === 0 && (
        <Text c="dimmed">La política no tiene pasos: no se escalará a ningún cliente.</Text>
      )}
      {editable && (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => cambiarPasos(agregar(pasos))}
          >
            Agregar paso
          </Button>
          <Button onClick={onGuardar} loading={guardar.isPending} disabled={!sucio}>
            Guardar política
          </Button>
        </Group>
      )}
      {editable && (
        <Card withBorder>
          <Title order={4}>Ejecución</Title>
          <Text size="sm" c="dimmed" mb="sm">
            La política corre cada día hábil a las 07:00. La vista previa muestra lo que haría hoy sin cambiar
            nada (con la política guardada).
          </Text>
          <Group mb="sm">
            <Button
              variant="light"
              onClick={() => correr(true)}
              loading={ejecutar.isPending && ejecutar.variables}
            >
              Vista previa
            </Button>
            <Button
              color="orange"
              onClick={() => correr(false)}
              loading={ejecutar.isPending && !ejecutar.variables}
              disabled={sucio}
            >
              Ejecutar ahora
            </Button>
          </Group>
          {resultado && <Resultado r={resultado} />}
        </Card>
      )}
    </Stack>
  );
}

export default function PoliticaCobranzaPantalla() {
  const politica = usePoliticaCobranza();
  return (
    <Pagina
      titulo="Política de cobranza"
      descripcion="Pasos de escalamiento según los días desde el vencimiento del documento más antiguo de cada cliente."
    >
      {politica.isPending ? (
        <Cargando />
      ) : politica.isError ? (
        <ErrorConsulta error={politica.error} reintentar={() => politica.refetch()} />
      ) : (
        <Editor politica={politica.data} />
      )}
    </Pagina>
  );
}

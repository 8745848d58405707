import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { useAuth } from '@/lib/auth-contexto';
import { formatearMonto } from '@/lib/cartera';
import { hoySantiago } from '@/lib/fecha-negocio';
import { useCalendario, type DiaCalendario } from '@/features/gestion-trabajo/api/use-calendario';
import { useCobradores } from '@/features/gestion-trabajo/api/use-cobradores';
import { SelectorCobrador } from '@/features/gestion-trabajo/components/selector-cobrador';
import { etiquetaTipo } from '@/features/gestion-trabajo/components/tipos-tarea';
import {
  diasSemana,
  mover,
  rangoVista,
  semanasDelMes,
  sumarDias,
  tituloVista,
  type Vista,
} from '@/features/gestion-trabajo/components/calendario-fechas';

/** What one day holds: due installments, promise installments (tasks of a promise) and the other tasks. */
function ContenidoDia({
  dia,
  compacto,
  equipo,
  telefono = false,
}: {
  dia: DiaCalendario | undefined;
  compacto: boolean;
  equipo: boolean;
  /** A month cell on a phone is ~50px wide: only the counts, the words for screen readers. */
  telefono?: boolean;
}) {
  if (!dia) return null;
  const compromisos = dia.tareas.filter((t) => t.origen === 'compromiso');
  const tareas = dia.tareas.filter((t) => t.origen !== 'compromiso');
  if (compacto && telefono) {
    const cuentas = [
      { n: dia.vencimientos.length, color: 'red', texto: 'vencimientos' },
      { n: compromisos.length, color: 'teal', texto: 'compromisos' },
      { n: tareas.length, color: 'blue', texto: 'tareas' },
      { n: dia.audiencias.length, color: 'violet', texto: 'audiencias' },
    ].filter((c) => c.n > 0);
    return (
      <Stack gap={2}>
        {cuentas.map((c) => (
          <Badge key={c.texto} size="xs" color={c.color} variant="light" tt="none" px={4}>
            {c.n}
            <VisuallyHidden> {c.texto}</VisuallyHidden>
          </Badge>
        ))}
      </Stack>
    );
  }
  if (compacto)
    return (
      <Stack gap={2}>
        {dia.vencimientos.length > 0 && (
          <Badge size="xs" color="red" variant="light" tt="none">
            {dia.vencimientos.length} vencimientos
          </Badge>
        )}
        {compromisos.length > 0 && (
          <Badge size="xs" color="teal" variant="light" tt="none">
            {compromisos.length} compromisos
          </Badge>
        )}
        {tareas.length > 0 && (
          <Badge size="xs" color="blue" variant="light" tt="none">
            {tareas.length} tareas
          </Badge>
        )}
        {dia.audiencias.length > 0 && (
          <Badge size="xs" color="violet" variant="light" tt="none">
            {dia.audiencias.length} audiencias
          </Badge>
        )}
      </Stack>
    );
  return (
    <Stack gap={4}>
      {dia.vencimientos.map((v) => (
        <Text size="xs" key={`${v.documentoId}-${v.cuota}`}>
          <Badge size="xs" color="red" variant="dot" tt="none">
            Vence
          </Badge>{' '}
          <Link to={`/clientes/${v.clienteId}`}>{v.razonSocial}</Link> · doc. {v.tipo} Nº {v.folio} ·{' '}
          {formatearMonto(v.saldo, v.moneda)}
        </Text>
      ))}
      {dia.tareas.map((t) => (
        <Text size="xs" key={t.tareaId} td={t.estado === 'completada' ? 'line-through' : undefined}>
          <Badge size="xs" color={t.origen === 'compromiso' ? 'teal' : 'blue'} variant="dot" tt="none">
            {etiquetaTipo(t.tipo)}
          </Badge>{' '}
          <Link to={`/clientes/${t.clienteId}`}>{t.razonSocial}</Link> · {t.titulo}
          {equipo && t.cobrador ? ` · ${t.cobrador}` : ''}
        </Text>
      ))}
      {dia.audiencias.map((a) => (
        <Text size="xs" key={a.audienciaId}>
          <Badge size="xs" color="violet" variant="dot" tt="none">
            Audiencia
          </Badge>{' '}
          <Link to={`/clientes/${a.clienteId}`}>{a.razonSocial}</Link> · {a.descripcion} · {a.tribunal} ·{' '}
          <Link to={`/judicial?juicio=${a.juicioId}`}>Rol {a.rol}</Link>
        </Text>
      ))}
    </Stack>
  );
}

export default function CalendarioRoute() {
  const { tiene } = useAuth();
  const supervisor = tiene('supervisar');
  const hoy = hoySantiago();
  const [vista, setVista] = useState<Vista>('mes');
  const [ancla, setAncla] = useState(hoy);
  const [equipo, setEquipo] = useState(false);
  const [cobradorId, setCobradorId] = useState<string | null>(null);
  const rango = rangoVista(vista, ancla);
  const consulta = useCalendario({ ...rango, cobradorId: equipo ? null : cobradorId, equipo });
  const cobradores = useCobradores(supervisor);
  const porFecha = new Map((consulta.data?.dias ?? []).map((d) => [d.fecha, d]));
  const telefono = useMediaQuery('(max-width: 48em)') ?? false;

  const celda = (fecha: string, compacto: boolean, fueraDeMes = false) => (
    <Paper
      key={fecha}
      withBorder
      p={4}
      mih={compacto ? 80 : telefono ? undefined : 160}
      miw={0}
      bg={fecha === hoy ? 'var(--mantine-color-blue-light)' : undefined}
      style={{ opacity: fueraDeMes ? 0.5 : 1, overflow: 'hidden', overflowWrap: 'anywhere' }}
      aria-label={`Día ${fecha}`}
    >
      <UnstyledButton
        onClick={() => {
          setVista('dia');
          setAncla(fecha);
        }}
        aria-label={`Ver el día ${fecha.slice(8, 10)}-${fecha.slice(5, 7)}-${fecha.slice(0, 4)}`}
      >
        <Text size="xs" fw={600}>
          {Number(fecha.slice(8, 10))}
        </Text>
      </UnstyledButton>
      <ContenidoDia dia={porFecha.get(fecha)} compacto={compacto} equipo={equipo} telefono={telefono} />
    </Paper>
  );

  return (
    <Pagina
      titulo="Calendario"
      descripcion="Vencimientos de documentos, cuotas de compromisos, tareas planificadas y audiencias de juicios"
      acciones={
        <>
          {supervisor && (
            <Switch
              label="Todo el equipo"
              checked={equipo}
              onChange={(e) => setEquipo(e.currentTarget.checked)}
            />
          )}
          {supervisor && !equipo && (
            <SelectorCobrador
              cobradores={cobradores.data ?? []}
              valor={cobradorId}
              onCambiar={setCobradorId}
            />
          )}
          <SegmentedControl
            aria-label="Vista"
            value={vista}
            onChange={(v) => setVista(v as Vista)}
            data={[
              { value: 'mes', label: 'Mes' },
              { value: 'semana', label: 'Semana' },
              { value: 'dia', label: 'Día' },
            ]}
          />
        </>
      }
    >
      <Group justify="space-between">
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            onClick={() => setAncla(mover(vista, ancla, -1))}
            aria-label="Anterior"
          >
            <IconChevronLeft size={16} />
          </Button>
          <Button variant="default" size="xs" onClick={() => setAncla(hoy)}>
            Hoy
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => setAncla(mover(vista, ancla, 1))}
            aria-label="Siguiente"
          >
            <IconChevronRight size={16} />
          </Button>
        </Group>
        <Title order={4} tt="capitalize" aria-live="polite">
          {tituloVista(vista, ancla)}
        </Title>
      </Group>
      {consulta.isPending ? (
        <Cargando />
      ) : consulta.isError ? (
        <ErrorConsulta error={consulta.error} reintentar={() => consulta.refetch()} />
      ) : (
        <>
          {consulta.data.aviso && <Text c="dimmed">{consulta.data.aviso}</Text>}
          {vista === 'dia' ? (
            <Paper withBorder p="sm">
              {porFecha.get(ancla) ? (
                <ContenidoDia dia={porFecha.get(ancla)} compacto={false} equipo={equipo} />
              ) : (
                <Text c="dimmed">Nada para este día.</Text>
              )}
            </Paper>
          ) : (
            <>
              {/* On a phone the week is a column of days (each names its date), so it needs no weekday header. */}
              {!(vista === 'semana' && telefono) && (
                <SimpleGrid cols={7} spacing={4}>
                  {diasSemana.map((d) => (
                    <Text key={d} size="xs" fw={700} c="dimmed" ta="center">
                      {d}
                    </Text>
                  ))}
                </SimpleGrid>
              )}
              {vista === 'semana' ? (
                <SimpleGrid cols={{ base: 1, sm: 7 }} spacing={4}>
                  {Array.from({ length: 7 }, (_, i) => celda(sumarDias(rango.desde, i), false))}
                </SimpleGrid>
              ) : (
                semanasDelMes(ancla).map((semana) => (
                  <SimpleGrid cols={7} spacing={4} key={semana[0]}>
                    {semana.map((f) => celda(f, true, f < rango.desde || f > rango.hasta))}
                  </SimpleGrid>
                ))
              )}
            </>
          )}
        </>
      )}
    </Pagina>
  );
}

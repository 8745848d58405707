import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CampoFecha } from '@/components/ui/campo-fecha';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearMonto } from '@/lib/cartera';
import { hoySantiago } from '@/lib/fecha-negocio';
import { formatearFecha, formatearNumero, formatearPesos, formatearPorcentaje } from '@/lib/formato';
import { useTablero } from '@/features/tablero/api/use-tablero';
import { GraficoTendencia } from '@/features/tablero/components/grafico-tendencia';
import { GraficoTramos } from '@/features/tablero/components/grafico-tramos';
import { TarjetaKpi } from '@/features/tablero/components/tarjeta-kpi';
import {
  consultaFiltros,
  definiciones,
  textoVariacion,
  variacion,
} from '@/features/tablero/utils/indicadores';

const nombresCaso: Record<string, string> = {
  mayor_vencido: 'Mayor vencido',
  compromiso_roto: 'Compromiso roto',
  disputa_abierta: 'Disputa abierta',
};

const fechaValida = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

export default function TableroRoute() {
  const [params, setParams] = useSearchParams();
  const navegar = useNavigate();
  const fechaCorte = fechaValida(params.get('fechaCorte')) ?? hoySantiago();
  const filtros = {
    fechaCorte,
    segmento: params.get('segmento') || undefined,
    cobradorId: params.get('cobradorId') || undefined,
    carteraId: params.get('carteraId') || undefined,
    grupoId: params.get('grupoId') || undefined,
  };
  const tablero = useTablero(filtros);
  const q = consultaFiltros(filtros);

  const poner = (clave: string, valor: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (valor) n.set(clave, valor);
        else n.delete(clave);
        return n;
      },
      { replace: true },
    );

  return (
    <Pagina
      titulo="Tablero"
      descripcion="Dónde está el dinero, qué está atrasado y qué va a entrar, a la fecha de corte"
    >
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CampoFecha label="Fecha de corte" value={fechaCorte} onChange={(v) => poner('fechaCorte', v)} />
          <TextInput
            label="Segmento"
            defaultValue={filtros.segmento ?? ''}
            maxLength={50}
            onBlur={(e) => poner('segmento', e.currentTarget.value.trim() || null)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') poner('segmento', e.currentTarget.value.trim() || null);
            }}
          />
        </SimpleGrid>
      </Card>
      {tablero.isPending ? (
        <Cargando />
      ) : tablero.isError ? (
        <ErrorConsulta error={tablero.error} reintentar={() => void tablero.refetch()} />
      ) : (
        <Contenido t={tablero.data} q={q} navegar={(a) => void navegar(a)} />
      )}
    </Pagina>
  );
}

function Contenido({
  t,
  q,
  navegar,
}: {
  t: NonNullable<ReturnType<typeof useTablero>['data']>;
  q: string;
  navegar: (a: string) => void;
}) {
  const cambio = variacion(t.recaudadoMes, t.recaudadoMesAnterior);
  const compromisos = t.compromisosSemana;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <TarjetaKpi
          testId="kpi-total"
          titulo="Total por cobrar"
          valor={formatearPesos(t.totalPorCobrar)}
          definicion={definiciones.total}
          enlace={`/reportes/concentracion${q}`}
          textoEnlace="Concentración de deuda"
        />
        <TarjetaKpi
          testId="kpi-vencido"
          titulo="Vencido"
          valor={formatearPesos(t.vencido)}
          pie={`${formatearPorcentaje(t.participacionVencido)} del total`}
          definicion={definiciones.vencido}
          enlace={`/reportes/morosidad${q}`}
          textoEnlace="Evolución de morosidad"
        />
        <TarjetaKpi
          testId="kpi-dso"
          titulo="DSO"
          valor={`${formatearNumero(t.dso)} días`}
          pie={`CEI ${formatearPorcentaje(t.cei)}`}
          definicion={`${definiciones.dso} ${definiciones.cei}`}
          enlace={`/reportes/indicadores-cartera${q}`}
          textoEnlace="Indicadores de cartera"
        />
        <TarjetaKpi
          testId="kpi-recaudado"
          titulo="Recaudado este mes"
          valor={formatearPesos(t.recaudadoMes)}
          pie={`Mes anterior ${formatearPesos(t.recaudadoMesAnterior)}${cambio === null ? '' : ` (${textoVariacion(cambio)})`}`}
          definicion={definiciones.recaudado}
          enlace={`/reportes/recuperacion${q}`}
          textoEnlace="Recuperación histórica"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TarjetaKpi
          testId="kpi-antiguedad"
          titulo="Antigüedad de saldos"
          definicion={definiciones.antiguedad}
          enlace={`/cartera/antiguedad?fechaCorte=${t.fechaCorte}`}
          textoEnlace="Antigüedad de saldos"
        >
          <GraficoTramos
            tramos={t.antiguedad}
            onClick={() => navegar(`/cartera/antiguedad?fechaCorte=${t.fechaCorte}`)}
          />
        </TarjetaKpi>
        <TarjetaKpi
          testId="kpi-tendencia"
          titulo="DSO y CEI, últimos 12 meses"
          definicion={`${definiciones.tendencia} ${definiciones.dso} ${definiciones.cei}`}
          enlace={`/reportes/indicadores-cartera${q}`}
          textoEnlace="Indicadores de cartera"
        >
          <GraficoTendencia puntos={t.tendencia} />
        </TarjetaKpi>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TarjetaKpi
          testId="kpi-compromisos"
          titulo="Compromisos de esta semana"
          valor={`${formatearNumero(compromisos.cantidad)} compromiso${compromisos.cantidad === 1 ? '' : 's'}`}
          pie={`Del ${formatearFecha(compromisos.desde)} al ${formatearFecha(compromisos.hasta)}${
            compromisos.montos.length
              ? ': ' + compromisos.montos.map((m) => formatearMonto(m.monto, m.moneda)).join(' · ')
              : ''
          }`}
          definicion={definiciones.compromisos}
          enlace="/reportes/compromisos"
          textoEnlace="Compromisos de pago"
        />
        <TarjetaKpi
          testId="kpi-pronostico"
          titulo="Pronóstico, próximas 4 semanas"
          definicion={definiciones.pronostico}
          enlace={`/reportes/pronostico${q}`}
          textoEnlace="Pronóstico de cobros"
        >
          <Table fz="sm" verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Semana del</Table.Th>
                <Table.Th ta="right">Esperado</Table.Th>
                <Table.Th ta="right" visibleFrom="xs">
                  Banda
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {t.pronostico.map((s) => (
                <Table.Tr key={s.inicio}>
                  <Table.Td>{formatearFecha(s.inicio)}</Table.Td>
                  <Table.Td ta="right">{formatearPesos(s.esperado)}</Table.Td>
                  <Table.Td ta="right" visibleFrom="xs">
                    {formatearPesos(s.bajo)} – {formatearPesos(s.alto)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TarjetaKpi>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TarjetaKpi
          testId="kpi-deudores"
          titulo="Principales deudores"
          definicion={definiciones.deudores}
          enlace={`/reportes/concentracion${q}`}
          textoEnlace="Concentración de deuda"
        >
          <Table.ScrollContainer minWidth={300}>
            <Table fz="sm" verticalSpacing={2}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Cliente</Table.Th>
                  <Table.Th ta="right">Saldo</Table.Th>
                  <Table.Th ta="right">%</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {t.principalesDeudores.map((d) => (
                  <Table.Tr key={d.clienteId}>
                    <Table.Td>
                      <Link to={`/clientes/${d.clienteId}`}>{d.razonSocial || d.rut}</Link>
                    </Table.Td>
                    <Table.Td ta="right">{formatearPesos(d.saldo)}</Table.Td>
                    <Table.Td ta="right">{formatearPorcentaje(d.participacion)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </TarjetaKpi>
        <TarjetaKpi
          testId="kpi-casos"
          titulo="Casos críticos"
          definicion={definiciones.casos}
          enlace="/reportes/casos-criticos"
          textoEnlace="Casos críticos"
        >
          {t.casosCriticos.length === 0 ? (
            <Text size="sm" c="gray.7">
              Sin casos críticos.
            </Text>
          ) : (
            <Stack gap={4}>
              {t.casosCriticos.map((c, i) => (
                <Group key={`${c.tipo}-${c.clienteId}-${i}`} gap="xs" wrap="nowrap" justify="space-between">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Badge size="sm" variant="light" color={c.tipo === 'mayor_vencido' ? 'red' : 'orange'}>
                      {nombresCaso[c.tipo] ?? c.tipo}
                    </Badge>
                    <Text size="sm" truncate>
                      <Link to={`/clientes/${c.clienteId}`}>{c.razonSocial || c.descripcion}</Link>
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatearPesos(c.monto)} · {c.dias} d
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
        </TarjetaKpi>
      </SimpleGrid>
      <Group gap="md">
        <Link to="/reportes/productividad">Productividad de cobradores</Link>
      </Group>
    </Stack>
  );
}

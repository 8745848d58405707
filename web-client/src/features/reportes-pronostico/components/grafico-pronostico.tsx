import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { formatearMonto, montoCompacto } from '@/lib/cartera';
import { formatearFecha } from '@/lib/formato';
import { seriesPronostico, type SemanaGrafico } from '@/features/reportes-pronostico/lib/pronostico';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Expected receipts per week: bars (promised + from history) and the 80 % band as a shaded area. */
export function GraficoPronostico({ semanas }: { semanas: SemanaGrafico[] }) {
  const s = seriesPronostico(semanas);
  const opcion = {
    grid: { left: 90, right: 16, top: 36, bottom: 40 },
    legend: { data: ['Por historial', 'Compromisos', 'Banda 80 %'] },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => formatearMonto(v, 'CLP'),
    },
    xAxis: { type: 'category', data: semanas.map((x) => formatearFecha(x.inicio).slice(0, 5)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => montoCompacto(v, 'CLP') } },
    series: [
      {
        name: 'Por historial',
        type: 'bar',
        stack: 'monto',
        data: s.historial,
        itemStyle: { color: '#228be6' },
      },
      {
        name: 'Compromisos',
        type: 'bar',
        stack: 'monto',
        data: s.compromisos,
        itemStyle: { color: '#40c057' },
      },
      {
        name: 'banda-base',
        type: 'line',
        stack: 'banda',
        data: s.bandaBase,
        lineStyle: { opacity: 0 },
        symbol: 'none',
        tooltip: { show: false },
      },
      {
        name: 'Banda 80 %',
        type: 'line',
        stack: 'banda',
        data: s.bandaAncho,
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(250, 176, 5, 0.25)' },
        symbol: 'none',
        itemStyle: { color: '#fab005' },
      },
    ],
  };
  return (
    <div
      role="img"
      aria-label="Gráfico del pronóstico de recaudación por semana"
      data-testid="grafico-pronostico"
    >
      <EChartsReactCore echarts={echarts} option={opcion} notMerge style={{ height: 320 }} />
    </div>
  );
}

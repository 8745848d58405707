import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import {
  seriesCumplimiento,
  type FilaCumplimiento,
} from '@/features/indicadores-gestion/components/logica-indicadores';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Promises due each month, stacked by outcome, with the kept rate (by count) as a line on its own axis. */
export function GraficoCompromisos({ filas }: { filas: FilaCumplimiento[] }) {
  const s = seriesCumplimiento(filas);
  const opcion = {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 48, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: s.meses },
    yAxis: [
      { type: 'value', name: 'Compromisos', minInterval: 1 },
      { type: 'value', name: '% cumplidos', min: 0, max: 100 },
    ],
    series: [
      { name: 'Cumplidos', type: 'bar', stack: 'c', data: s.cumplidos, itemStyle: { color: '#40c057' } },
      { name: 'Rotos', type: 'bar', stack: 'c', data: s.rotos, itemStyle: { color: '#e03131' } },
      { name: 'Pendientes', type: 'bar', stack: 'c', data: s.pendientes, itemStyle: { color: '#adb5bd' } },
      {
        name: '% cumplidos',
        type: 'line',
        yAxisIndex: 1,
        data: s.tasa,
        connectNulls: false,
        itemStyle: { color: '#228be6' },
      },
    ],
  };
  return (
    <div
      role="img"
      aria-label="Gráfico de compromisos hechos y cumplidos por mes"
      data-testid="grafico-compromisos"
    >
      <EChartsReactCore echarts={echarts} option={opcion} style={{ height: 320 }} notMerge />
    </div>
  );
}

import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { aNumero } from '@/lib/formato';
import { etiquetaMes } from '@/features/tablero/utils/indicadores';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** DSO (days, left axis) and CEI (%, right axis) at each of the last 12 month-ends. */
export function GraficoTendencia({
  puntos,
}: {
  puntos: { corte: string; dsoCountback: number | string; cei: number | string }[];
}) {
  const opcion = {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: ['DSO (días)', 'CEI (%)'] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: puntos.map((p) => etiquetaMes(p.corte)), axisLabel: { fontSize: 10 } },
    yAxis: [
      { type: 'value', name: 'días', splitNumber: 3 },
      { type: 'value', name: '%', splitNumber: 3, max: 100, min: 0 },
    ],
    series: [
      {
        name: 'DSO (días)',
        type: 'line',
        smooth: true,
        data: puntos.map((p) => aNumero(p.dsoCountback) ?? 0),
      },
      {
        name: 'CEI (%)',
        type: 'line',
        smooth: true,
        yAxisIndex: 1,
        data: puntos.map((p) => aNumero(p.cei) ?? 0),
      },
    ],
  };
  return (
    <div
      role="img"
      aria-label="Tendencia de DSO y CEI en los últimos 12 meses"
      data-testid="grafico-tendencia"
    >
      <EChartsReactCore echarts={echarts} option={opcion} notMerge style={{ height: 220 }} />
    </div>
  );
}

import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { aNumero } from '@/lib/formato';
import { etiquetaMes, formatearIndicador } from '@/features/indicadores-cartera/lib/indicadores';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface SerieTendencia {
  nombre: string;
  valores: (number | string)[];
}

/** Lines of one or more KPIs over the month-ends (oldest first), in one unit (días or %). */
export function GraficoTendencia({
  titulo,
  meses,
  series,
  unidad,
}: {
  titulo: string;
  meses: string[];
  series: SerieTendencia[];
  unidad: string;
}) {
  const opcion = {
    grid: { left: 56, right: 16, top: 36, bottom: 32 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => formatearIndicador(v, unidad),
    },
    xAxis: { type: 'category', data: meses.map(etiquetaMes) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatearIndicador(v, unidad) } },
    series: series.map((s) => ({
      name: s.nombre,
      type: 'line',
      smooth: false,
      data: s.valores.map((v) => aNumero(v) ?? 0),
    })),
  };
  return (
    <div role="img" aria-label={titulo} data-testid="grafico-tendencia">
      <EChartsReactCore echarts={echarts} option={opcion} notMerge style={{ height: 260 }} />
    </div>
  );
}

import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { formatearMonto, montoCompacto } from '@/lib/cartera';
import { aNumero } from '@/lib/formato';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Mean absolute error by horizon (weeks ahead): the model beside the naive "paid on the due date" baseline. */
export function GraficoBacktest({
  horizontes,
}: {
  horizontes: { horizonte: number; maeModelo: number | string; maeIngenuo: number | string }[];
}) {
  const opcion = {
    grid: { left: 90, right: 16, top: 36, bottom: 40 },
    legend: { data: ['Modelo', 'Ingenuo (paga al vencer)'] },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatearMonto(v, 'CLP') },
    xAxis: {
      type: 'category',
      name: 'Semanas',
      nameLocation: 'middle',
      nameGap: 26,
      data: horizontes.map((h) => String(h.horizonte)),
    },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => montoCompacto(v, 'CLP') } },
    series: [
      {
        name: 'Modelo',
        type: 'bar',
        data: horizontes.map((h) => aNumero(h.maeModelo) ?? 0),
        itemStyle: { color: '#228be6' },
      },
      {
        name: 'Ingenuo (paga al vencer)',
        type: 'bar',
        data: horizontes.map((h) => aNumero(h.maeIngenuo) ?? 0),
        itemStyle: { color: '#adb5bd' },
      },
    ],
  };
  return (
    <div
      role="img"
      aria-label="Error medio del backtest por semana de horizonte"
      data-testid="grafico-backtest"
    >
      <EChartsReactCore echarts={echarts} option={opcion} notMerge style={{ height: 280 }} />
    </div>
  );
}

import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { etiquetaTramo, formatearMonto, montoCompacto } from '@/lib/cartera';
import { aNumero } from '@/lib/formato';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const colores = ['#228be6', '#fab005', '#fd7e14', '#f76707', '#e03131', '#a61e4d'];

/** The dashboard's aging bars (compact amounts, so it fits a tile on a phone); a click opens the aging report. */
export function GraficoTramos({
  tramos,
  onClick,
}: {
  tramos: { codigo: string; monto: number | string }[];
  onClick: () => void;
}) {
  const opcion = {
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) => `${p.name}: ${formatearMonto(p.value, 'CLP')}`,
    },
    xAxis: {
      type: 'category',
      data: tramos.map((t) => etiquetaTramo(t.codigo)),
      axisLabel: { interval: 0, fontSize: 10, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => montoCompacto(v, 'CLP') },
      splitNumber: 3,
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        data: tramos.map((t, i) => ({
          value: aNumero(t.monto) ?? 0,
          itemStyle: { color: colores[Math.min(i, colores.length - 1)] },
        })),
      },
    ],
  };
  return (
    <div role="img" aria-label="Gráfico de antigüedad de saldos por tramo" data-testid="grafico-tramos">
      <EChartsReactCore
        echarts={echarts}
        option={opcion}
        notMerge
        style={{ height: 220 }}
        onEvents={{ click: onClick }}
      />
    </div>
  );
}

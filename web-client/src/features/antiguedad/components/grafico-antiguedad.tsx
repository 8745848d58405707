import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { etiquetaTramo, formatearMonto } from '@/lib/cartera';
import { aNumero } from '@/lib/formato';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const colores = ['#228be6', '#fab005', '#fd7e14', '#f76707', '#e03131', '#a61e4d'];

/** Bars of the balance by aging bucket; clicking a bar opens its documents. */
export function GraficoAntiguedad({
  totales,
  moneda,
  onTramo,
}: {
  totales: { codigo: string; monto: number | string }[];
  moneda: string;
  onTramo: (codigo: string) => void;
}) {
  const opcion = {
    grid: { left: 90, right: 16, top: 16, bottom: 32 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) => `${p.name}: ${formatearMonto(p.value, moneda)}`,
    },
    xAxis: { type: 'category', data: totales.map((t) => etiquetaTramo(t.codigo)) },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => formatearMonto(v, moneda) },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 64,
        data: totales.map((t, i) => ({
          value: aNumero(t.monto) ?? 0,
          itemStyle: { color: colores[Math.min(i, colores.length - 1)] },
        })),
      },
    ],
  };
  return (
    <div role="img" aria-label="Gráfico de antigüedad de saldos" data-testid="grafico-antiguedad">
      <EChartsReactCore
        echarts={echarts}
        option={opcion}
        notMerge
        style={{ height: 300 }}
        onEvents={{
          click: (p: { dataIndex: number }) => {
            const t = totales[p.dataIndex];
            if (t) onTramo(t.codigo);
          },
        }}
      />
    </div>
  );
}

import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { etiquetaTramo, formatearMonto, montoCompacto } from '@/lib/cartera';
import { aNumero } from '@/lib/formato';
import { useMediaQuery } from '@mantine/hooks';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const colores = ['#228be6', '#fab005', '#fd7e14', '#f76707', '#e03131', '#a61e4d'];

/**
 * Bars of the balance by aging bucket; clicking a bar opens its documents. On a phone the bars lie down (a bucket per
 * line, its name readable) and the amounts are compact, so nothing is cut or overlaps.
 */
export function GraficoAntiguedad({
  totales,
  moneda,
  onTramo,
}: {
  totales: { codigo: string; monto: number | string }[];
  moneda: string;
  onTramo: (codigo: string) => void;
}) {
  const telefono = useMediaQuery('(max-width: 48em)') ?? false;
  const categorias = { type: 'category', data: totales.map((t) => etiquetaTramo(t.codigo)) };
  const valores = {
    type: 'value',
    axisLabel: {
      formatter: (v: number) => (telefono ? montoCompacto(v, moneda) : formatearMonto(v, moneda)),
      hideOverlap: true,
    },
  };
  const opcion = {
    grid: telefono
      ? { left: 8, right: 24, top: 8, bottom: 24, containLabel: true }
      : { left: 90, right: 16, top: 16, bottom: 32 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) => `${p.name}: ${formatearMonto(p.value, moneda)}`,
    },
    xAxis: telefono ? { ...valores, splitNumber: 3 } : categorias,
    yAxis: telefono ? { ...categorias, inverse: true } : valores,
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
        style={{ height: telefono ? Math.max(220, totales.length * 44) : 300 }}
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

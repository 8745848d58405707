import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';
import { montoCompacto } from '@/lib/cartera';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface SerieGrafico {
  nombre: string;
  tipo: 'bar' | 'line';
  valores: number[];
  /** Stacked bars share a stack name. */
  pila?: string;
  /** A percentage series, on the right axis. */
  porcentaje?: boolean;
  color?: string;
}

/**
 * The reports' chart: bars (stacked or not) and lines over categories (months or clients), amounts on the left axis
 * and percentages on the right; clicking a point gives its category's index and series name.
 */
export function GraficoReporte({
  etiqueta,
  categorias,
  series,
  onClick,
  alto = 320,
}: {
  etiqueta: string;
  categorias: string[];
  series: SerieGrafico[];
  onClick?: (indice: number, serie: string) => void;
  alto?: number;
}) {
  const conPorcentaje = series.some((s) => s.porcentaje);
  const opcion = {
    grid: { left: 70, right: conPorcentaje ? 60 : 16, top: 40, bottom: 40 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: categorias, axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => montoCompacto(v, 'CLP') } },
      ...(conPorcentaje
        ? [{ type: 'value', axisLabel: { formatter: '{value} %' }, splitLine: { show: false } }]
        : []),
    ],
    series: series.map((s) => ({
      name: s.nombre,
      type: s.tipo,
      stack: s.pila,
      yAxisIndex: s.porcentaje ? 1 : 0,
      data: s.valores,
      smooth: s.tipo === 'line',
      itemStyle: s.color ? { color: s.color } : undefined,
      barMaxWidth: 48,
    })),
  };
  return (
    <div role="img" aria-label={etiqueta} data-testid="grafico-reporte">
      <EChartsReactCore
        echarts={echarts}
        option={opcion}
        notMerge
        style={{ height: alto }}
        onEvents={
          onClick
            ? { click: (p: { dataIndex: number; seriesName: string }) => onClick(p.dataIndex, p.seriesName) }
            : undefined
        }
      />
    </div>
  );
}

import { useSearchParams } from 'react-router';
import { hoySantiago } from '@/lib/fecha-negocio';
import { conCambios } from '@/lib/filtros-url';
import type { FiltrosIndicador } from '@/features/indicadores-gestion/api/claves';
import { inicioMes } from '@/features/indicadores-gestion/components/logica-indicadores';

const esFecha = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** The period and filters of a KPI screen, kept in the URL so a view can be shared; `meses` is the default span. */
export function useFiltrosIndicador(
  meses = 1,
): [FiltrosIndicador, (c: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const hoy = hoySantiago();
  const filtros: FiltrosIndicador = {
    desde: esFecha(params.get('desde')) ?? inicioMes(hoy, meses - 1),
    hasta: esFecha(params.get('hasta')) ?? hoy,
    cobradorId: params.get('cobradorId') ?? undefined,
    segmento: params.get('segmento') ?? undefined,
  };
  return [filtros, (cambios) => setParams((p) => conCambios(p, cambios), { replace: true })];
}

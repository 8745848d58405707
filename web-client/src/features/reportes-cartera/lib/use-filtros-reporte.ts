import { useSearchParams } from 'react-router';
import { conCambios } from '@/lib/filtros-url';
import { hoySantiago } from '@/lib/fecha-negocio';
import { filtrosDeUrl, type FiltrosReporte } from './reportes';

/** The report's filters kept in the URL (shareable, back button), plus a report's own numeric parameter. */
export function useFiltrosReporte(parametro: string, porDefecto: number, minimo: number, maximo: number) {
  const [params, setParams] = useSearchParams();
  const filtros = filtrosDeUrl(params, hoySantiago());
  const leido = Number(params.get(parametro));
  const valor = Number.isInteger(leido) && leido >= minimo && leido <= maximo ? leido : porDefecto;
  const cambiar = (cambios: Partial<Record<keyof FiltrosReporte | string, string | number | null>>) =>
    setParams((p) => conCambios(p, cambios), { replace: true });
  return { filtros, valor, cambiar };
}

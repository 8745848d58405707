import { useSearchParams } from 'react-router';
import { conCambios } from '@/lib/filtros-url';

/** A list's filters read from the URL query, and `cambiar` to write them back (replacing history). */
export function useFiltrosUrl<F>(leer: (p: URLSearchParams) => F) {
  const [params, setParams] = useSearchParams();
  const cambiar = (cambios: Parameters<typeof conCambios>[1]) =>
    setParams((p) => conCambios(p, cambios), { replace: true });
  return { filtros: leer(params), cambiar, params };
}

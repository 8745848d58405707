import type { FiltrosClientes } from '@/features/clientes/api/tipos';

export const ordenes = [
  { value: 'razonSocial', label: 'Razón social (A-Z)' },
  { value: '-razonSocial', label: 'Razón social (Z-A)' },
  { value: 'rut', label: 'RUT (menor a mayor)' },
  { value: '-rut', label: 'RUT (mayor a menor)' },
  { value: '-creado', label: 'Más recientes' },
  { value: 'creado', label: 'Más antiguos' },
];

const TAMANOS = [10, 25, 50, 100];

/** Reads the list filters from the URL query (so that links and back navigation keep them). */
export function filtrosDesdeUrl(
  p: URLSearchParams,
): FiltrosClientes & { pagina: number; tamanoPagina: number } {
  const texto = (k: string) => p.get(k)?.trim() || undefined;
  const cuentaClave = p.get('cuentaClave');
  const pagina = Math.max(1, Number(p.get('pagina')) || 1);
  const tamano = Number(p.get('tamanoPagina'));
  const orden = p.get('orden');
  return {
    buscar: texto('buscar'),
    segmento: texto('segmento'),
    grupoId: texto('grupoId'),
    estado: texto('estado'),
    ejecutivoId: texto('ejecutivoId'),
    cuentaClave: cuentaClave === 'true' ? true : cuentaClave === 'false' ? false : undefined,
    orden: orden && ordenes.some((o) => o.value === orden) ? orden : undefined,
    pagina,
    tamanoPagina: TAMANOS.includes(tamano) ? tamano : 25,
  };
}

/** Applies changes to the URL query; any filter change other than the page goes back to page 1. */
export function conCambios(
  p: URLSearchParams,
  cambios: Record<string, string | number | boolean | null | undefined>,
) {
  const n = new URLSearchParams(p);
  for (const [k, v] of Object.entries(cambios)) {
    if (v === undefined || v === null || v === '') n.delete(k);
    else n.set(k, String(v));
  }
  if (!('pagina' in cambios)) n.delete('pagina');
  return n;
}

import type { FiltrosClientes } from '@/features/clientes/api/tipos';
import { ordenUrl, paginadoUrl, textoUrl } from '@/lib/filtros-url';

export const ordenes = [
  { value: 'razonSocial', label: 'Razón social (A-Z)' },
  { value: '-razonSocial', label: 'Razón social (Z-A)' },
  { value: 'rut', label: 'RUT (menor a mayor)' },
  { value: '-rut', label: 'RUT (mayor a menor)' },
  { value: '-saldo', label: 'Mayor saldo primero' },
  { value: 'saldo', label: 'Menor saldo primero' },
  { value: '-vencido', label: 'Mayor vencido primero' },
  { value: 'vencido', label: 'Menor vencido primero' },
  { value: '-creado', label: 'Más recientes' },
  { value: 'creado', label: 'Más antiguos' },
];

/** Reads the list filters from the URL query (so that links and back navigation keep them). */
export function filtrosDesdeUrl(
  p: URLSearchParams,
): FiltrosClientes & { pagina: number; tamanoPagina: number } {
  const cuentaClave = p.get('cuentaClave');
  return {
    buscar: textoUrl(p, 'buscar'),
    segmento: textoUrl(p, 'segmento'),
    grupoId: textoUrl(p, 'grupoId'),
    estado: textoUrl(p, 'estado'),
    ejecutivoId: textoUrl(p, 'ejecutivoId'),
    cuentaClave: cuentaClave === 'true' ? true : cuentaClave === 'false' ? false : undefined,
    misClientes: p.get('misClientes') === 'true' ? true : undefined,
    orden: ordenUrl(p, ordenes),
    ...paginadoUrl(p),
  };
}

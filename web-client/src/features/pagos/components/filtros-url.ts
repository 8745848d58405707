import { fechaUrl, ordenUrl, paginadoUrl, textoUrl } from '@/lib/filtros-url';

export const ordenesPagos = [
  { value: '-fecha', label: 'Fecha (recientes primero)' },
  { value: 'fecha', label: 'Fecha (antiguos primero)' },
  { value: '-monto', label: 'Monto (mayor a menor)' },
  { value: 'monto', label: 'Monto (menor a mayor)' },
];

export function filtrosPagosDesdeUrl(p: URLSearchParams) {
  return {
    clienteId: textoUrl(p, 'clienteId'),
    desde: fechaUrl(p, 'desde'),
    hasta: fechaUrl(p, 'hasta'),
    canal: textoUrl(p, 'canal'),
    conSaldoAFavor: p.get('conSaldoAFavor') === 'true' ? true : undefined,
    orden: ordenUrl(p, ordenesPagos) ?? '-fecha',
    ...paginadoUrl(p),
  };
}

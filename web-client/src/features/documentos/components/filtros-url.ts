import { fechaUrl, ordenUrl, paginadoUrl, textoUrl } from '@/lib/filtros-url';

export const ordenesDocumentos = [
  { value: 'fechaVencimiento', label: 'Vencimiento (antiguos primero)' },
  { value: '-fechaVencimiento', label: 'Vencimiento (recientes primero)' },
  { value: '-fechaEmision', label: 'Emisión (recientes primero)' },
  { value: 'fechaEmision', label: 'Emisión (antiguos primero)' },
  { value: '-saldo', label: 'Saldo (mayor a menor)' },
  { value: 'saldo', label: 'Saldo (menor a mayor)' },
  { value: '-total', label: 'Total (mayor a menor)' },
  { value: 'folio', label: 'Folio' },
];

export function filtrosDocumentosDesdeUrl(p: URLSearchParams) {
  return {
    tipo: textoUrl(p, 'tipo'),
    estado: textoUrl(p, 'estado'),
    clienteId: textoUrl(p, 'clienteId'),
    vencimientoDesde: fechaUrl(p, 'vencimientoDesde'),
    vencimientoHasta: fechaUrl(p, 'vencimientoHasta'),
    tramo: textoUrl(p, 'tramo'),
    fechaCorte: fechaUrl(p, 'fechaCorte'),
    etapa: textoUrl(p, 'etapa'),
    enCobranzaBancaria: p.get('enCobranzaBancaria') === 'true' ? true : undefined,
    orden: ordenUrl(p, ordenesDocumentos),
    ...paginadoUrl(p),
  };
}

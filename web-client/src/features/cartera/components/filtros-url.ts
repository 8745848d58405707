/** URL query ⇄ list filters, so that links (e.g. the aging drill-down) and back navigation keep them. */

const TAMANOS = [10, 25, 50, 100];

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

export const ordenesPagos = [
  { value: '-fecha', label: 'Fecha (recientes primero)' },
  { value: 'fecha', label: 'Fecha (antiguos primero)' },
  { value: '-monto', label: 'Monto (mayor a menor)' },
  { value: 'monto', label: 'Monto (menor a mayor)' },
];

const texto = (p: URLSearchParams, k: string) => p.get(k)?.trim() || undefined;
const fecha = (p: URLSearchParams, k: string) => {
  const v = texto(p, k);
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
};

function paginado(p: URLSearchParams) {
  const tamano = Number(p.get('tamanoPagina'));
  return {
    pagina: Math.max(1, Number(p.get('pagina')) || 1),
    tamanoPagina: TAMANOS.includes(tamano) ? tamano : 25,
  };
}

export function filtrosDocumentosDesdeUrl(p: URLSearchParams) {
  const orden = p.get('orden');
  return {
    tipo: texto(p, 'tipo'),
    estado: texto(p, 'estado'),
    clienteId: texto(p, 'clienteId'),
    vencimientoDesde: fecha(p, 'vencimientoDesde'),
    vencimientoHasta: fecha(p, 'vencimientoHasta'),
    tramo: texto(p, 'tramo'),
    enCobranzaBancaria: p.get('enCobranzaBancaria') === 'true' ? true : undefined,
    orden: orden && ordenesDocumentos.some((o) => o.value === orden) ? orden : undefined,
    ...paginado(p),
  };
}

export function filtrosPagosDesdeUrl(p: URLSearchParams) {
  const orden = p.get('orden');
  const conSaldo = p.get('conSaldoAFavor');
  return {
    clienteId: texto(p, 'clienteId'),
    desde: fecha(p, 'desde'),
    hasta: fecha(p, 'hasta'),
    canal: texto(p, 'canal'),
    conSaldoAFavor: conSaldo === 'true' ? true : undefined,
    orden: orden && ordenesPagos.some((o) => o.value === orden) ? orden : '-fecha',
    ...paginado(p),
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

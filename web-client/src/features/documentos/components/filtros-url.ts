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

/**
 * Paid documents are hidden unless the user asks for them (`incluirPagados=true`), picks a state, or looks at a bucket
 * at a past cut-off (what was owed then may be paid now).
 */
export function conSaldoDesdeUrl(p: URLSearchParams): true | undefined {
  const todos = p.get('incluirPagados') === 'true' || !!textoUrl(p, 'estado') || !!fechaUrl(p, 'fechaCorte');
  return todos ? undefined : true;
}

export function filtrosDocumentosDesdeUrl(p: URLSearchParams) {
  return {
    tipo: textoUrl(p, 'tipo'),
    estado: textoUrl(p, 'estado'),
    conSaldo: conSaldoDesdeUrl(p),
    clienteId: textoUrl(p, 'clienteId'),
    cobradorId: textoUrl(p, 'cobradorId'),
    vencimientoDesde: fechaUrl(p, 'vencimientoDesde'),
    vencimientoHasta: fechaUrl(p, 'vencimientoHasta'),
    tramo: textoUrl(p, 'tramo'),
    fechaCorte: fechaUrl(p, 'fechaCorte'),
    // The aging's bucket link with its documents ceded under administración delegada (only meaningful with a bucket).
    incluirCedidosDelegados:
      textoUrl(p, 'tramo') && p.get('incluirCedidosDelegados') === 'true' ? true : undefined,
    etapa: textoUrl(p, 'etapa'),
    enCobranzaBancaria: p.get('enCobranzaBancaria') === 'true' ? true : undefined,
    orden: ordenUrl(p, ordenesDocumentos),
    ...paginadoUrl(p),
  };
}

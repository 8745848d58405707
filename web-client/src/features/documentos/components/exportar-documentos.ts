import type { DocumentoResumen } from '@/api/tipos-cartera';
import { decimalesMoneda, nombreEstadoDocumento, nombreTipoDocumento } from '@/lib/cartera';
import { aCsv } from '@/lib/csv';
import { aNumero, formatearFecha } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';

/** `1234567.5` → `1234567,5` (no thousands separator, so that Excel in es-CL reads it as a number). */
function numeroCsv(valor: number | string | null | undefined, decimales: number): string {
  const n = aNumero(valor);
  return n === null ? '' : n.toFixed(decimales).replace('.', ',');
}

/** The documents list as a CSV for Excel in es-CL: `;` separator, decimal comma, dd-mm-aaaa, with BOM. */
export function documentosACsv(documentos: readonly DocumentoResumen[]): string {
  const filas = documentos.map((d) => {
    const dec = decimalesMoneda(d.moneda);
    return [
      d.tipo,
      nombreTipoDocumento(d.tipo),
      aNumero(d.folio),
      formatearRut(d.cliente.rut),
      d.cliente.razonSocial,
      formatearFecha(d.fechaEmision),
      formatearFecha(d.fechaVencimiento),
      d.moneda,
      numeroCsv(d.total, dec),
      numeroCsv(d.saldo, dec),
      nombreEstadoDocumento(d.estado),
      aNumero(d.diasVencido),
      d.externalId,
    ];
  });
  const encabezado = [
    'Tipo',
    'Documento',
    'Folio',
    'RUT',
    'Cliente',
    'Emisión',
    'Vencimiento',
    'Moneda',
    'Total',
    'Saldo',
    'Estado',
    'Días vencido',
    'Id externo',
  ];
  return '\uFEFF' + aCsv([encabezado, ...filas], ';');
}

/** Receivables (Cartera) catalogues and es-CL formats shared by the screens that show documents. */
import { aNumero } from '@/lib/formato';

/** Decimals each currency allows (as the API validates): CLP 0, UF 4, USD 2. */
export function decimalesMoneda(moneda: string | null | undefined): number {
  switch ((moneda ?? 'CLP').toUpperCase()) {
    case 'UF':
      return 4;
    case 'USD':
      return 2;
    default:
      return 0;
  }
}

const formatos = new Map<number, Intl.NumberFormat>();
function formato(decimales: number): Intl.NumberFormat {
  let f = formatos.get(decimales);
  if (!f) {
    f = new Intl.NumberFormat('es-CL', {
      minimumFractionDigits: decimales,
      maximumFractionDigits: decimales,
    });
    formatos.set(decimales, f);
  }
  return f;
}

const formatoUf = new Intl.NumberFormat('es-CL', { minimumFractionDigits: 0, maximumFractionDigits: 4 });

/** `$1.234.567` (CLP), `5.000 UF` / `12,3456 UF` (the unit after, as everywhere), `US$1.234,56`; empty for null. */
export function formatearMonto(
  valor: number | string | null | undefined,
  moneda: string | null | undefined,
): string {
  const n = aNumero(valor);
  if (n === null) return '';
  const m = (moneda ?? 'CLP').toUpperCase();
  const signo = n < 0 ? '-' : '';
  if (m === 'UF') return `${signo}${formatoUf.format(Math.abs(n))} UF`;
  const texto = formato(decimalesMoneda(m)).format(Math.abs(n));
  if (m === 'USD') return `${signo}US$${texto}`;
  if (m === 'CLP') return `${signo}$${texto}`;
  return `${signo}${texto} ${m}`;
}

export const monedas = ['CLP', 'UF', 'USD'];

export const tiposDocumento = [
  { value: '33', label: 'Factura electrónica (33)' },
  { value: '34', label: 'Factura exenta (34)' },
  { value: '39', label: 'Boleta electrónica (39)' },
  { value: '41', label: 'Boleta exenta (41)' },
  { value: '43', label: 'Liquidación factura (43)' },
  { value: '46', label: 'Factura de compra (46)' },
  { value: '56', label: 'Nota de débito (56)' },
  { value: '61', label: 'Nota de crédito (61)' },
  { value: '110', label: 'Factura de exportación (110)' },
  { value: '111', label: 'Nota de débito exportación (111)' },
  { value: '112', label: 'Nota de crédito exportación (112)' },
  { value: 'letra', label: 'Letra' },
  { value: 'pagare', label: 'Pagaré' },
];

const abreviaturas: Record<string, string> = {
  '33': 'Factura',
  '34': 'Factura exenta',
  '39': 'Boleta',
  '41': 'Boleta exenta',
  '43': 'Liquidación factura',
  '46': 'Factura de compra',
  '56': 'Nota de débito',
  '61': 'Nota de crédito',
  '110': 'Factura exportación',
  '111': 'N. débito exportación',
  '112': 'N. crédito exportación',
  letra: 'Letra',
  pagare: 'Pagaré',
  convenio: 'Cuotas de convenio',
};

/** Short name of a document type (`33` → `Factura`). */
export function nombreTipoDocumento(tipo: string): string {
  return abreviaturas[tipo] ?? tipo;
}

export const estadosDocumento = [
  { value: 'por_vencer', label: 'Por vencer' },
  { value: 'vencido', label: 'Vencido' },
  { value: 'parcial', label: 'Pago parcial' },
  { value: 'pagado', label: 'Pagado' },
  { value: 'anulado', label: 'Anulado' },
  { value: 'protestado', label: 'Protestado' },
  { value: 'cedido', label: 'Cedido (factoring)' },
  { value: 'castigado', label: 'Castigado' },
];

export function nombreEstadoDocumento(estado: string): string {
  return estadosDocumento.find((e) => e.value === estado)?.label ?? estado;
}

export const canalesPago = [
  { value: 'transferencia', label: 'Transferencia' },
  { value: 'efectivo', label: 'Efectivo' },
  { value: 'cheque', label: 'Cheque' },
  { value: 'tarjeta', label: 'Tarjeta' },
  { value: 'portal', label: 'Portal de pagos' },
];

export function nombreCanal(canal: string): string {
  return canalesPago.find((c) => c.value === canal)?.label ?? canal;
}

export interface TramoAntiguedad {
  codigo: string;
  desde?: number | string | null;
  hasta?: number | string | null;
}

/** Label of an aging bucket: `por_vencer` → `Por vencer`, `1-30` → `1 a 30 días`, `mas_120` → `Más de 120 días`. */
export function etiquetaTramo(tramo: TramoAntiguedad | string): string {
  const codigo = typeof tramo === 'string' ? tramo : tramo.codigo;
  if (codigo === 'por_vencer') return 'Por vencer';
  const rango = /^(\d+)-(\d+)$/.exec(codigo);
  if (rango) return `${rango[1]} a ${rango[2]} días`;
  const mas = /^mas_(\d+)$/.exec(codigo);
  if (mas) return `Más de ${mas[1]} días`;
  if (typeof tramo !== 'string') {
    const d = aNumero(tramo.desde);
    const h = aNumero(tramo.hasta);
    if (d !== null && h !== null) return `${d} a ${h} días`;
    if (d !== null) return `${d} días o más`;
    if (h !== null) return `Hasta ${h} días`;
  }
  return codigo;
}

const dos = (n: number) => String(n).padStart(2, '0');

/** `yyyy-mm-dd` plus `dias` days (negative to subtract), without time-zone shifts. */
export function sumarDias(fechaIso: string, dias: number): string {
  const [a, m, d] = fechaIso.split('-').map(Number);
  const f = new Date(Date.UTC(a ?? 1970, (m ?? 1) - 1, d ?? 1));
  f.setUTCDate(f.getUTCDate() + dias);
  return `${f.getUTCFullYear()}-${dos(f.getUTCMonth() + 1)}-${dos(f.getUTCDate())}`;
}

/**
 * Due-date range of the documents in an aging bucket at a cut-off date (days overdue =
 * cut-off − due date): `1-30` at 2026-03-31 → due 2026-03-01..2026-03-30.
 */
export function rangoVencimientoTramo(
  tramo: TramoAntiguedad,
  fechaCorte: string,
): { vencimientoDesde?: string; vencimientoHasta?: string } {
  const desde = aNumero(tramo.desde);
  const hasta = aNumero(tramo.hasta);
  const r: { vencimientoDesde?: string; vencimientoHasta?: string } = {};
  if (hasta !== null) r.vencimientoDesde = sumarDias(fechaCorte, -hasta);
  if (desde !== null) r.vencimientoHasta = sumarDias(fechaCorte, -desde);
  return r;
}

/** The automatic application's label, saying the company's configured order (Configuración de cartera). */
export function textoAplicacionAutomatica(orden: string | null | undefined): string {
  switch (orden) {
    case 'emision':
      return 'Automática (emisión más antigua primero)';
    case 'monto_menor':
      return 'Automática (monto menor primero)';
    case 'vencimiento':
      return 'Automática (vencimiento más antiguo primero)';
    default:
      return 'Automática';
  }
}

const compacto = new Intl.NumberFormat('es-CL', { notation: 'compact', maximumFractionDigits: 1 });

/** An axis label that fits a phone: `$15,9 M`, `1,2 mil UF`. */
export function montoCompacto(valor: number, moneda: string): string {
  const m = moneda.toUpperCase();
  const texto = compacto.format(valor).replace(/\s/g, ' ');
  if (m === 'UF') return `${texto} UF`;
  if (m === 'USD') return `US$${texto}`;
  return `$${texto}`;
}

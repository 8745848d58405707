import { aNumero } from '@/lib/formato';

interface DocumentoSaldo {
  id: string;
  saldo: number | string;
  diasVencido: number;
}

/** The overdue documents' ids: what "pagar todo lo vencido" pays. */
export function idsVencidos(documentos: readonly DocumentoSaldo[]): string[] {
  return documentos.filter((d) => d.diasVencido > 0).map((d) => d.id);
}

/** What the chosen documents add up to (balance), in the documents' currency. */
export function totalElegido(documentos: readonly DocumentoSaldo[], elegidos: ReadonlySet<string>): number {
  return documentos.reduce((suma, d) => (elegidos.has(d.id) ? suma + (aNumero(d.saldo) ?? 0) : suma), 0);
}

/** Toggles one id in a selection (a new set, for React state). */
export function alternar(elegidos: ReadonlySet<string>, id: string): Set<string> {
  const nuevo = new Set(elegidos);
  if (nuevo.has(id)) nuevo.delete(id);
  else nuevo.add(id);
  return nuevo;
}

/** "Vencido hace 3 días", "Vence hoy", "Vence en 5 días" from days overdue and the due date. */
export function textoVencimiento(diasVencido: number, fechaVencimiento: string, hoy: string): string {
  if (diasVencido > 0) return diasVencido === 1 ? 'Vencido hace 1 día' : `Vencido hace ${diasVencido} días`;
  const dias = Math.round((Date.parse(fechaVencimiento) - Date.parse(hoy)) / 86_400_000);
  if (dias <= 0) return 'Vence hoy';
  return dias === 1 ? 'Vence mañana' : `Vence en ${dias} días`;
}

const estados: Record<string, string> = {
  pendiente: 'Pendiente',
  respondida: 'Respondida',
  cancelada: 'Cerrada',
  abierta: 'Abierto',
  en_revision: 'En revisión',
  resuelta_cliente: 'Resuelto a su favor',
  resuelta_empresa: 'Resuelto',
  registrado: 'Registrado',
};

export function etiquetaEstado(estado: string): string {
  return estados[estado] ?? estado;
}

const tipos: Record<string, string> = {
  convenio: 'Solicitud de convenio',
  consulta: 'Consulta',
  reclamo: 'Reclamo',
  compromiso: 'Compromiso de pago',
};

export function etiquetaSolicitud(tipo: string): string {
  return tipos[tipo] ?? tipo;
}

const documentos: Record<string, string> = {
  '33': 'Factura',
  '34': 'Factura exenta',
  '39': 'Boleta',
  '41': 'Boleta exenta',
  '56': 'Nota de débito',
  '61': 'Nota de crédito',
};

export function etiquetaDocumento(tipo: string, folio: number): string {
  return `${documentos[tipo] ?? `Documento ${tipo}`} N° ${folio}`;
}

/** The token of `/portal/entrar?token=…`, or null when absent or malformed. */
export function tokenDeUrl(busqueda: string): string | null {
  const token = new URLSearchParams(busqueda).get('token');
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}

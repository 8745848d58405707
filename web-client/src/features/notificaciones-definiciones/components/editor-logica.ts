import type { Cuerpo } from '@/api/types';

export type DatosDefinicion = Cuerpo<'CrearDefinicion'>;

export type TipoDefinicion = 'documentos_vencidos' | 'resumen_deuda' | 'recordatorio_preventivo' | 'politica';
export type Frecuencia = 'diaria' | 'semanal' | 'mensual';

export const tiposDefinicion: { value: TipoDefinicion; label: string }[] = [
  { value: 'documentos_vencidos', label: 'Documentos vencidos' },
  { value: 'resumen_deuda', label: 'Resumen de deuda' },
  { value: 'recordatorio_preventivo', label: 'Recordatorio preventivo' },
  { value: 'politica', label: 'Correo de la política de cobranza' },
];

export const diasSemana = [
  { value: 1, label: 'Lunes', corto: 'lun' },
  { value: 2, label: 'Martes', corto: 'mar' },
  { value: 3, label: 'Miércoles', corto: 'mié' },
  { value: 4, label: 'Jueves', corto: 'jue' },
  { value: 5, label: 'Viernes', corto: 'vie' },
  { value: 6, label: 'Sábado', corto: 'sáb' },
  { value: 7, label: 'Domingo', corto: 'dom' },
];

export const rolesContacto = [
  { value: 'cobranza', label: 'Cobranza' },
  { value: 'pagos', label: 'Pagos' },
  { value: 'comercial', label: 'Comercial' },
  { value: 'legal', label: 'Legal' },
];

/** What the editor holds: the API body with the hour as "HH:mm" and numbers as the inputs give them. */
export interface FormularioDefinicion {
  tipo: TipoDefinicion;
  asunto: string;
  descripcion: string;
  incluirCuentas: boolean;
  cuentaIds: string[];
  frecuencia: Frecuencia;
  diasSemana: number[];
  diaMes: number | null;
  hora: string;
  diasAntes: number | null;
  diasVencidoMinimo: number | null;
  segmentos: string[];
  etapas: string[];
  cobradorIds: string[];
  grupoClienteIds: string[];
  grupoContactoIds: string[];
  montoVencidoMinimo: number | null;
  rolesContacto: string[];
  plantilla: string;
  firma: string;
  responderA: string;
}

export const formularioVacio: FormularioDefinicion = {
  tipo: 'documentos_vencidos',
  asunto: 'Documentos vencidos de {{ cliente.nombre }}',
  descripcion: '',
  incluirCuentas: true,
  cuentaIds: [],
  frecuencia: 'semanal',
  diasSemana: [1],
  diaMes: null,
  hora: '09:00',
  diasAntes: null,
  diasVencidoMinimo: 1,
  segmentos: [],
  etapas: [],
  cobradorIds: [],
  grupoClienteIds: [],
  grupoContactoIds: [],
  montoVencidoMinimo: null,
  rolesContacto: ['cobranza', 'pagos'],
  plantilla:
    '<p>Estimado(a) {{ contacto.nombre }}:</p>\n<p>{{ cliente.nombre }} registra una deuda vencida de {{ deuda.vencida }}.</p>\n{{ tabla_documentos }}',
  firma: '',
  responderA: '',
};

/** Inserts `{{ etiqueta }}` in place of the selection [inicio, fin) and answers the new text and where the cursor goes. */
export function insertarEtiqueta(
  texto: string,
  inicio: number | null | undefined,
  fin: number | null | undefined,
  etiqueta: string,
): { texto: string; cursor: number } {
  const a = Math.max(0, Math.min(inicio ?? texto.length, texto.length));
  const b = Math.max(a, Math.min(fin ?? a, texto.length));
  const marca = `{{ ${etiqueta} }}`;
  return { texto: texto.slice(0, a) + marca + texto.slice(b), cursor: a + marca.length };
}

const vacioANulo = (s: string) => (s.trim() === '' ? null : s.trim());

/** The API body of the editor's state: schedule fields only for their frequency, days before only for a preventive reminder. */
export function cuerpoDefinicion(f: FormularioDefinicion): DatosDefinicion {
  return {
    tipo: f.tipo,
    asunto: f.asunto,
    descripcion: vacioANulo(f.descripcion),
    incluirCuentas: f.incluirCuentas,
    cuentaIds: f.incluirCuentas ? f.cuentaIds : [],
    frecuencia: f.frecuencia,
    diasSemana: f.frecuencia === 'semanal' ? [...f.diasSemana].sort((x, y) => x - y) : [],
    diaMes: f.frecuencia === 'mensual' ? f.diaMes : null,
    hora: /^\d{2}:\d{2}$/.test(f.hora) ? `${f.hora}:00` : f.hora,
    diasAntes: f.tipo === 'recordatorio_preventivo' ? f.diasAntes : null,
    diasVencidoMinimo: f.tipo === 'recordatorio_preventivo' ? null : f.diasVencidoMinimo,
    modo: 'cliente',
    destinatarios: filtroDestinatarios(f),
    plantilla: f.plantilla,
    firma: vacioANulo(f.firma),
    responderA: vacioANulo(f.responderA),
  };
}

export function filtroDestinatarios(f: FormularioDefinicion): NonNullable<DatosDefinicion['destinatarios']> {
  return {
    grupoClienteIds: f.grupoClienteIds,
    grupoContactoIds: f.grupoContactoIds,
    segmentos: f.segmentos,
    etapas: f.etapas,
    cobradorIds: f.cobradorIds,
    montoVencidoMinimo: f.montoVencidoMinimo,
    rolesContacto: f.rolesContacto,
  };
}

interface DefinicionGuardada {
  tipo: string;
  asunto: string;
  descripcion?: string | null;
  incluirCuentas: boolean;
  cuentaIds: string[];
  frecuencia: string;
  diasSemana: number[];
  diaMes?: number | string | null;
  hora: string;
  diasAntes?: number | string | null;
  diasVencidoMinimo?: number | string | null;
  destinatarios: {
    grupoClienteIds?: string[] | null;
    grupoContactoIds?: string[] | null;
    segmentos?: string[] | null;
    etapas?: string[] | null;
    cobradorIds?: string[] | null;
    montoVencidoMinimo?: number | string | null;
    rolesContacto?: string[] | null;
  };
  plantilla: string;
  firma?: string | null;
  responderA?: string | null;
}

const num = (v: number | string | null | undefined) =>
  v === null || v === undefined || v === '' ? null : Number(v);

export function formularioDesde(d: DefinicionGuardada): FormularioDefinicion {
  return {
    tipo: d.tipo as TipoDefinicion,
    asunto: d.asunto,
    descripcion: d.descripcion ?? '',
    incluirCuentas: d.incluirCuentas,
    cuentaIds: d.cuentaIds,
    frecuencia: d.frecuencia as Frecuencia,
    diasSemana: d.diasSemana,
    diaMes: num(d.diaMes),
    hora: d.hora.slice(0, 5),
    diasAntes: num(d.diasAntes),
    diasVencidoMinimo: num(d.diasVencidoMinimo),
    segmentos: d.destinatarios.segmentos ?? [],
    etapas: d.destinatarios.etapas ?? [],
    cobradorIds: d.destinatarios.cobradorIds ?? [],
    grupoClienteIds: d.destinatarios.grupoClienteIds ?? [],
    grupoContactoIds: d.destinatarios.grupoContactoIds ?? [],
    montoVencidoMinimo: num(d.destinatarios.montoVencidoMinimo),
    rolesContacto: d.destinatarios.rolesContacto ?? ['cobranza', 'pagos'],
    plantilla: d.plantilla,
    firma: d.firma ?? '',
    responderA: d.responderA ?? '',
  };
}

function lista(partes: string[]): string {
  if (partes.length <= 1) return partes.join('');
  return `${partes.slice(0, -1).join(', ')} y ${partes[partes.length - 1]}`;
}

/** The schedule in words ("Cada lunes y jueves a las 09:00"), America/Santiago. */
export function describirProgramacion(
  f: Pick<FormularioDefinicion, 'tipo' | 'frecuencia' | 'diasSemana' | 'diaMes' | 'hora'>,
): string {
  if (f.tipo === 'politica') return 'La envía la política de cobranza, sin horario propio';
  const hora = `a las ${f.hora.slice(0, 5)}`;
  if (f.frecuencia === 'diaria') return `Todos los días ${hora}`;
  if (f.frecuencia === 'semanal') {
    const dias = [...f.diasSemana]
      .sort((a, b) => a - b)
      .map((d) => diasSemana[d - 1]?.label.toLowerCase() ?? '?');
    return dias.length === 0 ? 'Elija al menos un día' : `Cada ${lista(dias)} ${hora}`;
  }
  if (f.diaMes === null) return 'Elija el día del mes';
  return f.diaMes >= 31 ? `El último día de cada mes ${hora}` : `El día ${f.diaMes} de cada mes ${hora}`;
}

/** The count of recipients as shown: "—" while it is unknown (the endpoint is missing or failed). */
export function textoConteo(
  c: { clientes: number; contactos: number; omitidos: number } | null | undefined,
): string {
  if (!c) return '—';
  const n = (x: number) => x.toLocaleString('es-CL');
  return `${n(c.clientes)} clientes, ${n(c.contactos)} contactos${c.omitidos > 0 ? ` (${n(c.omitidos)} omitidos)` : ''}`;
}

import { formatearFecha, formatearFechaHora, formatearNumero, formatearPesos } from '@/lib/formato';
import { formatearRut } from '@/lib/rut';

/** Spanish names of the audited entities (the server records the class name). */
const entidades: Record<string, string> = {
  Actividad: 'Actividad',
  AdjuntoActividad: 'Adjunto de actividad',
  AdjuntoDisputa: 'Adjunto de disputa',
  Alerta: 'Alerta',
  Aplicacion: 'Aplicación de pago',
  AsignacionCliente: 'Asignación de cliente',
  Cartera: 'Cartera de cobranza',
  Cliente: 'Cliente',
  ClienteCartera: 'Cliente en cartera',
  Cobrador: 'Cobrador',
  Compensacion: 'Compensación',
  Compromiso: 'Compromiso de pago',
  ConfiguracionCartera: 'Configuración de cartera',
  ConfiguracionGestion: 'Configuración de gestión',
  ConfiguracionNotificaciones: 'Configuración de notificaciones',
  Contacto: 'Contacto',
  CuentaDeposito: 'Cuenta de depósito',
  Cuota: 'Cuota',
  DefinicionNotificacion: 'Notificación',
  Disputa: 'Disputa',
  Documento: 'Documento',
  Envio: 'Envío de correo',
  EtapaCliente: 'Etapa de cobranza',
  EventoCompromiso: 'Evento de compromiso',
  EventoDisputa: 'Evento de disputa',
  EventoEnvio: 'Evento de envío',
  Guion: 'Guion',
  HistorialEstadoCredito: 'Estado de crédito',
  MotivoDisputa: 'Motivo de disputa',
  Pago: 'Pago',
  PasoAplicado: 'Paso de política aplicado',
  PasoPolitica: 'Paso de política',
  PausaEscalamiento: 'Pausa de escalamiento',
  PoliticaCredito: 'Política de crédito',
  ReglaAsignacion: 'Regla de asignación',
  Tarea: 'Tarea',
  TipoActividad: 'Tipo de actividad',
  ValorDolarEmpresa: 'Valor del dólar',
  ValorUfEmpresa: 'Valor UF',
  LoteDocumentos: 'Lote de documentos',
  Usuario: 'Usuario',
  Membresia: 'Rol de usuario',
  ApiKey: 'API key',
  Empresa: 'Empresa',
};

const operaciones: Record<string, string> = {
  crear: 'Creación',
  modificar: 'Modificación',
  eliminar: 'Eliminación',
  importar: 'Importación',
};

/** Words of a PascalCase/camelCase name: `FechaVencimiento` → `fecha vencimiento`. */
function palabras(nombre: string): string {
  return nombre
    .replace(/([a-záéíóúñ0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

const conAcento: Record<string, string> = {
  razon: 'razón',
  emision: 'emisión',
  region: 'región',
  telefono: 'teléfono',
  credito: 'crédito',
  limite: 'límite',
  dias: 'días',
  aplicacion: 'aplicación',
  compensacion: 'compensación',
  observacion: 'observación',
  descripcion: 'descripción',
  numero: 'número',
  codigo: 'código',
  ultimo: 'último',
  proximo: 'próximo',
  fantasia: 'fantasía',
  garantia: 'garantía',
  categoria: 'categoría',
  periodo: 'período',
  anulacion: 'anulación',
  creacion: 'creación',
  actualizacion: 'actualización',
};

export function nombreEntidad(entidad: string): string {
  return entidades[entidad] ?? capitalizar(palabras(entidad));
}

export function nombreOperacion(operacion: string): string {
  return operaciones[operacion] ?? capitalizar(operacion);
}

/** A field as a person reads it: `FechaVencimiento` → `Fecha vencimiento`, `ClienteId` → `Cliente`. */
export function nombreCampo(campo: string): string {
  const sinId = campo.length > 2 && campo.endsWith('Id') ? campo.slice(0, -2) : campo;
  return capitalizar(
    palabras(sinId)
      .split(' ')
      .map((p) => conAcento[p] ?? p)
      .join(' '),
  );
}

function capitalizar(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Technical fields a person has no use for: concurrency tokens, the company and the row's own id. */
export function campoOculto(campo: string): boolean {
  return /^(xmin|version|rowversion|concurrencystamp|empresaid|id)$/i.test(campo);
}

const esMonto = /(monto|saldo|total|neto|iva|exento|importe|limite|castigado|aplicado|aFavor)/i;
const esRut = /^rut/i;

/** A value of the snapshot as text for a person: dates, money, RUTs and yes/no in es-CL. */
export function valorLegible(campo: string, valor: unknown): string {
  if (valor === undefined) return '';
  if (valor === null || valor === '') return '—';
  if (typeof valor === 'boolean') return valor ? 'Sí' : 'No';
  if (typeof valor === 'number' || (typeof valor === 'string' && /^-?\d+(\.\d+)?$/.test(valor))) {
    if (esMonto.test(campo) && !/moneda|dias|porcentaje|tasa/i.test(campo)) return formatearPesos(valor);
    if (typeof valor === 'number') return formatearNumero(valor);
  }
  if (typeof valor === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(valor)) return formatearFecha(valor);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(valor)) return formatearFechaHora(valor);
    if (esRut.test(campo)) return formatearRut(valor);
    return valor;
  }
  return JSON.stringify(valor);
}

function parsear(json: string | null | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const campo = (o: Record<string, unknown>, ...nombres: string[]) => {
  for (const n of nombres) {
    const k = Object.keys(o).find((x) => x.toLowerCase() === n.toLowerCase());
    if (k && o[k] !== null && o[k] !== undefined && o[k] !== '') return o[k];
  }
  return undefined;
};

/** Entities whose gender makes "eliminado" read "eliminada". */
const femeninas = new Set([
  'Actividad',
  'Alerta',
  'Aplicacion',
  'AsignacionCliente',
  'Cartera',
  'Compensacion',
  'ConfiguracionCartera',
  'ConfiguracionGestion',
  'ConfiguracionNotificaciones',
  'CuentaDeposito',
  'Cuota',
  'DefinicionNotificacion',
  'Disputa',
  'EtapaCliente',
  'Membresia',
  'PasoAplicado',
  'PasoPolitica',
  'PausaEscalamiento',
  'PoliticaCredito',
  'ReglaAsignacion',
  'Tarea',
  'ApiKey',
  'Empresa',
]);

/**
 * What the entry is about, named as a person knows it (from the snapshot, not the UUID): the client's name, the
 * document's folio, a person's name or e-mail; and the screen that shows it, when there is one. Without a name in the
 * snapshot it says what the record belongs to ("Cuota 2 del documento", "Ver cliente") or that it was deleted, never
 * a piece of an id.
 */
export function descripcionRegistro(
  entidad: string,
  entidadId: string,
  antes: string | null | undefined,
  despues: string | null | undefined,
  operacion?: string,
): { texto: string; enlace: string | null } {
  const o = { ...parsear(antes), ...parsear(despues) };
  const razon = campo(o, 'RazonSocial');
  const folio = campo(o, 'Folio');
  const nombre = campo(
    o,
    'Nombre',
    'Email',
    'Segmento',
    'Etiqueta',
    'Titulo',
    'Asunto',
    'Descripcion',
    'Codigo',
  );
  const rut = campo(o, 'Rut');
  const monto = campo(o, 'Monto');
  const fecha = campo(o, 'Fecha');
  const numero = campo(o, 'Numero');
  let texto: string | undefined;
  if (razon) texto = `${String(razon)}${rut ? ` (${formatearRut(String(rut))})` : ''}`;
  else if (folio !== undefined) texto = `N° ${String(folio)}`;
  else if (nombre) texto = String(nombre);
  else if (monto !== undefined)
    texto = `${formatearPesos(monto as number)}${fecha ? ` del ${formatearFecha(String(fecha))}` : ''}`;
  else if (rut) texto = formatearRut(String(rut));
  else if (entidad === 'Cuota' && numero !== undefined) texto = `Cuota ${String(numero)}`;
  const esUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(entidadId);
  const rutas: Record<string, string> = {
    Cliente: '/clientes/',
    Documento: '/cartera/documentos/',
    Pago: '/cartera/pagos/',
    Compensacion: '/cartera/compensaciones/',
  };
  const eliminado = operacion === 'eliminar';
  const clienteId = campo(o, 'ClienteId');
  const documentoId = campo(o, 'DocumentoId');
  const pagoId = campo(o, 'PagoId');
  const enlace =
    esUuid && rutas[entidad] && !eliminado
      ? `${rutas[entidad]}${entidadId}`
      : typeof documentoId === 'string'
        ? `/cartera/documentos/${documentoId}`
        : typeof pagoId === 'string'
          ? `/cartera/pagos/${pagoId}`
          : typeof clienteId === 'string'
            ? `/clientes/${clienteId}`
            : null;
  if (texto) return { texto, enlace };
  return {
    texto: sinNombre(entidad, eliminado, { documentoId, pagoId, clienteId }, !!(esUuid && rutas[entidad])),
    enlace,
  };
}

/** A record whose snapshot names nothing: what it belongs to, or that it is gone. */
function sinNombre(
  entidad: string,
  eliminado: boolean,
  ids: { documentoId: unknown; pagoId: unknown; clienteId: unknown },
  tienePantalla: boolean,
): string {
  const nombre = nombreEntidad(entidad);
  if (eliminado) return `${nombre} ${femeninas.has(entidad) ? 'eliminada' : 'eliminado'}`;
  if (entidad.startsWith('Configuracion')) return 'Configuración de la empresa';
  if (tienePantalla) return `Ver ${nombre.toLowerCase()}`;
  if (typeof ids.documentoId === 'string') return `${nombre} de un documento`;
  if (typeof ids.pagoId === 'string') return `${nombre} de un pago`;
  if (typeof ids.clienteId === 'string') return `${nombre} de un cliente`;
  return `${nombre} (sin nombre registrado)`;
}

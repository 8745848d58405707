/**
 * Column mapping of an uploaded sheet: reads the header row of a CSV in the browser and suggests,
 * for each field the API expects, the file's column that names it. Header names are compared as the
 * server compares them (LectorTabla.Normalizar): without accents, spaces or punctuation, lowercase.
 */

/** `"Fecha Emisión"`, `fecha_emision` and `fechaEmision` → `fechaemision`. */
export function normalizarEncabezado(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

const SEPARADORES = [',', ';', '\t', '|'] as const;

/** The separator (`,` `;` tab `|`) that appears most often outside quotes in the first line. */
export function detectarSeparador(texto: string): string {
  let mejor: string = ',';
  let maximo = 0;
  for (const s of SEPARADORES) {
    let n = 0;
    let comillas = false;
    for (const c of texto) {
      if (c === '"') comillas = !comillas;
      else if (!comillas && (c === '\n' || c === '\r')) break;
      else if (!comillas && c === s) n++;
    }
    if (n > maximo) {
      maximo = n;
      mejor = s;
    }
  }
  return mejor;
}

/** The first `maximo` records of a CSV text (RFC 4180 quotes, CRLF or LF, BOM skipped). */
export function leerFilasCsv(
  texto: string,
  maximo: number,
  separador = detectarSeparador(texto),
): string[][] {
  const filas: string[][] = [];
  let fila: string[] = [];
  let celda = '';
  let comillas = false;
  const s = texto.replace(/^\uFEFF/, '');
  const cerrarFila = () => {
    fila.push(celda);
    if (fila.some((c) => c.trim() !== '')) filas.push(fila);
    fila = [];
    celda = '';
  };
  for (let i = 0; i < s.length && filas.length < maximo; i++) {
    const c = s[i];
    if (comillas) {
      if (c === '"' && s[i + 1] === '"') {
        celda += '"';
        i++;
      } else if (c === '"') comillas = false;
      else celda += c;
    } else if (c === '"') comillas = true;
    else if (c === separador) {
      fila.push(celda);
      celda = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      cerrarFila();
    } else celda += c;
  }
  // A last record without a line break (or cut where the browser stopped reading).
  if (filas.length < maximo && (celda !== '' || fila.length > 0) && !comillas) cerrarFila();
  return filas.slice(0, maximo);
}

/** Header row of a CSV (trimmed, without empty trailing names) and its first data row, if any. */
export function leerEncabezadosCsv(texto: string): { encabezados: string[]; ejemplo: string[] | null } {
  const [encabezado, ejemplo] = leerFilasCsv(texto, 2);
  const encabezados = (encabezado ?? []).map((e) => e.trim());
  while (encabezados.length > 0 && encabezados[encabezados.length - 1] === '') encabezados.pop();
  return { encabezados, ejemplo: ejemplo ?? null };
}

export interface CampoMapeable {
  campo: string;
  /** Other names the column usually has in ERP exports and spreadsheets. */
  sinonimos?: readonly string[];
}

/**
 * For each field, the file's column that names it: first exact names (the field or a synonym, normalised),
 * then a column whose name contains the field's name. A column is suggested for one field only.
 */
export function sugerirMapeo(
  campos: readonly CampoMapeable[],
  encabezados: readonly string[],
): Record<string, string | null> {
  const libres = new Map(encabezados.filter((e) => e.trim()).map((e) => [e, normalizarEncabezado(e)]));
  const r: Record<string, string | null> = Object.fromEntries(campos.map((c) => [c.campo, null]));
  const tomar = (campo: string, coincide: (n: string) => boolean) => {
    for (const [e, n] of libres)
      if (coincide(n)) {
        r[campo] = e;
        libres.delete(e);
        return;
      }
  };
  for (const c of campos) tomar(c.campo, (n) => n === normalizarEncabezado(c.campo));
  for (const c of campos) {
    if (r[c.campo]) continue;
    const nombres = (c.sinonimos ?? []).map(normalizarEncabezado);
    tomar(c.campo, (n) => nombres.includes(n));
  }
  for (const c of campos) {
    const propio = normalizarEncabezado(c.campo);
    if (r[c.campo] || propio.length < 4) continue;
    tomar(c.campo, (n) => n.includes(propio));
  }
  return r;
}

/** The `mapeo` the API takes: `{campo: columna}` for every field with a column chosen. */
export function mapeoParaEnviar(mapeo: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mapeo).filter((e): e is [string, string] => !!e[1] && e[1].trim() !== ''),
  );
}

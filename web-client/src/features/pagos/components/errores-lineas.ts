import { esApiError } from '@/api/errors';
import { sinRegla } from '@/lib/errores-formulario';

/**
 * Server errors of manual application lines (`aplicaciones[1].monto`, `aplicaciones[1].documentoId`)
 * keyed by the document id of the line, given the document ids in the order they were sent.
 */
export function erroresPorLinea(error: unknown, documentos: readonly string[]): Record<string, string> {
  const r: Record<string, string> = {};
  if (!esApiError(error)) return r;
  for (const [clave, mensajes] of Object.entries(error.errores)) {
    const m = /^aplicaciones\[(\d+)\]/i.exec(clave);
    const id = m ? documentos[Number(m[1])] : undefined;
    if (id) r[id] = [r[id], ...mensajes.map(sinRegla)].filter(Boolean).join(' ');
  }
  return r;
}

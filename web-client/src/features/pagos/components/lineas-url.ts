import { numeroONulo } from '@/lib/formulario';

/** `["<id>:<monto>", …]` → `{id: monto}`, keeping only positive amounts. */
export function lineasDesdeUrl(valores: readonly string[]): Record<string, number> {
  const lineas: Record<string, number> = {};
  for (const v of valores) {
    const [id, monto] = v.split(':');
    const n = numeroONulo(monto);
    if (id && n !== null && n > 0) lineas[id] = n;
  }
  return lineas;
}

import { aNumero } from '@/lib/formato';

export type Direccion = 'asc' | 'desc';

/**
 * Sorts report rows by a column: numbers (also numeric strings, as .NET may send decimals) by value, texts in
 * Spanish order; empty values always last. Returns a new array.
 */
export function ordenarFilas<T>(filas: readonly T[], valor: (f: T) => unknown, direccion: Direccion): T[] {
  const factor = direccion === 'asc' ? 1 : -1;
  const comparador = new Intl.Collator('es-CL', { sensitivity: 'base', numeric: true });
  return [...filas]
    .map((f, i) => ({ f, i, v: valor(f) }))
    .sort((a, b) => {
      const va = a.v;
      const vb = b.v;
      const vacioA = va === null || va === undefined || va === '';
      const vacioB = vb === null || vb === undefined || vb === '';
      if (vacioA || vacioB) return vacioA === vacioB ? a.i - b.i : vacioA ? 1 : -1;
      const na =
        typeof va === 'string' && !/^-?\d+(\.\d+)?$/.test(va) ? null : aNumero(va as number | string);
      const nb =
        typeof vb === 'string' && !/^-?\d+(\.\d+)?$/.test(vb) ? null : aNumero(vb as number | string);
      const r = na !== null && nb !== null ? na - nb : comparador.compare(String(va), String(vb));
      return r !== 0 ? r * factor : a.i - b.i;
    })
    .map((x) => x.f);
}

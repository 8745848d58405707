/** Moves the item at `desde` to `hasta` (drag and drop, or one place up/down); out-of-range moves change nothing. */
export function mover<T>(lista: readonly T[], desde: number, hasta: number): T[] {
  if (desde < 0 || desde >= lista.length || hasta < 0 || hasta >= lista.length || desde === hasta)
    return [...lista];
  const copia = [...lista];
  const [item] = copia.splice(desde, 1) as [T];
  copia.splice(hasta, 0, item);
  return copia;
}

/** Adds a client once, at the end. */
export function agregar(lista: readonly string[], id: string): string[] {
  return lista.includes(id) ? [...lista] : [...lista, id];
}

export function quitar(lista: readonly string[], id: string): string[] {
  return lista.filter((x) => x !== id);
}

const radioTierraKm = 6371.0088;

/** Great-circle distance in km (the server's haversine), for the planner's running total. */
export function distanciaKm(a: [number, number], b: [number, number]): number {
  const rad = (g: number) => (g * Math.PI) / 180;
  const dLat = rad(b[0] - a[0]);
  const dLon = rad(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2;
  return 2 * radioTierraKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The length of the route in this order from the start (points without location are skipped). */
export function largoKm(inicio: [number, number] | null, puntos: ([number, number] | null)[]): number {
  let total = 0;
  let previo = inicio;
  for (const p of puntos) {
    if (!p) continue;
    if (previo) total += distanciaKm(previo, p);
    previo = p;
  }
  return total;
}

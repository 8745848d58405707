/** The API's business time zone: every "today" (cut-offs, default dates, overdue days) is the date in Santiago. */
export const ZONA_NEGOCIO = 'America/Santiago';

const partes = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONA_NEGOCIO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Today's business date (`yyyy-mm-dd`) in Santiago, whatever the browser's time zone: at 22:00 in Santiago it is
 * already tomorrow in UTC, and the server would call a payment dated "tomorrow" a future one.
 */
export function hoySantiago(ahora: Date = new Date()): string {
  const p = Object.fromEntries(partes.formatToParts(ahora).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hoySantiago } from '@/lib/fecha-negocio';

// The browser's own zone must not matter: each case runs with the process in a zone far from Santiago too.

describe('hoySantiago', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  const casos: [string, string, string][] = [
    // Summer (UTC-3): Santiago's midnight is 03:00 UTC.
    ['2026-11-29T02:59:59Z', '2026-11-28', 'verano: 23:59:59 en Santiago, ya el 29 en UTC'],
    ['2026-11-29T03:00:00Z', '2026-11-29', 'verano: medianoche en Santiago'],
    // Winter (UTC-4): Santiago's midnight is 04:00 UTC.
    ['2027-06-15T03:59:59Z', '2027-06-14', 'invierno: 23:59:59 en Santiago'],
    ['2027-06-15T04:00:00Z', '2027-06-15', 'invierno: medianoche en Santiago'],
    // End of DST, first Sunday of April 2027: 00:00 -03 goes back to 23:00 -04 on Saturday 3 April.
    ['2027-04-04T02:59:59Z', '2027-04-03', 'abril: último segundo del horario de verano'],
    ['2027-04-04T03:00:00Z', '2027-04-03', 'abril: la hora 23 del sábado se repite'],
    ['2027-04-04T03:59:59Z', '2027-04-03', 'abril: fin de la hora repetida'],
    ['2027-04-04T04:00:00Z', '2027-04-04', 'abril: medianoche del domingo en hora de invierno'],
    // Start of DST, first Sunday of September 2027: 00:00 -04 jumps to 01:00 -03 (Sunday's midnight never happens).
    ['2027-09-05T03:59:59Z', '2027-09-04', 'septiembre: último segundo del sábado'],
    ['2027-09-05T04:00:00Z', '2027-09-05', 'septiembre: el domingo empieza a la 01:00'],
    ['2027-09-05T05:30:00Z', '2027-09-05', 'septiembre: 02:30 del domingo'],
  ];

  // Minutes behind UTC of each browser zone on 1 January 2027 (Date#getTimezoneOffset), to prove the zone really changed.
  const desfaseEnero: Record<string, number> = {
    UTC: 0,
    'Asia/Tokyo': -540,
    'Pacific/Honolulu': 600,
    'America/Santiago': 180,
  };
  for (const zona of Object.keys(desfaseEnero)) {
    it.each(casos)(`con el navegador en ${zona}, %s es %s en Santiago (%s)`, (instante, esperado) => {
      vi.stubEnv('TZ', zona);
      expect(new Date('2027-01-01T12:00:00Z').getTimezoneOffset()).toBe(desfaseEnero[zona]);
      vi.setSystemTime(new Date(instante));
      expect(hoySantiago()).toBe(esperado);
      expect(hoySantiago(new Date(instante))).toBe(esperado);
    });
  }

  it('sigue al reloj: un segundo después de la medianoche de Santiago cambia el día', () => {
    vi.stubEnv('TZ', 'UTC');
    vi.setSystemTime(new Date('2026-12-31T02:59:59Z'));
    expect(hoySantiago()).toBe('2026-12-30');
    vi.setSystemTime(new Date('2026-12-31T03:00:00Z'));
    expect(hoySantiago()).toBe('2026-12-31');
  });
});

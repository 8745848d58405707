import { describe, expect, it } from 'vitest';
import { describirEjecucion } from '@/features/notificaciones-definiciones/api/use-ejecutar-definicion';

describe('describirEjecucion', () => {
  it('dice cuántos correos quedaron en cola, en singular y plural', () => {
    expect(describirEjecucion({ encolados: 1, omitidos: 0, yaEnviados: 0 })).toBe(
      '1 correo en cola de envío.',
    );
    expect(describirEjecucion({ encolados: 12, omitidos: 0, yaEnviados: 0 })).toBe(
      '12 correos en cola de envío.',
    );
  });

  it('explica los omitidos y los que ya la recibieron hoy', () => {
    expect(describirEjecucion({ encolados: 0, omitidos: 2, yaEnviados: 1 })).toBe(
      '0 correos en cola de envío; 2 clientes omitidos (sin contacto o por las reglas de contacto); 1 cliente ya recibió esta notificación hoy.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { lineasDesdeUrl } from '@/features/pagos/components/lineas-url';

describe('lineasDesdeUrl', () => {
  it('lee documento:monto y descarta montos vacíos, cero o inválidos', () => {
    expect(lineasDesdeUrl(['d1:1500', 'd2:0', 'd3:abc', ':10', 'd4:20.5'])).toEqual({ d1: 1500, d4: 20.5 });
  });
});

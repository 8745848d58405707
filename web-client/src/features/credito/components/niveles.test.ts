import { describe, expect, it } from 'vitest';
import { errorNiveles, type NivelEditable, nivelPara } from '@/features/credito/components/niveles';

const porDefecto: NivelEditable[] = [
  { nombre: 'Supervisor', hastaUf: 100, rolMinimo: 'Supervisor', aprobadoresRequeridos: 1 },
  { nombre: 'Gerencia', hastaUf: 1000, rolMinimo: 'Administrador', aprobadoresRequeridos: 1 },
  { nombre: 'Comité de crédito', hastaUf: null, rolMinimo: 'Supervisor', aprobadoresRequeridos: 3 },
];

describe('niveles de aprobación', () => {
  it('el tope de cada nivel lo incluye y un décimo de milésima más pasa al siguiente', () => {
    expect(nivelPara(porDefecto, 100)?.nombre).toBe('Supervisor');
    expect(nivelPara(porDefecto, 100.0001)?.nombre).toBe('Gerencia');
    expect(nivelPara(porDefecto, 1000)?.nombre).toBe('Gerencia');
    expect(nivelPara(porDefecto, 1000.0001)?.nombre).toBe('Comité de crédito');
  });

  it('acepta topes crecientes con el último abierto', () => {
    expect(errorNiveles(porDefecto)).toBeNull();
  });

  it('rechaza topes que no crecen, un nivel final con tope o uno intermedio sin tope', () => {
    const [supervisor, gerencia, comite] = porDefecto as [NivelEditable, NivelEditable, NivelEditable];
    expect(errorNiveles([gerencia, supervisor, comite])).toMatch(/crecer/);
    expect(errorNiveles(porDefecto.slice(0, 2))).toMatch(/último nivel/);
    expect(errorNiveles([comite, comite])).toMatch(/Sólo el último/);
    expect(errorNiveles([])).toMatch(/al menos/);
  });
});

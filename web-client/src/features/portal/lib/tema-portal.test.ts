import { describe, expect, it } from 'vitest';
import { TEXTO_ATENUADO, contraste, contrastesMarca } from '@/lib/contraste';
import { ACENTO_POR_DEFECTO, PRIMARIO_POR_DEFECTO, marcaPortal } from '@/features/portal/lib/tema-portal';

describe('marcaPortal', () => {
  it('usa los colores de la empresa cuando cumplen AA', () => {
    const m = marcaPortal('#7A1F3D', '#FFF8F0');
    expect(m.primario).toBe('#7a1f3d');
    expect(m.acento).toBe('#fff8f0');
    expect(m.tema.primaryColor).toBe('marca');
    expect(m.tema.colors?.marca?.[8]).toBe('#7a1f3d');
    expect(m.variables['--mantine-primary-color-filled']).toBe('#7a1f3d');
    expect(m.variables['--mantine-color-marca-filled']).toBe('#7a1f3d');
  });

  it('oscurece un primario claro y aclara un acento oscuro hasta 4.5:1', () => {
    const m = marcaPortal('#ffcc00', '#5a6470');
    expect(contraste(m.primario, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contraste(m.acento, TEXTO_ATENUADO)).toBeGreaterThanOrEqual(4.5);
    expect(
      contraste(
        m.variables['--mantine-primary-color-light-color']!,
        m.variables['--mantine-primary-color-light-hover']!,
      ),
    ).toBeGreaterThanOrEqual(4.5);
  });

  it('sin colores o con colores inválidos usa los de siempre', () => {
    expect(marcaPortal(undefined, null)).toMatchObject({
      primario: PRIMARIO_POR_DEFECTO,
      acento: ACENTO_POR_DEFECTO,
    });
    expect(marcaPortal('red', '#12345')).toMatchObject({
      primario: PRIMARIO_POR_DEFECTO,
      acento: ACENTO_POR_DEFECTO,
    });
  });
});

describe('contrastesMarca', () => {
  it('dice si el texto se lee sobre cada color', () => {
    expect(contrastesMarca('#1c4e80', '#e8f0f8').cumple).toBe(true);
    const malo = contrastesMarca('#ffcc00', '#ffffff');
    expect(malo.cumple).toBe(false);
    expect(malo.sobrePrimario).toBeLessThan(4.5);
    expect(contrastesMarca('#1c4e8', '#ffffff').sobrePrimario).toBe(0);
  });
});

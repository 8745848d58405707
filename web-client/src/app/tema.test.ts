import { DEFAULT_THEME } from '@mantine/core';
import { contraste, mezclar, tema, variablesAccesibles } from '@/app/tema';

describe('tema accesible', () => {
  const { light } = variablesAccesibles({ ...DEFAULT_THEME, ...tema } as never);
  const gris1 = DEFAULT_THEME.colors.gray[1];

  it('gives every colour text and labels of at least 4.5:1 on the surfaces the app uses', () => {
    const nombres = Object.keys(DEFAULT_THEME.colors);
    expect(nombres.length).toBeGreaterThanOrEqual(14);
    for (const nombre of nombres) {
      const texto = light[`--mantine-color-${nombre}-text`]!;
      const relleno = light[`--mantine-color-${nombre}-filled`]!;
      const claro = light[`--mantine-color-${nombre}-light-color`]!;
      expect(contraste(texto, '#ffffff'), `${nombre} texto`).toBeGreaterThanOrEqual(4.5);
      expect(contraste(texto, gris1), `${nombre} texto sobre gris`).toBeGreaterThanOrEqual(4.5);
      expect(contraste('#ffffff', relleno), `${nombre} relleno`).toBeGreaterThanOrEqual(4.5);
      // A light badge: 10 % of the colour over the row.
      const fondoBadge = mezclar(DEFAULT_THEME.colors[nombre]![8], gris1, 0.1);
      expect(contraste(claro, fondoBadge), `${nombre} badge`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contraste(light['--mantine-color-dimmed']!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contraste(light['--mantine-color-placeholder']!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contraste(light['--mantine-color-anchor']!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('measures contrast as WCAG does', () => {
    expect(contraste('#000000', '#ffffff')).toBeCloseTo(21, 5);
    // Mantine's default blue.6 on white, the 3.5:1 the review measured.
    expect(contraste(DEFAULT_THEME.colors.blue[6], '#ffffff')).toBeLessThan(4.5);
  });
});

import {
  Anchor,
  Badge,
  DEFAULT_THEME,
  TableScrollContainer,
  createTheme,
  type CSSVariablesResolver,
} from '@mantine/core';
import { legible, mezclar } from '@/lib/contraste';

export { contraste, legible, luminancia, mezclar } from '@/lib/contraste';

const blanco = '#ffffff';
/** Light surfaces text sits on: white, Mantine's gray.0 (striped rows, cards) and gray.1 (hovered rows). */
const fondoMasOscuro = DEFAULT_THEME.colors.gray[1];

/**
 * Mantine's default light palette puts text and white labels on shade 6, 3–4.5:1 for blue and 2:1 for yellow.
 * Every text use of a colour (plain text, links, light/outline/subtle badges and buttons, white text on filled
 * ones) is set here to the theme colour darkened to at least 4.6:1, so status badges, links and the primary button
 * pass WCAG AA whatever colour a screen picks.
 */
export const variablesAccesibles: CSSVariablesResolver = () => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': DEFAULT_THEME.colors.gray[7],
    // Placeholders and empty-state hints (Mantine's gray.5 is 2:1): still lighter than text, at 4.7:1.
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-anchor': legible(DEFAULT_THEME.colors.blue[8], fondoMasOscuro),
  };
  for (const [nombre, tonos] of Object.entries(DEFAULT_THEME.colors)) {
    const base = tonos[8];
    const fondoClaro = mezclar(base, fondoMasOscuro, 0.1);
    const texto = legible(base, mezclar(base, fondoMasOscuro, 0.12));
    const relleno = legible(base, blanco);
    light[`--mantine-color-${nombre}-text`] = texto;
    light[`--mantine-color-${nombre}-light-color`] = legible(base, fondoClaro);
    light[`--mantine-color-${nombre}-outline`] = texto;
    light[`--mantine-color-${nombre}-filled`] = relleno;
    light[`--mantine-color-${nombre}-filled-hover`] = mezclar(relleno, '#000000', 0.88);
  }
  return { variables: {}, light, dark: {} };
};

export const tema = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // A table wider than the screen scrolls in its own box: reachable with the keyboard (WCAG 2.1.1).
    TableScrollContainer: TableScrollContainer.extend({ defaultProps: { type: 'native', tabIndex: 0 } }),
    // Links are underlined: inside a sentence colour alone does not tell them apart (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // A status badge is never cut ("INVITACIÓN PEN…"): it keeps its text's width in narrow cells and flex rows.
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
  },
});

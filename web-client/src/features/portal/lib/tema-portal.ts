import { colorsTuple, type MantineThemeOverride } from '@mantine/core';
import { TEXTO_ATENUADO, aclarar, esColorHex, legible, mezclar } from '@/lib/contraste';

export const PRIMARIO_POR_DEFECTO = '#1c4e80';
export const ACENTO_POR_DEFECTO = '#e8f0f8';
const BLANCO = '#ffffff';
const AA = 4.5;

export interface MarcaPortal {
  /** Header and filled buttons, under white text. */
  primario: string;
  /** The page's background, under dark and dimmed text. */
  acento: string;
  tema: MantineThemeOverride;
  /** CSS variables of the `marca` colour and of the primary colour, set on the document while the portal is shown. */
  variables: Record<string, string>;
}

/**
 * The portal's Mantine theme from the company's colours. The API refuses colours below WCAG AA, but the portal still
 * adjusts whatever it receives (darker primary, lighter accent) so its text never falls under 4.5:1.
 */
export function marcaPortal(colorPrimario?: string | null, colorAcento?: string | null): MarcaPortal {
  const primario = legible(
    esColorHex(colorPrimario) ? colorPrimario.toLowerCase() : PRIMARIO_POR_DEFECTO,
    BLANCO,
    AA,
  );
  const acento = aclarar(
    esColorHex(colorAcento) ? colorAcento.toLowerCase() : ACENTO_POR_DEFECTO,
    TEXTO_ATENUADO,
    AA,
  );
  const hover = mezclar(primario, '#000000', 0.88);
  const claro = mezclar(primario, BLANCO, 0.1);
  const claroHover = mezclar(primario, BLANCO, 0.16);
  const textoClaro = legible(primario, claroHover, 4.6);
  const variables: Record<string, string> = {};
  for (const prefijo of ['--mantine-primary-color', '--mantine-color-marca']) {
    variables[`${prefijo}-filled`] = primario;
    variables[`${prefijo}-filled-hover`] = hover;
    variables[`${prefijo}-light`] = claro;
    variables[`${prefijo}-light-hover`] = claroHover;
    variables[`${prefijo}-light-color`] = textoClaro;
  }
  variables['--mantine-primary-color-contrast'] = BLANCO;
  variables['--mantine-color-marca-text'] = textoClaro;
  variables['--mantine-color-marca-outline'] = textoClaro;
  variables['--mantine-color-marca-outline-hover'] = claro;
  for (let i = 0; i < 10; i++) {
    variables[`--mantine-primary-color-${i}`] = primario;
    variables[`--mantine-color-marca-${i}`] = primario;
  }
  return {
    primario,
    acento,
    tema: {
      primaryColor: 'marca',
      primaryShade: { light: 8, dark: 8 },
      colors: { marca: colorsTuple(primario) },
    },
    variables,
  };
}

import type { UseFormReturnType } from '@mantine/form';
import { erroresDeCampos } from '@/lib/errores-formulario';
import { notificarError } from '@/lib/notificar';

/**
 * Shows an API error on a Mantine form: field errors at their fields (matching the camelCase
 * keys of the problem details), everything else (and `detail`) in a notification.
 */
export function mostrarErrorEnFormulario<T>(
  form: UseFormReturnType<T>,
  error: unknown,
  campos?: readonly string[],
): void {
  const conocidos = campos ?? Object.keys(form.getValues() as object);
  const { campos: deCampos, otros } = erroresDeCampos(error, conocidos);
  const hayDeCampos = Object.keys(deCampos).length > 0;
  if (hayDeCampos) form.setErrors(deCampos);
  if (!hayDeCampos) notificarError(error);
  else if (otros.length > 0) notificarError(new Error(otros.join(' ')));
}

/** Empty string → null, trimmed otherwise. */
export function vacioANulo(valor: string | null | undefined): string | null {
  const t = (valor ?? '').trim();
  return t === '' ? null : t;
}

/** '' / undefined → null, number otherwise (Mantine NumberInput gives string | number). */
export function numeroONulo(valor: string | number | null | undefined): number | null {
  if (valor === '' || valor === null || valor === undefined) return null;
  const n = typeof valor === 'number' ? valor : Number(String(valor).replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Password rule of the platform: at least 8 characters with upper case, lower case and a digit. */
export function errorContrasena(password: string): string | null {
  if (password.length < 8) return 'Debe tener al menos 8 caracteres.';
  if (!/[A-ZÁÉÍÓÚÑ]/.test(password)) return 'Debe incluir al menos una mayúscula.';
  if (!/[a-záéíóúñ]/.test(password)) return 'Debe incluir al menos una minúscula.';
  if (!/\d/.test(password)) return 'Debe incluir al menos un dígito.';
  return null;
}

/** Why the URL cannot be a receiver, before the server checks where it resolves to. */
export function errorUrl(url: string): string | null {
  const texto = url.trim();
  if (!texto) return 'Indique la URL del receptor.';
  let u: URL;
  try {
    u = new URL(texto);
  } catch {
    return 'La URL debe ser absoluta, por ejemplo https://erp.empresa.cl/webhooks.';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'La URL debe ser http o https.';
  if (u.username || u.password) return 'La URL no puede llevar usuario ni contraseña.';
  return null;
}

const CLAVE = 'cobranzas.token';

type Oyente = (token: string | null) => void;
const oyentes = new Set<Oyente>();

export function leerToken(): string | null {
  try {
    return localStorage.getItem(CLAVE);
  } catch {
    return null;
  }
}

export function guardarToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(CLAVE, token);
    else localStorage.removeItem(CLAVE);
  } catch {
    // storage unavailable: the session lasts until reload
  }
  oyentes.forEach((o) => o(token));
}

export function alCambiarToken(oyente: Oyente): () => void {
  oyentes.add(oyente);
  return () => oyentes.delete(oyente);
}

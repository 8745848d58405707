import { ApiError, aProblema } from '@/api/errors';
import { leerToken } from '@/lib/token';

/** A photo of the visit (POST /api/v1/terreno/paradas/{id}/fotos, multipart); needs a connection. */
export async function subirFotoVisita(paradaId: string, archivo: File): Promise<void> {
  const datos = new FormData();
  datos.append('archivo', archivo);
  const headers = new Headers();
  const token = leerToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const r = await fetch(`/api/v1/terreno/paradas/${paradaId}/fotos`, {
    method: 'POST',
    headers,
    body: datos,
  });
  if (!r.ok) throw new ApiError(r.status, aProblema(await r.json().catch(() => null), r.status));
}

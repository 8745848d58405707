import { enviarOEncolar } from '../lib/cola-navegador';

/**
 * A photo of the visit (POST /api/v1/terreno/paradas/{id}/fotos, multipart). Without a connection the photo itself is
 * queued on the phone (IndexedDB) after its arrival and report, and sent with its Idempotency-Key when the connection returns.
 */
export function subirFotoVisita(paradaId: string, archivo: File, cliente: string) {
  return enviarOEncolar(
    `/api/v1/terreno/paradas/${paradaId}/fotos`,
    null,
    `Foto de la visita a ${cliente}`,
    crypto.randomUUID(),
    {
      campo: 'archivo',
      nombre: archivo.name || 'foto.jpg',
      tipo: archivo.type || 'application/octet-stream',
      datos: archivo,
    },
  );
}

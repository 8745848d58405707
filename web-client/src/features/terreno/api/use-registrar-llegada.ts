import type { Cuerpo } from '@/api/types';
import { enviarOEncolar } from '../lib/cola-navegador';

/** "Llegué" (POST /api/v1/terreno/paradas/{id}/llegada), queued when offline. */
export function registrarLlegada(
  paradaId: string,
  cuerpo: Cuerpo<'RegistrarLlegadaTerreno'>,
  cliente: string,
) {
  return enviarOEncolar(`/api/v1/terreno/paradas/${paradaId}/llegada`, cuerpo, `Llegada a ${cliente}`);
}

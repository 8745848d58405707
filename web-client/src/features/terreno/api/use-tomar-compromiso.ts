import type { Cuerpo } from '@/api/types';
import { enviarOEncolar } from '../lib/cola-navegador';

/** A promise taken on the spot (POST /api/v1/gestion/compromisos, channel «visita»), queued when offline. */
export function tomarCompromiso(cuerpo: Cuerpo<'TomarCompromiso'>, cliente: string) {
  return enviarOEncolar('/api/v1/gestion/compromisos', cuerpo, `Compromiso de ${cliente}`);
}

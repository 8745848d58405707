import type { Cuerpo } from '@/api/types';
import { enviarOEncolar } from '../lib/cola-navegador';

/** The visit report (POST /api/v1/terreno/paradas/{id}/informe), queued when offline. */
export function informarVisita(paradaId: string, cuerpo: Cuerpo<'InformarVisitaTerreno'>, cliente: string) {
  return enviarOEncolar(
    `/api/v1/terreno/paradas/${paradaId}/informe`,
    cuerpo,
    `Informe de visita a ${cliente}`,
  );
}

import type { Cuerpo, Respuesta } from '@/api/types';
import { enviarOEncolar } from '../lib/cola-navegador';

export type Recibo = Respuesta<'ObtenerReciboTerreno'>;

/** A field payment (POST /api/v1/terreno/recibos): its idempotency key travels in the body and as Idempotency-Key. */
export function registrarPago(
  cuerpo: Omit<Cuerpo<'RegistrarPagoTerreno'>, 'claveIdempotencia'>,
  cliente: string,
) {
  const clave = crypto.randomUUID();
  return enviarOEncolar<Recibo>(
    '/api/v1/terreno/recibos',
    { ...cuerpo, claveIdempotencia: clave },
    `Pago de ${cliente}`,
    clave,
  );
}

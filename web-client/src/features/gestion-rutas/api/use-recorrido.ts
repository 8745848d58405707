import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';

/** The optimised order and the clients' locations, without saving (POST /api/v1/terreno/recorrido). */
export function useRecorrido() {
  return useMutation({
    mutationFn: (cuerpo: Cuerpo<'CalcularRecorridoTerreno'>) =>
      ok(api.POST('/api/v1/terreno/recorrido', { body: cuerpo })),
  });
}

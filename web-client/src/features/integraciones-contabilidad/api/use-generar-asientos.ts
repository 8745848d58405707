import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claveAsientos } from './use-asientos-periodo';

/** POST /api/v1/integraciones/contabilidad/asientos/generar (GenerarAsientosContables): brings the entries up to date now. */
export function useGenerarAsientos() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/api/v1/integraciones/contabilidad/asientos/generar')),
    onSuccess: () => qc.invalidateQueries({ queryKey: claveAsientos }),
  });
}

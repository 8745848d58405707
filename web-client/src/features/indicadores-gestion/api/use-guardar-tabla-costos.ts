import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { clavesIndicadores } from '@/features/indicadores-gestion/api/claves';

/** PUT /api/v1/gestion/costos-cobranza (GuardarTablaCostos): administrators only. */
export function useGuardarTablaCostos() {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (cuerpo: Cuerpo<'GuardarTablaCostos'>) =>
      ok(api.PUT('/api/v1/gestion/costos-cobranza', { body: cuerpo })),
    onSuccess: () => cliente.invalidateQueries({ queryKey: clavesIndicadores.todas }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Cuerpo } from '@/api/types';
import { clavesIndicadores } from '@/features/indicadores-gestion/api/claves';
import { claveConfiguracionGestion } from '@/features/indicadores-gestion/api/use-configuracion-gestion';

/** PUT /api/v1/gestion/configuracion (GuardarConfiguracionGestion): the whole settings, as read, with the changed field. */
export function useGuardarConfiguracionGestion() {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (cuerpo: Cuerpo<'GuardarConfiguracionGestion'>) =>
      ok(api.PUT('/api/v1/gestion/configuracion', { body: cuerpo })),
    onSuccess: () => {
      void cliente.invalidateQueries({ queryKey: claveConfiguracionGestion });
      void cliente.invalidateQueries({ queryKey: clavesIndicadores.todas });
    },
  });
}

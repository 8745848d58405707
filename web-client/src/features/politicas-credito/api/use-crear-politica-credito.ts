import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Cuerpo } from '@/api/types';

export function useCrearPoliticaCredito() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'CrearPoliticaCredito'>) => ok(api.POST('/api/v1/politicas-credito', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.politicas }),
  });
}

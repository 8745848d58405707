import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import type { Respuesta } from '@/api/types';

export type ResultadoEjecucion = Respuesta<'EjecutarPoliticaCobranza'>;

/** Runs the policy now; with `simular` it only answers what it would do (the preview). */
export function useEjecutarPolitica() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (simular: boolean) =>
      ok(api.POST('/api/v1/gestion/politica-cobranza/ejecutar', { body: { simular } })),
    onSuccess: (_r, simular) => {
      // A real run changes stages, tasks, activities and credit states everywhere.
      if (!simular) return qc.invalidateQueries();
    },
  });
}

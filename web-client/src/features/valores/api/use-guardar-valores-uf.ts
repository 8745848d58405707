import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { ApiError, aProblema } from '@/api/errors';
import { claves } from '@/api/claves';
import type { ValorUfPropio } from '@/api/tipos-cartera';

export function useGuardarValoresUf() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (valores: ValorUfPropio[]) => {
      // Always the company's own values: the national series is loaded only by the installation's operator.
      // 204 No Content: nothing to unwrap.
      const { error, response } = await api.PUT('/api/v1/valores-uf', { body: valores });
      if (!response.ok) throw new ApiError(response.status, aProblema(error, response.status));
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.cartera.todo }),
  });
}

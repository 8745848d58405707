import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

export function useRegistrarRecuperoCastigo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (datos: {
      tipo: string;
      folio: number;
      fecha: string;
      monto: number;
      referencia: string | null;
    }) => ok(api.POST('/api/v1/castigos/recuperos', { body: datos })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cartera'] }),
  });
}

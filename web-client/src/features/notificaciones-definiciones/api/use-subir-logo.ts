import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, aProblema } from '@/api/errors';
import { leerToken } from '@/lib/token';
import { claveDefiniciones } from '@/features/notificaciones-definiciones/api/use-definiciones';

export function useSubirLogo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, archivo }: { id: string; archivo: File }) => {
      const form = new FormData();
      form.append('archivo', archivo);
      const headers = new Headers();
      const token = leerToken();
      if (token) headers.set('Authorization', `Bearer ${token}`);
      const r = await fetch(`/api/v1/notificaciones/definiciones/${id}/logo`, {
        method: 'PUT',
        body: form,
        headers,
      });
      const cuerpo: unknown = await r.json().catch(() => null);
      if (!r.ok) throw new ApiError(r.status, aProblema(cuerpo, r.status));
      return cuerpo;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: claveDefiniciones }),
  });
}

import { useMutation } from '@tanstack/react-query';
import { subirFormulario } from '@/api/client';
import { ApiError, aProblema } from '@/api/errors';
import type { ConciliacionFactor } from '@/features/factoring/api/tipos';

/** The factor's statement file (CSV or XLSX) compared with the documents ceded to it; nothing changes. */
export function useConciliar() {
  return useMutation({
    mutationFn: async ({
      factorId,
      archivo,
    }: {
      factorId: string;
      archivo: File;
    }): Promise<ConciliacionFactor> => {
      const fd = new FormData();
      fd.append('factorId', factorId);
      fd.append('archivo', archivo, archivo.name);
      const r = await subirFormulario('/api/v1/factoring/conciliacion', fd);
      if (!r.ok) throw new ApiError(r.status, aProblema(r.cuerpo, r.status));
      return r.cuerpo as ConciliacionFactor;
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { subirFormulario } from '@/api/client';
import { claves } from '@/api/claves';
import { ApiError, aProblema } from '@/api/errors';
import type { Respuesta } from '@/api/types';
import { esResultadoImportacion } from '@/features/cartera/api/use-importar-documentos';

export type ResultadoValoresUf = Respuesta<'ImportarValoresUf'>;

/** POST /api/v1/importaciones/valores-uf (ImportarValoresUf): CSV/XLSX with columns fecha and valor. */
export function useImportarValoresUf() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ archivo, onProgreso }: { archivo: File; onProgreso?: (p: number) => void }) => {
      const fd = new FormData();
      fd.append('archivo', archivo, archivo.name);
      const r = await subirFormulario('/api/v1/importaciones/valores-uf', fd, onProgreso);
      if (esResultadoImportacion<ResultadoValoresUf>(r.cuerpo)) return r.cuerpo;
      throw new ApiError(r.status, aProblema(r.cuerpo, r.status));
    },
    onSuccess: (r) => {
      if (r.aplicado) return qc.invalidateQueries({ queryKey: claves.cartera.todo });
    },
  });
}

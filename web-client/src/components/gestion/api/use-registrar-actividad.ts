import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, subirFormulario } from '@/api/client';
import { ApiError, aProblema } from '@/api/errors';
import type { Cuerpo } from '@/api/types';
import { clavesActividades } from '@/components/gestion/api/claves-actividades';
import { BloqueoContactoError } from '@/components/gestion/registrar-actividad-logica';

/**
 * Logs an activity and then uploads its attachment. A contact the rules forbid comes back as a
 * {@link BloqueoContactoError} carrying the rule and the next allowed moment.
 */
export function useRegistrarActividad() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, archivo }: { body: Cuerpo<'RegistrarActividad'>; archivo?: File | null }) => {
      const { data, error, response } = await api.POST('/api/v1/gestion/actividades', { body });
      if (!response.ok || !data) {
        const crudo = (error ?? {}) as Record<string, unknown>;
        if (response.status === 422 && typeof crudo.codigo === 'string')
          throw new BloqueoContactoError(
            crudo.codigo,
            typeof crudo.detail === 'string' ? crudo.detail : 'Contacto no permitido.',
            typeof crudo.siguientePermitido === 'string' ? crudo.siguientePermitido : null,
          );
        throw new ApiError(response.status, aProblema(error, response.status));
      }
      if (archivo) {
        const formulario = new FormData();
        formulario.append('archivo', archivo);
        const r = await subirFormulario(`/api/v1/gestion/actividades/${data.id}/adjuntos`, formulario);
        if (!r.ok) throw new ApiError(r.status, aProblema(r.cuerpo, r.status));
      }
      return data;
    },
    onSettled: () => qc.invalidateQueries({ queryKey: clavesActividades.todo }),
  });
}

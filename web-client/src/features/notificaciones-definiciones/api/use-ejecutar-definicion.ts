import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';

/** A manual run of a definition now: the same run as its schedule (a client already written today is not written again). */
export function useEjecutarDefinicion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      ok(
        api.POST('/api/v1/notificaciones/definiciones/{id}/ejecutar', {
          params: { path: { id } },
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notificaciones', 'envios'] }),
  });
}

export function describirEjecucion(r: { encolados: number; omitidos: number; yaEnviados: number }) {
  const partes = [
    r.encolados === 1 ? '1 correo en cola de envío' : `${r.encolados} correos en cola de envío`,
  ];
  if (r.omitidos > 0)
    partes.push(
      r.omitidos === 1
        ? '1 cliente omitido (sin contacto o por las reglas de contacto)'
        : `${r.omitidos} clientes omitidos (sin contacto o por las reglas de contacto)`,
    );
  if (r.yaEnviados > 0)
    partes.push(
      r.yaEnviados === 1
        ? '1 cliente ya recibió esta notificación hoy'
        : `${r.yaEnviados} clientes ya la recibieron hoy`,
    );
  return partes.join('; ') + '.';
}

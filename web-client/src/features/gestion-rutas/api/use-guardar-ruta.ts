import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { clavesRutas } from './claves';

interface Plan {
  id: string | null;
  cobradorId: string;
  fecha: string;
  inicio: [number, number] | null;
  clienteIds: string[];
}

/** Saves the plan in the order shown: a new route (POST /api/v1/terreno/rutas) or the day's route reordered (PUT). */
export function useGuardarRuta() {
  const cliente = useQueryClient();
  return useMutation({
    mutationFn: (p: Plan) => {
      const inicio = { inicioLatitud: p.inicio?.[0] ?? null, inicioLongitud: p.inicio?.[1] ?? null };
      return p.id
        ? ok(
            api.PUT('/api/v1/terreno/rutas/{id}', {
              params: { path: { id: p.id } },
              body: { ...inicio, clienteIds: p.clienteIds },
            }),
          )
        : ok(
            api.POST('/api/v1/terreno/rutas', {
              body: {
                cobradorId: p.cobradorId,
                fecha: p.fecha,
                ...inicio,
                clienteIds: p.clienteIds,
                optimizar: false,
              },
            }),
          );
    },
    onSuccess: () => cliente.invalidateQueries({ queryKey: clavesRutas.todo }),
  });
}

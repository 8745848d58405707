import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';
import type { Cuerpo } from '@/api/types';

export function useCrearGrupoClientes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Cuerpo<'CrearGrupoClientes'>) => ok(api.POST('/api/v1/grupos-clientes', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: claves.gruposClientes.todos }),
  });
}

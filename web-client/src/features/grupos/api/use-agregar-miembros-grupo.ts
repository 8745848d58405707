import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { rutasMiembros, type TipoGrupo } from '@/features/grupos/api/tipo-grupo';
import { useInvalidarGrupos } from '@/features/grupos/api/use-invalidar-grupos';

export function useAgregarMiembrosGrupo(tipo: TipoGrupo, id: string) {
  const invalidar = useInvalidarGrupos(tipo);
  return useMutation({
    mutationFn: (ids: string[]) =>
      ok(api.POST(rutasMiembros[tipo].miembros, { params: { path: { id } }, body: { ids } })),
    onSuccess: invalidar,
  });
}

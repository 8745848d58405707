import { useMutation } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { rutasMiembros, type TipoGrupo } from '@/features/grupos/api/tipo-grupo';
import { useInvalidarGrupos } from '@/features/grupos/api/use-invalidar-grupos';

export function useQuitarMiembroGrupo(tipo: TipoGrupo, id: string) {
  const invalidar = useInvalidarGrupos(tipo);
  return useMutation({
    mutationFn: (miembroId: string) =>
      ok(api.DELETE(rutasMiembros[tipo].miembro, { params: { path: { id, miembroId } } })),
    onSuccess: invalidar,
  });
}

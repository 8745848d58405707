import { useQueryClient } from '@tanstack/react-query';
import { afectadosPorGrupo, type TipoGrupo } from '@/features/grupos/api/tipo-grupo';

/** After a change to a group: refreshes its groups and, for client groups, the clients. */
export function useInvalidarGrupos(tipo: TipoGrupo) {
  const qc = useQueryClient();
  return () => Promise.all(afectadosPorGrupo(tipo).map((queryKey) => qc.invalidateQueries({ queryKey })));
}

import { useQueryClient } from '@tanstack/react-query';

/** Collectors, carteras and assignments depend on each other (counts, responsible collector): refresh them together. */
export function useInvalidarGestion() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['gestion'] });
}

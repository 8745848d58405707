import { claves } from '@/api/claves';
import { useImportacion } from '@/api/hooks/use-importacion';
import type { Respuesta } from '@/api/types';

export type ResultadoValoresUf = Respuesta<'ImportarValoresUf'>;

/** POST /api/v1/importaciones/valores-uf (ImportarValoresUf): CSV/XLSX with columns fecha and valor. */
export const useImportarValoresUf = () =>
  useImportacion<ResultadoValoresUf>('/api/v1/importaciones/valores-uf', claves.cartera.todo);

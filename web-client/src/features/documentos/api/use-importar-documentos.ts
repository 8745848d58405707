import { claves } from '@/api/claves';
import { useImportacion } from '@/api/hooks/use-importacion';
import type { Respuesta } from '@/api/types';

export type ResultadoLote = Respuesta<'ImportarDocumentos'>;

/** POST /api/v1/importaciones/documentos (ImportarDocumentos): multipart `archivo` and `mapeo` (JSON). */
export const useImportarDocumentos = () =>
  useImportacion<ResultadoLote>('/api/v1/importaciones/documentos', claves.cartera.todo);

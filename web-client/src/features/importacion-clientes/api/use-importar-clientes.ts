import { claves } from '@/api/claves';
import { useImportacion } from '@/api/hooks/use-importacion';
import type { Respuesta } from '@/api/types';

export type ResultadoImportacion = Respuesta<'ImportarClientes'>;

/** POST /api/v1/importaciones/clientes (ImportarClientes), multipart field `archivo`. */
export const useImportarClientes = () =>
  useImportacion<ResultadoImportacion>('/api/v1/importaciones/clientes', claves.clientes.todos);

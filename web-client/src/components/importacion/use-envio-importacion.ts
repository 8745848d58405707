import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { DatosImportacion, ResultadoImportacionBase } from '@/api/hooks/use-importacion';
import { notificarError, notificarExito } from '@/lib/notificar';

/**
 * State of an import screen: the chosen file, the upload progress and the last result (a failed
 * request clears it). `alAplicar` tells the user about an applied import.
 */
export function useEnvioImportacion<T extends ResultadoImportacionBase>(
  importar: UseMutationResult<T, Error, DatosImportacion>,
  alAplicar: (r: T) => void = () => notificarExito('Importación aplicada.'),
) {
  const [archivo, setArchivo] = useState<File | null>(null);
  const [resultado, setResultado] = useState<T | null>(null);
  const [progreso, setProgreso] = useState<number | null>(null);

  const enviar = async (datos: Omit<DatosImportacion, 'archivo' | 'onProgreso'> = {}) => {
    if (!archivo) return;
    setProgreso(0);
    try {
      const r = await importar.mutateAsync({ ...datos, archivo, onProgreso: setProgreso });
      setResultado(r);
      if (r.aplicado) alAplicar(r);
    } catch (e) {
      setResultado(null);
      notificarError(e, 'No se pudo importar el archivo');
    } finally {
      setProgreso(null);
    }
  };

  return { archivo, setArchivo, resultado, setResultado, progreso, enviar };
}

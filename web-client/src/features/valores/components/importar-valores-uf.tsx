import { Alert, Stack, Text, Title } from '@mantine/core';
import { ArchivoImportacion, ProgresoImportacion } from '@/components/importacion/importacion';
import { TablaErroresImportacion } from '@/components/importacion/tabla-errores-importacion';
import { useEnvioImportacion } from '@/components/importacion/use-envio-importacion';
import { aNumero } from '@/lib/formato';
import { notificarExito } from '@/lib/notificar';
import { useImportarValoresUf } from '@/features/valores/api/use-importar-valores-uf';

/** Upload of a CSV/XLSX of UF values (columns fecha, valor) with the per-row error table. */
export function ImportarValoresUf() {
  const importar = useImportarValoresUf();
  const {
    archivo,
    setArchivo,
    resultado: r,
    setResultado,
    progreso,
    enviar,
  } = useEnvioImportacion(importar, (r) =>
    notificarExito(
      `${aNumero(r.creados) ?? 0} valores nuevos, ${aNumero(r.actualizados) ?? 0} corregidos.`,
      'Valores UF importados',
    ),
  );

  return (
    <Stack>
      <Title order={4}>Importar archivo</Title>
      <Text size="sm" c="dimmed">
        CSV o XLSX con las columnas <code>fecha</code> (aaaa-mm-dd o dd-mm-aaaa) y <code>valor</code>{' '}
        (39.123,45 o 39123.45). Si alguna fila tiene error no se guarda ninguna.
      </Text>
      <ArchivoImportacion
        archivo={archivo}
        onArchivo={(f) => {
          setArchivo(f);
          setResultado(null);
        }}
        onImportar={() => void enviar()}
        cargando={importar.isPending}
        etiqueta="Archivo de valores UF"
        boton="Importar valores"
        variante="light"
      />
      {importar.isPending && (
        <ProgresoImportacion progreso={progreso} etiqueta="Importación de valores UF en curso" />
      )}
      {r &&
        (r.aplicado ? (
          <Alert color="teal" title="Valores UF importados">
            {aNumero(r.filas)} filas: {aNumero(r.creados)} nuevas, {aNumero(r.actualizados)} corregidas,{' '}
            {aNumero(r.sinCambios)} sin cambios.
          </Alert>
        ) : (
          <>
            <Alert color="red" title="No se importó ningún valor">
              El archivo tiene {r.errores.length} error(es). Corríjalo y vuelva a subirlo.
            </Alert>
            <TablaErroresImportacion errores={r.errores} />
          </>
        ))}
    </Stack>
  );
}

import { Alert, Button, FileInput, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { TablaErroresImportacion } from '@/components/importacion/tabla-errores-importacion';
import { aNumero } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import {
  useImportarValoresUf,
  type ResultadoValoresUf,
} from '@/features/valores/api/use-importar-valores-uf';

/** Upload of a CSV/XLSX of UF values (columns fecha, valor) with the per-row error table. */
export function ImportarValoresUf() {
  const [archivo, setArchivo] = useState<File | null>(null);
  const [resultado, setResultado] = useState<ResultadoValoresUf | null>(null);
  const [progreso, setProgreso] = useState<number | null>(null);
  const importar = useImportarValoresUf();

  const enviar = async () => {
    if (!archivo) return;
    setProgreso(0);
    try {
      const r = await importar.mutateAsync({ archivo, onProgreso: setProgreso });
      setResultado(r);
      if (r.aplicado)
        notificarExito(
          `${aNumero(r.creados) ?? 0} valores nuevos, ${aNumero(r.actualizados) ?? 0} corregidos.`,
          'Valores UF importados',
        );
    } catch (e) {
      setResultado(null);
      notificarError(e, 'No se pudo importar el archivo');
    } finally {
      setProgreso(null);
    }
  };

  const r = resultado;
  return (
    <Stack>
      <Title order={4}>Importar archivo</Title>
      <Text size="sm" c="dimmed">
        CSV o XLSX con las columnas <code>fecha</code> (aaaa-mm-dd o dd-mm-aaaa) y <code>valor</code>{' '}
        (39.123,45 o 39123.45). Si alguna fila tiene error no se guarda ninguna.
      </Text>
      <Group align="flex-end">
        <FileInput
          label="Archivo de valores UF"
          placeholder="Seleccione un archivo .csv o .xlsx"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} />}
          value={archivo}
          onChange={(f) => {
            setArchivo(f);
            setResultado(null);
          }}
          clearable
          style={{ flex: 1 }}
        />
        <Button
          variant="light"
          leftSection={<IconUpload size={16} />}
          disabled={!archivo}
          loading={importar.isPending}
          onClick={() => void enviar()}
        >
          Importar valores
        </Button>
      </Group>
      {importar.isPending && (
        <Progress
          value={progreso !== null && progreso < 100 ? progreso : 100}
          animated={progreso === null || progreso >= 100}
          striped
          aria-label="Importación de valores UF en curso"
        />
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

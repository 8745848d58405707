import { Alert, Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useImportarInformesComerciales } from '@/components/clientes/api/use-seguro';
import { TablaErroresImportacion } from '@/components/importacion/tabla-errores-importacion';
import { notificarError } from '@/lib/notificar';

/** Loads the bureau's file onto the clients' draft credit requests (all rows or none). */
export function ImportarInformes() {
  const importar = useImportarInformesComerciales();
  const [archivo, setArchivo] = useState<File | null>(null);
  const r = importar.data;
  return (
    <Card withBorder>
      <Stack>
        <Title order={5}>Importar informes comerciales del bureau</Title>
        <Text size="sm" c="dimmed">
          Archivo CSV o XLSX con las columnas rut, score, protestos, morosidades, dicom_cantidad, dicom_monto
          y fecha. Cada informe queda en la solicitud de crédito en borrador del cliente; si una fila tiene
          errores no se carga ninguna.
        </Text>
        <Group align="flex-end">
          <FileInput
            label="Archivo del bureau"
            accept=".csv,.xlsx"
            value={archivo}
            onChange={setArchivo}
            w={320}
          />
          <Button
            disabled={archivo === null}
            loading={importar.isPending}
            onClick={() =>
              archivo &&
              importar
                .mutateAsync({ archivo })
                .catch((e: unknown) => notificarError(e, 'No se pudo importar'))
            }
          >
            Importar
          </Button>
        </Group>
        {r?.aplicado && (
          <Alert color="teal">
            {r.solicitudesActualizadas} solicitudes actualizadas de {r.filasLeidas} filas.
          </Alert>
        )}
        {r && !r.aplicado && (
          <>
            <Alert color="red">
              No se cargó ningún informe: corrija las filas con error y vuelva a importar.
            </Alert>
            <TablaErroresImportacion errores={r.errores} />
          </>
        )}
      </Stack>
    </Card>
  );
}

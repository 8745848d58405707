import { Alert, Button, Card, Code, FileInput, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { RequierePermiso } from '@/components/auth/requiere-sesion';
import { Pagina } from '@/components/ui/pagina';
import { guardarBlob } from '@/api/client';
import { aNumero } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import {
  useImportarClientes,
  type ResultadoImportacion,
} from '@/features/importacion-clientes/api/use-importar-clientes';
import { columnasImportacion, plantillaCsv } from '@/features/importacion-clientes/components/plantilla';
import { TablaErroresImportacion } from '@/components/importacion/tabla-errores-importacion';

function Cifra({ etiqueta, valor }: { etiqueta: string; valor: number | string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {etiqueta}
      </Text>
      <Text fw={700} size="lg">
        {aNumero(valor)}
      </Text>
    </div>
  );
}

export default function ImportarClientesRoute() {
  const [archivo, setArchivo] = useState<File | null>(null);
  const [resultado, setResultado] = useState<{ r: ResultadoImportacion; parcial: boolean } | null>(null);
  const importar = useImportarClientes();

  const enviar = async (parcial: boolean) => {
    if (!archivo) return;
    try {
      const r = await importar.mutateAsync({ archivo, parcial });
      setResultado({ r, parcial });
      if (r.aplicado) notificarExito('Importación aplicada.');
    } catch (e) {
      setResultado(null);
      notificarError(e, 'No se pudo importar el archivo');
    }
  };

  const r = resultado?.r;
  return (
    <RequierePermiso permiso="editar">
      <Pagina
        titulo="Importar clientes"
        descripcion="Carga masiva de clientes y contactos desde CSV o XLSX; los RUT existentes se actualizan"
        acciones={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() =>
              guardarBlob(
                new Blob([plantillaCsv()], { type: 'text/csv;charset=utf-8' }),
                'plantilla-clientes.csv',
              )
            }
          >
            Descargar plantilla CSV
          </Button>
        }
      >
        <Card withBorder>
          <Stack>
            <Text size="sm">
              Columnas: <Code>{columnasImportacion.join(', ')}</Code>. Obligatorias: rut, razonSocial y
              segmento. Si hay errores, no se importa nada: corrija el archivo y vuelva a subirlo, o importe
              solo las filas válidas.
            </Text>
            <Group align="flex-end">
              <FileInput
                label="Archivo"
                placeholder="Seleccione un archivo .csv o .xlsx"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                leftSection={<IconFileSpreadsheet size={16} />}
                value={archivo}
                onChange={(f) => {
                  setArchivo(f);
                  setResultado(null);
                }}
                clearable
                w={380}
              />
              <Button
                leftSection={<IconUpload size={16} />}
                disabled={!archivo}
                loading={importar.isPending && !importar.variables?.parcial}
                onClick={() => void enviar(false)}
              >
                Importar
              </Button>
            </Group>
          </Stack>
        </Card>
        {r && (
          <Card withBorder>
            <Stack>
              {r.aplicado ? (
                <Alert color="teal" title="Importación aplicada">
                  {r.errores.length > 0
                    ? `Se importaron las filas válidas; ${r.errores.length} error(es) quedaron sin importar.`
                    : 'Todas las filas se procesaron correctamente.'}
                </Alert>
              ) : (
                <Alert color="red" title="No se importó ningún registro">
                  El archivo tiene {r.errores.length} error(es). Corrija el archivo y vuelva a subirlo, o
                  importe solo las filas válidas.
                </Alert>
              )}
              <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
                <Cifra etiqueta="Filas leídas" valor={r.filasLeidas} />
                <Cifra etiqueta="Creados" valor={r.creados} />
                <Cifra etiqueta="Actualizados" valor={r.actualizados} />
                <Cifra etiqueta="Sin cambios" valor={r.sinCambios} />
                <Cifra etiqueta="Contactos creados" valor={r.contactosCreados} />
                <Cifra etiqueta="Contactos actualizados" valor={r.contactosActualizados} />
              </SimpleGrid>
              {r.errores.length > 0 && (
                <>
                  <Group justify="space-between">
                    <Title order={4}>Errores por fila</Title>
                    {!r.aplicado && (
                      <Button
                        color="orange"
                        loading={importar.isPending && !!importar.variables?.parcial}
                        onClick={() => void enviar(true)}
                      >
                        Importar solo filas válidas
                      </Button>
                    )}
                  </Group>
                  <TablaErroresImportacion errores={r.errores} />
                </>
              )}
            </Stack>
          </Card>
        )}
      </Pagina>
    </RequierePermiso>
  );
}

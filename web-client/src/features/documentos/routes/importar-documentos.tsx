import {
  Alert,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { guardarBlob } from '@/api/client';
import { RequierePermiso } from '@/components/auth/requiere-sesion';
import { TablaErroresImportacion } from '@/components/importacion/tabla-errores-importacion';
import { Pagina } from '@/components/ui/pagina';
import { aNumero } from '@/lib/formato';
import { leerEncabezadosCsv, mapeoParaEnviar, sugerirMapeo } from '@/lib/mapeo-columnas';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useImportarDocumentos, type ResultadoLote } from '@/features/documentos/api/use-importar-documentos';
import { MapeoColumnasDocumentos } from '@/features/documentos/components/mapeo-columnas-documentos';
import {
  faltantesMapeo,
  type LecturaArchivo,
  type MapeoDocumentos,
} from '@/features/documentos/components/mapeo-documentos';
import {
  camposDocumentos,
  columnasDocumentos,
  plantillaDocumentosCsv,
} from '@/features/documentos/components/plantilla-documentos';

/** Enough of the file for its header row and a sample row; the rest stays on disk until it is sent. */
const BYTES_ENCABEZADO = 64 * 1024;

async function leerArchivo(archivo: File): Promise<LecturaArchivo> {
  if (/\.xlsx$/i.test(archivo.name)) return { tipo: 'xlsx', encabezados: [], ejemplo: null };
  const { encabezados, ejemplo } = leerEncabezadosCsv(await archivo.slice(0, BYTES_ENCABEZADO).text());
  return { tipo: 'csv', encabezados, ejemplo };
}

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

export default function ImportarDocumentosRoute() {
  const [archivo, setArchivo] = useState<File | null>(null);
  const [resultado, setResultado] = useState<ResultadoLote | null>(null);
  const [lectura, setLectura] = useState<LecturaArchivo | null>(null);
  const [mapeo, setMapeo] = useState<MapeoDocumentos>({});
  const [errores, setErrores] = useState<Record<string, string>>({});
  const [progreso, setProgreso] = useState<number | null>(null);
  const elegido = useRef<File | null>(null);
  const importar = useImportarDocumentos();

  const elegir = async (f: File | null) => {
    elegido.current = f;
    setArchivo(f);
    setResultado(null);
    setErrores({});
    setLectura(null);
    setMapeo({});
    if (!f) return;
    try {
      const l = await leerArchivo(f);
      if (elegido.current !== f) return; // another file was chosen meanwhile
      setLectura(l);
      setMapeo(l.tipo === 'csv' ? sugerirMapeo(camposDocumentos, l.encabezados) : {});
    } catch (e) {
      notificarError(e, 'No se pudo leer el archivo');
    }
  };

  const enviar = async (parcial: boolean) => {
    if (!archivo) return;
    const faltan = lectura ? faltantesMapeo(lectura, mapeo) : {};
    setErrores(faltan);
    if (Object.keys(faltan).length > 0) return;
    setProgreso(0);
    try {
      const r = await importar.mutateAsync({
        archivo,
        parcial,
        mapeo: mapeoParaEnviar(mapeo),
        onProgreso: setProgreso,
      });
      setResultado(r);
      if (r.aplicado) notificarExito('Importación aplicada.');
    } catch (e) {
      setResultado(null);
      notificarError(e, 'No se pudo importar el archivo');
    } finally {
      setProgreso(null);
    }
  };

  const r = resultado;
  return (
    <RequierePermiso permiso="editar">
      <Pagina
        titulo="Importar documentos"
        descripcion="Carga masiva de facturas y otros documentos por cobrar desde CSV o XLSX"
        acciones={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() =>
              guardarBlob(
                new Blob([plantillaDocumentosCsv()], { type: 'text/csv;charset=utf-8' }),
                'plantilla-documentos.csv',
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
              Columnas: <Code>{columnasDocumentos.join(', ')}</Code> (también <Code>clienteId</Code> en vez de{' '}
              <Code>rut</Code>). Obligatorias: tipo, folio, fechaEmision y total. Si el archivo nombra las
              columnas de otra forma, elija cuál corresponde a cada campo. Si hay errores no se importa nada:
              corrija el archivo y vuelva a subirlo, o importe solo las filas válidas.
            </Text>
            <Group align="flex-end">
              <FileInput
                label="Archivo"
                placeholder="Seleccione un archivo .csv o .xlsx"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                leftSection={<IconFileSpreadsheet size={16} />}
                value={archivo}
                onChange={(f) => void elegir(f)}
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
            {importar.isPending && (
              <div>
                <Text size="sm" c="dimmed" mb={4} aria-live="polite">
                  {progreso !== null && progreso < 100
                    ? `Enviando ${importar.variables?.archivo.name}… ${progreso} %`
                    : `Procesando ${importar.variables?.archivo.name} en el servidor…`}
                </Text>
                <Progress
                  value={progreso !== null && progreso < 100 ? progreso : 100}
                  animated={progreso === null || progreso >= 100}
                  striped
                  aria-label="Importación en curso"
                />
              </div>
            )}
          </Stack>
        </Card>
        {lectura && (
          <Card withBorder>
            <Stack>
              <div>
                <Title order={4}>Columnas</Title>
                <Text size="sm" c="dimmed">
                  {lectura.tipo === 'csv'
                    ? `El archivo tiene ${lectura.encabezados.length} columnas. Revise qué columna corresponde a cada campo; se sugirieron por nombre.`
                    : 'Los campos y el nombre de su columna en la hoja.'}
                </Text>
              </div>
              <MapeoColumnasDocumentos
                lectura={lectura}
                mapeo={mapeo}
                errores={errores}
                onChange={(m) => {
                  setMapeo(m);
                  setErrores({});
                  setResultado(null);
                }}
              />
            </Stack>
          </Card>
        )}
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
                <Alert color="red" title="No se importó ningún documento">
                  El archivo tiene {r.errores.length} error(es). Corrija el archivo y vuelva a subirlo, o
                  importe solo las filas válidas.
                </Alert>
              )}
              <SimpleGrid cols={{ base: 3 }}>
                <Cifra etiqueta="Filas leídas" valor={r.filas} />
                <Cifra etiqueta="Creados" valor={r.creados} />
                <Cifra etiqueta="Sin cambios" valor={r.sinCambios} />
              </SimpleGrid>
              {aNumero(r.filas) ? (
                <Progress.Root size="lg" aria-label="Resultado por fila">
                  <Progress.Section
                    value={((aNumero(r.creados) ?? 0) * 100) / (aNumero(r.filas) ?? 1)}
                    color="teal"
                  />
                  <Progress.Section
                    value={((aNumero(r.sinCambios) ?? 0) * 100) / (aNumero(r.filas) ?? 1)}
                    color="gray"
                  />
                </Progress.Root>
              ) : null}
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

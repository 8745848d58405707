import { Button, Card, Code, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { RequierePermiso } from '@/components/auth/requiere-sesion';
import {
  CargaArchivo,
  BotonPlantilla,
  Cifra,
  ResultadoImportacion,
} from '@/components/importacion/importacion';
import { useEnvioImportacion } from '@/components/importacion/use-envio-importacion';
import { Pagina } from '@/components/ui/pagina';
import { aNumero } from '@/lib/formato';
import { leerEncabezadosCsv, mapeoParaEnviar, sugerirMapeo } from '@/lib/mapeo-columnas';
import { notificarError } from '@/lib/notificar';
import { useImportarDocumentos } from '@/features/documentos/api/use-importar-documentos';
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

export default function ImportarDocumentosRoute() {
  const [lectura, setLectura] = useState<LecturaArchivo | null>(null);
  const [mapeo, setMapeo] = useState<MapeoDocumentos>({});
  const [errores, setErrores] = useState<Record<string, string>>({});
  const elegido = useRef<File | null>(null);
  const importar = useImportarDocumentos();
  const {
    archivo,
    setArchivo,
    resultado: r,
    setResultado,
    progreso,
    enviar: subir,
  } = useEnvioImportacion(importar);

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
    await subir({ parcial, mapeo: mapeoParaEnviar(mapeo) });
  };

  return (
    <RequierePermiso permiso="editar">
      <Pagina
        titulo="Importar documentos"
        descripcion="Carga masiva de facturas y otros documentos por cobrar desde CSV o XLSX"
        acciones={<BotonPlantilla csv={plantillaDocumentosCsv} nombre="plantilla-documentos.csv" />}
      >
        <CargaArchivo
          instrucciones={
            <>
              Columnas: <Code>{columnasDocumentos.join(', ')}</Code> (también <Code>clienteId</Code> en vez de{' '}
              <Code>rut</Code>). Obligatorias: tipo, folio, fechaEmision y total. Si el archivo nombra las
              columnas de otra forma, elija cuál corresponde a cada campo. Si hay errores no se importa nada:
              corrija el archivo y vuelva a subirlo, o importe solo las filas válidas.
            </>
          }
          archivo={archivo}
          onArchivo={(f) => void elegir(f)}
          onImportar={lectura ? undefined : () => void enviar(false)}
          importar={importar}
          progreso={progreso}
        />
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
              {/* Below the mapping: the user reviews the columns before sending the file. */}
              <Group justify="flex-end">
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
        )}
        {r && (
          <ResultadoImportacion
            resultado={r}
            noImportado="No se importó ningún documento"
            cifras={
              <>
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
              </>
            }
            onParcial={() => void enviar(true)}
            importar={importar}
          />
        )}
      </Pagina>
    </RequierePermiso>
  );
}

import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  Stack,
  Text,
  Title,
  type ButtonProps,
} from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { guardarBlob } from '@/api/client';
import { TablaErroresImportacion } from '@/components/importacion/tabla-errores-importacion';
import type { DatosImportacion, ResultadoImportacionBase } from '@/api/hooks/use-importacion';
import { aNumero } from '@/lib/formato';

export function Cifra({ etiqueta, valor }: { etiqueta: string; valor: number | string }) {
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

/** Downloads the import's template CSV. */
export function BotonPlantilla({ csv, nombre }: { csv: () => string; nombre: string }) {
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      onClick={() => guardarBlob(new Blob([csv()], { type: 'text/csv;charset=utf-8' }), nombre)}
    >
      Descargar plantilla CSV
    </Button>
  );
}

/** File input (CSV or XLSX) and the button that sends it (without `onImportar`, the screen puts its own below what must be reviewed first). */
export function ArchivoImportacion({
  archivo,
  onArchivo,
  onImportar,
  cargando,
  etiqueta = 'Archivo',
  boton = 'Importar',
  variante,
  ancho,
}: {
  archivo: File | null;
  onArchivo: (f: File | null) => void;
  onImportar?: () => void;
  cargando: boolean;
  etiqueta?: string;
  boton?: string;
  variante?: ButtonProps['variant'];
  /** Width of the file input; without it, it takes the free width. */
  ancho?: number;
}) {
  const estilo: CSSProperties | undefined = ancho ? undefined : { flex: 1 };
  return (
    <Group align="flex-end">
      <FileInput
        label={etiqueta}
        placeholder="Seleccione un archivo .csv o .xlsx"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} />}
        value={archivo}
        onChange={onArchivo}
        clearable
        w={ancho}
        style={estilo}
      />
      {onImportar && (
        <Button
          variant={variante}
          leftSection={<IconUpload size={16} />}
          disabled={!archivo}
          loading={cargando}
          onClick={onImportar}
        >
          {boton}
        </Button>
      )}
    </Group>
  );
}

/** Upload progress, then an indeterminate bar while the server processes the file. */
export function ProgresoImportacion({
  progreso,
  etiqueta,
  nombre,
}: {
  progreso: number | null;
  etiqueta: string;
  /** With the file's name, the bar is titled "Enviando… / Procesando…". */
  nombre?: string;
}) {
  const enviando = progreso !== null && progreso < 100;
  const barra = (
    <Progress value={enviando ? progreso : 100} animated={!enviando} striped aria-label={etiqueta} />
  );
  if (nombre === undefined) return barra;
  return (
    <div>
      <Text size="sm" c="dimmed" mb={4} aria-live="polite">
        {enviando ? `Enviando ${nombre}… ${progreso} %` : `Procesando ${nombre} en el servidor…`}
      </Text>
      {barra}
    </div>
  );
}

/**
 * Result of an import that may be rejected as a whole: applied or not, the figures, and the
 * errors per row with the button that imports only the valid rows.
 */
export function ResultadoImportacion({
  resultado: r,
  noImportado,
  cifras,
  onParcial,
  importar,
}: {
  resultado: ResultadoImportacionBase;
  /** Title of the alert when nothing was imported. */
  noImportado: string;
  cifras: ReactNode;
  onParcial: () => void;
  importar: EnvioEnCurso;
}) {
  // Rows read less the rows with an error: with none valid, "importar solo filas válidas" would import nothing.
  const filas = aNumero(r.filas);
  const validas = filas === null ? null : filas - new Set(r.errores.map((e) => e.fila)).size;
  const hayValidas = validas === null || validas > 0;
  return (
    <Card withBorder>
      <Stack>
        {r.aplicado ? (
          <Alert color="teal" title="Importación aplicada">
            {r.errores.length > 0
              ? `Se importaron las filas válidas; ${r.errores.length} error(es) quedaron sin importar.`
              : 'Todas las filas se procesaron correctamente.'}
          </Alert>
        ) : (
          <Alert color="red" title={noImportado}>
            {hayValidas
              ? `El archivo tiene ${r.errores.length} error(es). Corrija el archivo y vuelva a subirlo, o importe solo las filas válidas.`
              : `El archivo tiene ${r.errores.length} error(es) y ninguna fila válida. Corrija el archivo y vuelva a subirlo.`}
          </Alert>
        )}
        {cifras}
        {r.errores.length > 0 && (
          <>
            <Group justify="space-between">
              <Title order={4}>Errores por fila</Title>
              {!r.aplicado && hayValidas && (
                <Button
                  color="orange"
                  loading={importar.isPending && !!importar.variables?.parcial}
                  onClick={onParcial}
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
  );
}

/** The import mutation's state, as the screens read it. */
interface EnvioEnCurso {
  isPending: boolean;
  variables?: DatosImportacion;
}

/** The card with the instructions, the file input and the upload progress of an import screen. */
export function CargaArchivo({
  instrucciones,
  archivo,
  onArchivo,
  onImportar,
  importar,
  progreso,
}: {
  instrucciones: ReactNode;
  archivo: File | null;
  onArchivo: (f: File | null) => void;
  /** Without it the card has no button: the screen shows it below the column mapping. */
  onImportar?: () => void;
  importar: EnvioEnCurso;
  progreso: number | null;
}) {
  return (
    <Card withBorder>
      <Stack>
        <Text size="sm">{instrucciones}</Text>
        <ArchivoImportacion
          archivo={archivo}
          onArchivo={onArchivo}
          onImportar={onImportar}
          cargando={importar.isPending && !importar.variables?.parcial}
          ancho={380}
        />
        {importar.isPending && (
          <ProgresoImportacion
            progreso={progreso}
            etiqueta="Importación en curso"
            nombre={importar.variables?.archivo.name}
          />
        )}
      </Stack>
    </Card>
  );
}

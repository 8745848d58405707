import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { LecturaArchivo, MapeoDocumentos } from '@/features/documentos/components/mapeo-documentos';
import { camposDocumentos } from '@/features/documentos/components/plantilla-documentos';

/**
 * One select per field the API expects, listing the columns of the file's header row (CSV). For an XLSX
 * the browser does not read the file: the column names are typed, empty meaning "named as the field".
 */
export function MapeoColumnasDocumentos({
  lectura,
  mapeo,
  errores,
  onChange,
}: {
  lectura: LecturaArchivo;
  mapeo: MapeoDocumentos;
  errores: Record<string, string>;
  onChange: (mapeo: MapeoDocumentos) => void;
}) {
  const opciones = lectura.encabezados.map((e, i) => ({
    value: e,
    label: e || `(columna ${i + 1} sin nombre)`,
  }));
  const ejemplo = (columna: string | null) => {
    if (!columna || !lectura.ejemplo) return undefined;
    const i = lectura.encabezados.indexOf(columna);
    const v = i >= 0 ? lectura.ejemplo[i]?.trim() : undefined;
    return v ? `Ej.: ${v}` : undefined;
  };
  return (
    <div role="group" aria-label="Columnas del archivo">
      {lectura.tipo === 'xlsx' && (
        <Text size="sm" c="dimmed" mb="sm">
          Archivo Excel: escriba el nombre de la columna solo si es distinto del nombre del campo.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {camposDocumentos.map((c) => {
          const obligatorio = 'obligatorio' in c && c.obligatorio;
          return lectura.tipo === 'csv' ? (
            <Select
              key={c.campo}
              label={c.etiqueta}
              withAsterisk={obligatorio}
              placeholder="Sin columna"
              clearable
              searchable
              data={opciones}
              value={mapeo[c.campo] ?? null}
              description={ejemplo(mapeo[c.campo] ?? null) ?? `Campo ${c.campo}`}
              error={errores[c.campo]}
              onChange={(v) => onChange({ ...mapeo, [c.campo]: v })}
            />
          ) : (
            <TextInput
              key={c.campo}
              label={c.etiqueta}
              withAsterisk={obligatorio}
              placeholder={c.campo}
              description={`Campo ${c.campo}`}
              value={mapeo[c.campo] ?? ''}
              error={errores[c.campo]}
              onChange={(e) => onChange({ ...mapeo, [c.campo]: e.currentTarget.value || null })}
            />
          );
        })}
      </SimpleGrid>
    </div>
  );
}

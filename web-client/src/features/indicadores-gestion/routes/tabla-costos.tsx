import { Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Tabla } from '@/components/ui/tabla';
import { aNumero } from '@/lib/formato';
import { notificarExito } from '@/lib/notificar';
import { useGuardarTablaCostos } from '@/features/indicadores-gestion/api/use-guardar-tabla-costos';
import { useTablaCostos, type TablaCostos } from '@/features/indicadores-gestion/api/use-tabla-costos';
import { DiasDisputaCritica } from '@/features/indicadores-gestion/components/dias-disputa-critica';

type Costo = TablaCostos['costos'][number];

/** The company's cost table (administrators): cost per activity type in CLP and the external agencies' commission. */
export default function TablaCostosRoute() {
  const tabla = useTablaCostos();
  return (
    <Pagina
      titulo="Tabla de costos de cobranza"
      descripcion="Costo de cada tipo de actividad (CLP) y comisión de agencias externas"
    >
      {tabla.isPending ? (
        <Cargando />
      ) : tabla.isError ? (
        <ErrorConsulta error={tabla.error} reintentar={() => void tabla.refetch()} />
      ) : (
        <Editor key={JSON.stringify(tabla.data)} tabla={tabla.data} />
      )}
      {tabla.data && <DiasDisputaCritica />}
    </Pagina>
  );
}

/** The form, started from the saved table (remounted when it changes). */
function Editor({ tabla }: { tabla: TablaCostos }) {
  const guardar = useGuardarTablaCostos();
  const [costos, setCostos] = useState<Record<string, number>>(() =>
    Object.fromEntries(tabla.costos.map((c) => [c.tipoActividadId, aNumero(c.costo) ?? 0])),
  );
  const [comision, setComision] = useState<number>(() => aNumero(tabla.comisionAgenciasPorcentaje) ?? 0);
  const error = guardar.error as { errors?: Record<string, string[]> } | null;
  return (
    <Card withBorder>
      <Stack>
        <Tabla<Costo>
          etiqueta="Costo por tipo de actividad"
          filas={[...tabla.costos]}
          clave={(c) => c.tipoActividadId}
          anchoMinimo={420}
          resaltar={false}
          columnas={[
            {
              titulo: 'Tipo de actividad',
              celda: (c) => (c.activo ? c.nombre : `${c.nombre} (inactivo)`),
            },
            {
              titulo: 'Costo (CLP)',
              derecha: true,
              celda: (c) => (
                <NumberInput
                  aria-label={`Costo de ${c.nombre}`}
                  min={0}
                  max={999999999}
                  allowDecimal={false}
                  thousandSeparator="."
                  decimalSeparator=","
                  prefix="$"
                  value={costos[c.tipoActividadId] ?? 0}
                  onChange={(v) => setCostos((x) => ({ ...x, [c.tipoActividadId]: Number(v) || 0 }))}
                />
              ),
            },
          ]}
        />
        <NumberInput
          label="Comisión agencias externas (%)"
          description="Sobre lo que recuperen las agencias externas de cobranza (aún no hay agencias: su recuperación es 0)."
          min={0}
          max={100}
          decimalScale={2}
          decimalSeparator=","
          suffix=" %"
          value={comision}
          onChange={(v) => setComision(Number(v) || 0)}
          maw={320}
        />
        {error?.errors && (
          <Text c="red" role="alert">
            {Object.values(error.errors).flat().join(' ')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button
            loading={guardar.isPending}
            onClick={() =>
              guardar.mutate(
                {
                  comisionAgenciasPorcentaje: comision,
                  costos: Object.entries(costos)
                    .filter(([, costo]) => costo > 0)
                    .map(([tipoActividadId, costo]) => ({ tipoActividadId, costo })),
                },
                { onSuccess: () => notificarExito('Tabla de costos guardada.') },
              )
            }
          >
            Guardar
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

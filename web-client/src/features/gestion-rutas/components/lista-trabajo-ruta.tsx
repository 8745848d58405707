import { useMemo, useState } from 'react';
import { Badge, Button, Checkbox, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { formatearPesos } from '@/lib/formato';
import { useListaTrabajo } from '../api/use-lista-trabajo';
import { useUbicaciones } from '../api/use-ubicaciones';
import { aAgregar, candidatosDeLista, esUbicable } from '../lib/lista-trabajo';

export interface PuntoUbicado {
  clienteId: string;
  razonSocial: string;
  latitud?: number | string | null;
  longitud?: number | string | null;
  origenUbicacion: string;
}

interface Props {
  cobradorId: string;
  fecha: string;
  enRuta: readonly string[];
  alAgregar: (ids: string[], puntos: PuntoUbicado[]) => void;
}

/** The collector's worklist for the day, by priority: tick clients and add them to the route; those without a place are shown but cannot be added. */
export function ListaTrabajoRuta({ cobradorId, fecha, enRuta, alAgregar }: Props) {
  const lista = useListaTrabajo(cobradorId, fecha);
  const candidatos = useMemo(() => candidatosDeLista(lista.data ?? []), [lista.data]);
  const ids = useMemo(() => candidatos.map((c) => c.clienteId), [candidatos]);
  const ubicaciones = useUbicaciones(ids);
  const [elegidos, setElegidos] = useState<Set<string>>(new Set());
  const origenes = useMemo(
    () => Object.fromEntries((ubicaciones.data ?? []).map((p) => [p.clienteId, p.origenUbicacion])),
    [ubicaciones.data],
  );

  if (lista.isPending) return <Cargando />;
  if (lista.isError) return <ErrorConsulta error={lista.error} />;
  if (candidatos.length === 0)
    return (
      <Text size="sm" c="dimmed">
        La lista de trabajo del cobrador no tiene clientes para esta fecha.
      </Text>
    );

  const porAgregar = aAgregar(candidatos, elegidos, enRuta, origenes);
  const ubicablesLibres = candidatos.filter(
    (c) => esUbicable(origenes[c.clienteId]) && !enRuta.includes(c.clienteId),
  );
  const cambiar = (id: string, si: boolean) =>
    setElegidos((previos) => {
      const nuevos = new Set(previos);
      if (si) nuevos.add(id);
      else nuevos.delete(id);
      return nuevos;
    });

  return (
    <Stack gap="xs" aria-label="Lista de trabajo del cobrador" role="group">
      <Group justify="space-between">
        <Button
          size="compact-xs"
          variant="subtle"
          disabled={ubicablesLibres.length === 0}
          onClick={() => setElegidos(new Set(ubicablesLibres.map((c) => c.clienteId)))}
        >
          Elegir todos los ubicables
        </Button>
        <Button
          size="compact-sm"
          disabled={porAgregar.length === 0}
          onClick={() => {
            alAgregar(
              porAgregar,
              (ubicaciones.data ?? []).filter((p) => porAgregar.includes(p.clienteId)),
            );
            setElegidos(new Set());
          }}
        >
          Agregar {porAgregar.length > 0 ? `${porAgregar.length} ` : ''}a la ruta
        </Button>
      </Group>
      <ScrollArea.Autosize mah={360} type="auto">
        <Stack gap={6}>
          {candidatos.map((c) => {
            const origen = origenes[c.clienteId];
            const ubicable = esUbicable(origen);
            const yaEnRuta = enRuta.includes(c.clienteId);
            return (
              <Paper key={c.clienteId} withBorder p={6}>
                <Checkbox
                  aria-label={`${c.prioridad}. ${c.razonSocial}`}
                  checked={yaEnRuta || elegidos.has(c.clienteId)}
                  disabled={yaEnRuta || !ubicable}
                  onChange={(e) => cambiar(c.clienteId, e.currentTarget.checked)}
                  label={
                    <Stack gap={0}>
                      <Text size="sm">
                        {c.prioridad}. {c.razonSocial}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {c.motivo} · {formatearPesos(c.saldoVencido)} vencido · {c.diasMora} días
                      </Text>
                      <Group gap={4} mt={2}>
                        {yaEnRuta && (
                          <Badge size="xs" variant="light" color="green">
                            En la ruta
                          </Badge>
                        )}
                        {ubicaciones.isPending ? null : !ubicable ? (
                          <Badge size="xs" variant="light" color="red">
                            No ubicable: sin coordenadas ni comuna
                          </Badge>
                        ) : origen === 'comuna' ? (
                          <Badge size="xs" variant="light" color="gray">
                            Centro de la comuna
                          </Badge>
                        ) : null}
                      </Group>
                    </Stack>
                  }
                />
              </Paper>
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}

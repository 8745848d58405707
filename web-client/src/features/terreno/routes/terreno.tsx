import { useCallback, useEffect, useState } from 'react';
import { Accordion, Alert, Badge, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { Pagina } from '@/components/ui/pagina';
import { useQueryClient } from '@tanstack/react-query';
import { hoySantiago } from '@/lib/fecha-negocio';
import { formatearPesos } from '@/lib/formato';
import { registrarTrabajadorTerreno } from '@/lib/service-worker';
import { useMiRuta } from '../api/use-mi-ruta';
import { clavesTerreno } from '../api/claves';
import { useEnLinea, usePendientes } from '../lib/cola-navegador';
import { ParadaTerrenoDetalle } from '../components/parada-terreno';

/** The collector's phone view: today's route, each client's debt and history, and the visit's actions. */
export default function TerrenoRoute() {
  const [fecha, setFecha] = useState(hoySantiago());
  const ruta = useMiRuta(fecha);
  const cliente = useQueryClient();
  const refrescar = useCallback(
    () => void cliente.invalidateQueries({ queryKey: clavesTerreno.todo }),
    [cliente],
  );
  const pendientes = usePendientes(refrescar);
  const enLinea = useEnLinea();
  useEffect(() => void registrarTrabajadorTerreno(), []);

  return (
    <Pagina titulo="Mi ruta en terreno">
      <Stack gap="md" maw={640}>
        <Group justify="space-between">
          <Group gap="xs">
            <Badge color={enLinea ? 'green' : 'orange'}>{enLinea ? 'En línea' : 'Sin conexión'}</Badge>
            <Badge color={pendientes > 0 ? 'orange' : 'gray'} aria-live="polite">
              {pendientes === 1 ? '1 pendiente de envío' : `${pendientes} pendientes de envío`}
            </Badge>
          </Group>
        </Group>
        <TextInput
          label="Fecha"
          type="date"
          value={fecha}
          onChange={(e) => setFecha(e.currentTarget.value || hoySantiago())}
        />
        {ruta.isLoading && <Loader aria-label="Cargando la ruta" />}
        {ruta.data === null && <Alert color="gray">No tiene una ruta planificada para esta fecha.</Alert>}
        {ruta.data && (
          <>
            <Text size="sm">
              {ruta.data.paradas.length} visitas · {ruta.data.visitadas} realizadas ·{' '}
              {Number(ruta.data.distanciaKm).toFixed(1)} km
            </Text>
            <Accordion variant="separated">
              {ruta.data.paradas.map((p) => (
                <Accordion.Item key={p.id} value={p.id}>
                  <Accordion.Control>
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={600}>
                        {p.orden}. {p.razonSocial}
                      </Text>
                      <Text size="sm">{formatearPesos(p.saldo)}</Text>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <ParadaTerrenoDetalle parada={p} alCambiar={refrescar} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </>
        )}
      </Stack>
    </Pagina>
  );
}

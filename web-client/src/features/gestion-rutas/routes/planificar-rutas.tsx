import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { Pagina } from '@/components/ui/pagina';
import { mensajeDeError } from '@/api/errors';
import { hoySantiago } from '@/lib/fecha-negocio';
import { notificarExito } from '@/lib/notificar';
import { useCobradoresRuta } from '../api/use-cobradores-ruta';
import { useBuscarClientes } from '../api/use-buscar-clientes';
import { useRutaDelDia, type RutaPlan } from '../api/use-rutas-dia';
import { useRecorrido } from '../api/use-recorrido';
import { useGuardarRuta } from '../api/use-guardar-ruta';
import { MapaRuta, type PuntoMapa } from '../components/mapa-ruta';
import { ListaTrabajoRuta, type PuntoUbicado } from '../components/lista-trabajo-ruta';
import { agregar, largoKm, mover, quitar } from '../lib/orden';

interface Lugar {
  nombre: string;
  posicion: [number, number] | null;
  origen: string;
}

/**
 * Supervisor's route planning: a collector's day, clients picked from the collector's worklist (by priority) or the client
 * list, optimised or ordered by hand.
 */
export default function PlanificarRutasRoute() {
  const [cobradorId, setCobradorId] = useState<string | null>(null);
  const [fecha, setFecha] = useState(hoySantiago());
  const cobradores = useCobradoresRuta();
  const ruta = useRutaDelDia(fecha, cobradorId);
  return (
    <Pagina titulo="Planificación de rutas">
      <Stack>
        <Group align="end">
          <Select
            label="Cobrador"
            data={cobradores.data ?? []}
            value={cobradorId}
            onChange={setCobradorId}
            searchable
            w={260}
          />
          <TextInput
            label="Fecha"
            type="date"
            value={fecha}
            onChange={(e) => setFecha(e.currentTarget.value || hoySantiago())}
          />
        </Group>
        {cobradorId && ruta.data !== undefined ? (
          <EditorRuta
            key={`${cobradorId}-${fecha}-${ruta.data?.id ?? 'nueva'}`}
            cobradorId={cobradorId}
            fecha={fecha}
            ruta={ruta.data}
          />
        ) : (
          <Text size="sm" c="dimmed">
            Elija el cobrador y la fecha para planificar su ruta.
          </Text>
        )}
      </Stack>
    </Pagina>
  );
}

function lugaresDe(ruta: RutaPlan | null): Record<string, Lugar> {
  return Object.fromEntries(
    (ruta?.paradas ?? []).map((p) => [
      p.clienteId,
      {
        nombre: p.razonSocial,
        posicion:
          p.latitud != null && p.longitud != null
            ? ([Number(p.latitud), Number(p.longitud)] as [number, number])
            : null,
        origen: p.origenUbicacion,
      },
    ]),
  );
}

function lugarDe(p: PuntoUbicado): Lugar {
  return {
    nombre: p.razonSocial,
    posicion:
      p.latitud != null && p.longitud != null
        ? ([Number(p.latitud), Number(p.longitud)] as [number, number])
        : null,
    origen: p.origenUbicacion,
  };
}

function EditorRuta({
  cobradorId,
  fecha,
  ruta,
}: {
  cobradorId: string;
  fecha: string;
  ruta: RutaPlan | null;
}) {
  const [lat, setLat] = useState<number | string>(
    ruta?.inicioLatitud != null ? Number(ruta.inicioLatitud) : '',
  );
  const [lon, setLon] = useState<number | string>(
    ruta?.inicioLongitud != null ? Number(ruta.inicioLongitud) : '',
  );
  const [buscar, setBuscar] = useState('');
  const [orden, setOrden] = useState<string[]>(() => ruta?.paradas.map((p) => p.clienteId) ?? []);
  const [lugares, setLugares] = useState<Record<string, Lugar>>(() => lugaresDe(ruta));
  const [arrastrado, setArrastrado] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const clientes = useBuscarClientes(buscar);
  const recorrido = useRecorrido();
  const guardar = useGuardarRuta();
  const inicio: [number, number] | null = lat !== '' && lon !== '' ? [Number(lat), Number(lon)] : null;

  const ubicar = async (ids: string[], optimizar: boolean) => {
    if (ids.length === 0) return;
    try {
      const r = await recorrido.mutateAsync({
        inicioLatitud: inicio?.[0] ?? null,
        inicioLongitud: inicio?.[1] ?? null,
        clienteIds: ids,
      });
      setLugares((previos) => ({
        ...previos,
        ...Object.fromEntries(
          r.puntos.map((p) => [
            p.clienteId,
            {
              nombre: p.razonSocial,
              posicion:
                p.latitud != null && p.longitud != null
                  ? ([Number(p.latitud), Number(p.longitud)] as [number, number])
                  : null,
              origen: p.origenUbicacion,
            },
          ]),
        ),
      }));
      if (optimizar) setOrden(r.puntos.map((p) => p.clienteId));
    } catch (e) {
      setError(mensajeDeError(e));
    }
  };

  const puntos: PuntoMapa[] = useMemo(
    () =>
      orden.flatMap((id) => {
        const l = lugares[id];
        return l?.posicion
          ? [{ id, nombre: l.nombre, posicion: l.posicion, aproximado: l.origen === 'comuna' }]
          : [];
      }),
    [orden, lugares],
  );
  const km = largoKm(
    inicio,
    orden.map((id) => lugares[id]?.posicion ?? null),
  );

  const guardarPlan = async () => {
    setError(null);
    try {
      await guardar.mutateAsync({ id: ruta?.id ?? null, cobradorId, fecha, inicio, clienteIds: orden });
      notificarExito('Ruta guardada.');
    } catch (e) {
      setError(mensajeDeError(e));
    }
  };

  return (
    <Stack>
      <Group align="end">
        <NumberInput
          label="Latitud de inicio"
          value={lat}
          onChange={setLat}
          decimalScale={6}
          min={-90}
          max={90}
          w={150}
        />
        <NumberInput
          label="Longitud de inicio"
          value={lon}
          onChange={setLon}
          decimalScale={6}
          min={-180}
          max={180}
          w={150}
        />
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder p="sm">
            <Tabs defaultValue="lista">
              <Tabs.List>
                <Tabs.Tab value="lista">Desde la lista de trabajo</Tabs.Tab>
                <Tabs.Tab value="buscar">Buscar clientes</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="lista" pt="sm">
                <ListaTrabajoRuta
                  cobradorId={cobradorId}
                  fecha={fecha}
                  enRuta={orden}
                  alAgregar={(ids, puntos) => {
                    setOrden((previo) => ids.reduce((o, id) => agregar(o, id), previo));
                    setLugares((previos) => ({
                      ...previos,
                      ...Object.fromEntries(puntos.map((p) => [p.clienteId, lugarDe(p)])),
                    }));
                  }}
                />
              </Tabs.Panel>
              <Tabs.Panel value="buscar" pt="sm">
                <TextInput
                  label="Buscar clientes"
                  placeholder="Nombre o RUT"
                  value={buscar}
                  onChange={(e) => setBuscar(e.currentTarget.value)}
                />
                <Stack gap={4} mt="sm">
                  {(clientes.data ?? []).map((c) => (
                    <Group key={c.id} justify="space-between" wrap="nowrap">
                      <Text size="sm">
                        {c.razonSocial}
                        {c.comuna ? ` · ${c.comuna}` : ''}
                      </Text>
                      <Button
                        size="compact-xs"
                        variant="light"
                        aria-label={`Agregar ${c.razonSocial}`}
                        disabled={orden.includes(c.id)}
                        onClick={() => {
                          const nuevo = agregar(orden, c.id);
                          setOrden(nuevo);
                          void ubicar([c.id], false);
                        }}
                      >
                        Agregar
                      </Button>
                    </Group>
                  ))}
                </Stack>
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <MapaRuta inicio={inicio} puntos={puntos} />
        </Grid.Col>
      </Grid>
      <Group>
        <Button
          onClick={() => void ubicar(orden, true)}
          loading={recorrido.isPending}
          disabled={orden.length === 0}
        >
          Optimizar recorrido
        </Button>
        <Button
          onClick={() => void guardarPlan()}
          loading={guardar.isPending}
          disabled={!cobradorId || orden.length === 0}
        >
          Guardar ruta
        </Button>
        <Text size="sm">
          {orden.length} visitas · {km.toFixed(1)} km
        </Text>
      </Group>
      <Table aria-label="Orden de visitas">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>N°</Table.Th>
            <Table.Th>Cliente</Table.Th>
            <Table.Th>Ubicación</Table.Th>
            <Table.Th>Orden</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orden.map((id, i) => {
            const l = lugares[id];
            return (
              <Table.Tr
                key={id}
                draggable
                onDragStart={() => setArrastrado(i)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={() => {
                  if (arrastrado !== null) setOrden(mover(orden, arrastrado, i));
                  setArrastrado(null);
                }}
              >
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td>{l?.nombre ?? id}</Table.Td>
                <Table.Td>
                  {!l
                    ? '…'
                    : l.origen === 'cliente'
                      ? 'Coordenadas'
                      : l.origen === 'comuna'
                        ? 'Centro de la comuna'
                        : 'Sin ubicación'}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Subir ${l?.nombre ?? ''}`}
                      onClick={() => setOrden(mover(orden, i, i - 1))}
                      disabled={i === 0}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Bajar ${l?.nombre ?? ''}`}
                      onClick={() => setOrden(mover(orden, i, i + 1))}
                      disabled={i === orden.length - 1}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Quitar ${l?.nombre ?? ''}`}
                      onClick={() => setOrden(quitar(orden, id))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

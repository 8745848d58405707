import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Respuesta } from '@/api/types';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Paginacion } from '@/components/ui/paginacion';
import { Tabla } from '@/components/ui/tabla';
import { SelectorCliente } from '@/components/clientes/selector-cliente';
import { notificarError } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';
import { useAgregarClientesCartera } from '../api/use-agregar-clientes-cartera';
import { useClientesCartera } from '../api/use-clientes-cartera';
import { useQuitarClienteCartera } from '../api/use-quitar-cliente-cartera';

type Cartera = Respuesta<'ObtenerCartera'>;

/** The clients of a cartera; supervisors add and remove them (the rules re-run for those clients at once). */
export function MiembrosCarteraModal({
  cartera,
  puedeEditar,
  onCerrar,
}: {
  cartera: Cartera;
  puedeEditar: boolean;
  onCerrar: () => void;
}) {
  const [pagina, setPagina] = useState(1);
  const miembros = useClientesCartera(cartera.id, pagina);
  const agregar = useAgregarClientesCartera(cartera.id);
  const quitar = useQuitarClienteCartera(cartera.id);
  const [elegido, setElegido] = useState<string | null>(null);
  return (
    <Modal opened onClose={onCerrar} title={`Clientes de ${cartera.nombre}`} size="xl">
      <Stack>
        {puedeEditar && (
          <Group align="flex-end">
            <div style={{ flex: 1 }}>
              <SelectorCliente label="Agregar cliente" value={elegido} onChange={setElegido} />
            </div>
            <Button
              disabled={!elegido}
              loading={agregar.isPending}
              onClick={() =>
                agregar.mutateAsync(elegido ? [elegido] : []).then(
                  () => setElegido(null),
                  (e: unknown) => notificarError(e),
                )
              }
            >
              Agregar
            </Button>
          </Group>
        )}
        {miembros.isPending ? (
          <Cargando />
        ) : miembros.isError ? (
          <ErrorConsulta error={miembros.error} reintentar={() => void miembros.refetch()} />
        ) : miembros.data.items.length === 0 ? (
          <Text c="dimmed">La cartera no tiene clientes.</Text>
        ) : (
          <>
            <Tabla
              etiqueta={`Clientes de ${cartera.nombre}`}
              anchoMinimo={500}
              resaltar={false}
              filas={miembros.data.items}
              clave={(c) => c.clienteId}
              columnas={[
                { titulo: 'RUT', sinCorte: true, celda: (c) => formatearRut(c.rut) },
                { titulo: 'Razón social', celda: (c) => c.razonSocial },
                puedeEditar && {
                  titulo: '',
                  celda: (c) => (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Quitar ${c.razonSocial}`}
                      onClick={() => quitar.mutateAsync(c.clienteId).catch((e: unknown) => notificarError(e))}
                    >
                      Quitar
                    </Button>
                  ),
                },
              ]}
            />
            <Paginacion
              pagina={pagina}
              total={miembros.data.total}
              tamano={miembros.data.tamanoPagina}
              onPagina={setPagina}
            />
          </>
        )}
      </Stack>
    </Modal>
  );
}

import { Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Respuesta } from '@/api/types';
import { useCobradores } from '@/api/hooks/use-cobradores';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Tabla } from '@/components/ui/tabla';
import { useAuth } from '@/lib/auth-contexto';
import { notificarError } from '@/lib/notificar';
import { useActualizarCartera } from '../api/use-actualizar-cartera';
import { useCarteras } from '../api/use-carteras';
import { useCrearCartera } from '../api/use-crear-cartera';
import { useEliminarCartera } from '../api/use-eliminar-cartera';
import { CarteraFormModal } from '../components/cartera-form-modal';
import { MiembrosCarteraModal } from '../components/miembros-cartera-modal';

type Cartera = Respuesta<'ObtenerCartera'>;

export default function CarterasRoute() {
  const { tiene } = useAuth();
  const supervisa = tiene('supervisar');
  const carteras = useCarteras();
  const cobradores = useCobradores(true);
  const crear = useCrearCartera();
  const actualizar = useActualizarCartera();
  const eliminar = useEliminarCartera();
  const [editando, setEditando] = useState<Cartera | 'nueva' | null>(null);
  const [viendo, setViendo] = useState<Cartera | null>(null);

  return (
    <Pagina
      titulo="Carteras"
      descripcion="Conjuntos de clientes con nombre (por ejemplo, Grandes cuentas) y, si se quiere, un cobrador responsable."
      acciones={
        supervisa && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditando('nueva')}>
            Nueva cartera
          </Button>
        )
      }
    >
      {carteras.isPending ? (
        <Cargando />
      ) : carteras.isError ? (
        <ErrorConsulta error={carteras.error} reintentar={() => void carteras.refetch()} />
      ) : carteras.data.length === 0 ? (
        <Text c="dimmed">No hay carteras.</Text>
      ) : (
        <Tabla
          etiqueta="Carteras"
          anchoMinimo={700}
          resaltar={false}
          filas={carteras.data}
          clave={(c) => c.id}
          columnas={[
            { titulo: 'Prioridad', derecha: true, celda: (c) => c.prioridad },
            { titulo: 'Nombre', celda: (c) => c.nombre },
            { titulo: 'Cobrador', celda: (c) => c.cobradorNombre ?? '—' },
            { titulo: 'Clientes', derecha: true, celda: (c) => c.clientes.toLocaleString('es-CL') },
            {
              titulo: 'Acciones',
              celda: (c) => (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setViendo(c)}
                    aria-label={`Clientes de ${c.nombre}`}
                  >
                    Clientes
                  </Button>
                  {supervisa && (
                    <>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditando(c)}
                        aria-label={`Editar ${c.nombre}`}
                      >
                        Editar
                      </Button>
                      <BotonConfirmar
                        size="xs"
                        variant="light"
                        color="red"
                        titulo={`Eliminar ${c.nombre}`}
                        mensaje="Sus clientes vuelven a asignarse por las demás reglas."
                        confirmar="Eliminar"
                        onConfirm={() => eliminar.mutateAsync(c.id).catch((e: unknown) => notificarError(e))}
                      >
                        Eliminar
                      </BotonConfirmar>
                    </>
                  )}
                </Group>
              ),
            },
          ]}
        />
      )}
      <CarteraFormModal
        abierto={editando !== null}
        inicial={editando === 'nueva' || editando === null ? undefined : editando}
        cobradores={cobradores.data ?? []}
        onCerrar={() => setEditando(null)}
        onGuardar={(datos) =>
          editando === 'nueva' || editando === null
            ? crear.mutateAsync(datos)
            : actualizar.mutateAsync({ id: editando.id, body: datos })
        }
      />
      {viendo && (
        <MiembrosCarteraModal cartera={viendo} puedeEditar={supervisa} onCerrar={() => setViendo(null)} />
      )}
    </Pagina>
  );
}

import { Badge, Button, Group, SegmentedControl, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Respuesta } from '@/api/types';
import { useCobradores } from '@/api/hooks/use-cobradores';
import { useEjecutivos } from '@/api/hooks/use-ejecutivos';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { Tabla } from '@/components/ui/tabla';
import { useAuth } from '@/lib/auth-contexto';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useActivarCobrador } from '../api/use-activar-cobrador';
import { useActualizarCobrador } from '../api/use-actualizar-cobrador';
import { useCrearCobrador } from '../api/use-crear-cobrador';
import { CobradorFormModal } from '../components/cobrador-form-modal';
import { DesactivarCobradorModal } from '../components/desactivar-cobrador-modal';

type Cobrador = Respuesta<'ObtenerCobrador'>;

export default function CobradoresRoute() {
  const { tiene } = useAuth();
  const supervisa = tiene('supervisar');
  const [filtro, setFiltro] = useState<'activos' | 'inactivos' | 'todos'>('activos');
  const cobradores = useCobradores(filtro === 'todos' ? undefined : filtro === 'activos');
  const activos = useCobradores(true);
  const usuarios = useEjecutivos();
  const crear = useCrearCobrador();
  const actualizar = useActualizarCobrador();
  const activar = useActivarCobrador();
  const [editando, setEditando] = useState<Cobrador | 'nuevo' | null>(null);
  const [desactivando, setDesactivando] = useState<Cobrador | null>(null);
  const nombreUsuario = (id?: string | null) =>
    id ? (usuarios.data?.find((u) => u.id === id)?.nombre ?? id) : '—';

  return (
    <Pagina
      titulo="Cobradores"
      descripcion="Quién cobra a quién: cada cliente tiene a lo más un cobrador responsable."
      acciones={
        supervisa && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditando('nuevo')}>
            Nuevo cobrador
          </Button>
        )
      }
    >
      <SegmentedControl
        aria-label="Mostrar cobradores"
        value={filtro}
        onChange={(v) => setFiltro(v as typeof filtro)}
        data={[
          { value: 'activos', label: 'Activos' },
          { value: 'inactivos', label: 'Desactivados' },
          { value: 'todos', label: 'Todos' },
        ]}
      />
      {cobradores.isPending ? (
        <Cargando />
      ) : cobradores.isError ? (
        <ErrorConsulta error={cobradores.error} reintentar={() => void cobradores.refetch()} />
      ) : cobradores.data.length === 0 ? (
        <Text c="dimmed">No hay cobradores.</Text>
      ) : (
        <Tabla
          etiqueta="Cobradores"
          anchoMinimo={800}
          resaltar={false}
          filas={cobradores.data}
          clave={(c) => c.id}
          columnas={[
            {
              titulo: 'Nombre',
              celda: (c) => (
                <Group gap="xs">
                  {c.nombre}
                  {!c.activo && (
                    <Badge color="gray" variant="light">
                      Desactivado
                    </Badge>
                  )}
                </Group>
              ),
            },
            { titulo: 'Contacto', celda: (c) => [c.email, c.telefono].filter(Boolean).join(' · ') || '—' },
            { titulo: 'Usuario', celda: (c) => nombreUsuario(c.usuarioId) },
            { titulo: 'Zonas', celda: (c) => [...c.comunas, ...c.regiones].join(', ') || '—' },
            { titulo: 'Clientes', derecha: true, celda: (c) => c.clientesAsignados.toLocaleString('es-CL') },
            supervisa && {
              titulo: 'Acciones',
              celda: (c) => (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditando(c)}
                    aria-label={`Editar ${c.nombre}`}
                  >
                    Editar
                  </Button>
                  {c.activo ? (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={() => setDesactivando(c)}
                      aria-label={`Desactivar ${c.nombre}`}
                    >
                      Desactivar
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={`Activar ${c.nombre}`}
                      onClick={() =>
                        activar.mutateAsync(c.id).then(
                          () => notificarExito(`${c.nombre} está activo de nuevo.`),
                          (e: unknown) => notificarError(e),
                        )
                      }
                    >
                      Activar
                    </Button>
                  )}
                </Group>
              ),
            },
          ]}
        />
      )}
      <CobradorFormModal
        abierto={editando !== null}
        inicial={editando === 'nuevo' || editando === null ? undefined : editando}
        onCerrar={() => setEditando(null)}
        onGuardar={(datos) =>
          editando === 'nuevo' || editando === null
            ? crear.mutateAsync(datos)
            : actualizar.mutateAsync({ id: editando.id, body: datos })
        }
      />
      <DesactivarCobradorModal
        cobrador={desactivando}
        activos={activos.data ?? []}
        onCerrar={() => setDesactivando(null)}
      />
    </Pagina>
  );
}

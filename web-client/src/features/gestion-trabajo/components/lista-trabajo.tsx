import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import type { ItemTrabajo } from '@/features/gestion-trabajo/api/use-mi-trabajo';
import { etiquetaTipo } from '@/features/gestion-trabajo/components/tipos-tarea';
import { InsigniaPuntaje } from '@/features/gestion-trabajo/components/insignia-puntaje';
import {
  accionDeTecla,
  esCampoEditable,
  type AccionTeclado,
} from '@/features/gestion-trabajo/components/teclado';

/**
 * The worklist, one row per task with its score and reasons. The keys of {@link accionDeTecla} work anywhere on the
 * page except in fields and dialogs; the selected row holds the focus (roving tabindex), so the focus ring shows where
 * the collector is.
 */
export function ListaTrabajo({
  items,
  seleccionado,
  puedeReasignar,
  onSeleccionar,
  onAccion,
  pedidoFoco = 0,
}: {
  items: ItemTrabajo[];
  seleccionado: number;
  puedeReasignar: boolean;
  onSeleccionar: (indice: number) => void;
  onAccion: (accion: AccionTeclado) => void;
  /** Each new value moves the focus to the selected row (after a dialog over the list closes). */
  pedidoFoco?: number;
}) {
  const filas = useRef<(HTMLLIElement | null)[]>([]);
  const enfocar = useRef(false);
  const ultimoPedido = useRef(pedidoFoco);

  useEffect(() => {
    if (pedidoFoco !== ultimoPedido.current) {
      ultimoPedido.current = pedidoFoco;
      filas.current[seleccionado]?.focus();
    }
  }, [pedidoFoco, seleccionado]);

  useEffect(() => {
    const manejar = (e: KeyboardEvent) => {
      if (esCampoEditable(e.target)) return;
      const accion = accionDeTecla(e, seleccionado, items.length, puedeReasignar);
      if (!accion) return;
      e.preventDefault();
      if (accion.tipo === 'mover') {
        enfocar.current = true;
        onSeleccionar(accion.indice);
      } else onAccion(accion);
    };
    document.addEventListener('keydown', manejar);
    return () => document.removeEventListener('keydown', manejar);
  }, [items.length, seleccionado, puedeReasignar, onSeleccionar, onAccion]);

  useEffect(() => {
    if (enfocar.current) {
      filas.current[seleccionado]?.focus();
      enfocar.current = false;
    }
  }, [seleccionado]);

  return (
    <Stack
      component="ul"
      gap={6}
      role="listbox"
      data-lista-trabajo
      aria-label="Tareas de Mi trabajo, ordenadas por puntaje"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {items.map((item, i) => {
        const activo = i === seleccionado;
        return (
          <Paper
            component="li"
            key={item.tareaId}
            ref={(el: HTMLLIElement | null) => {
              filas.current[i] = el;
            }}
            role="option"
            aria-selected={activo}
            tabIndex={activo ? 0 : -1}
            withBorder
            p="sm"
            data-testid="item-trabajo"
            onClick={() => onSeleccionar(i)}
            onDoubleClick={() => onAccion({ tipo: 'abrir' })}
            aria-label={`${i + 1} de ${items.length}. ${item.razonSocial}: ${item.titulo}. Puntaje ${item.puntaje}. ${item.razones.join('. ')}`}
            style={{
              cursor: 'pointer',
              borderColor: activo ? 'var(--mantine-color-blue-6)' : undefined,
              borderWidth: activo ? 2 : undefined,
              outlineOffset: 2,
            }}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <InsigniaPuntaje puntaje={item.puntaje} partes={item.partes} />
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>{item.razonSocial || 'Cliente'}</Text>
                  {item.cuentaClave && (
                    <Badge size="xs" color="grape" variant="light">
                      Cuenta clave
                    </Badge>
                  )}
                  <Badge size="xs" variant="outline">
                    {etiquetaTipo(item.tipo)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    para el {formatearFecha(item.fecha)}
                  </Text>
                </Group>
                <Text size="sm">{item.titulo}</Text>
                <Text size="xs" c="dimmed">
                  {item.motivo}
                </Text>
                <Group gap={4} wrap="wrap" aria-label="Por qué está en la lista">
                  {item.razones.map((r) => (
                    <Badge key={r} size="sm" variant="light" color="gray" tt="none">
                      {r}
                    </Badge>
                  ))}
                </Group>
              </Stack>
              <Stack gap={0} align="flex-end">
                <Text size="sm" fw={500}>
                  {formatearPesos(item.saldoVencido)}
                </Text>
                <Text size="xs" c="dimmed">
                  vencido
                </Text>
              </Stack>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

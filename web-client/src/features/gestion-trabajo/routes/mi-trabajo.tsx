import { Alert, Anchor, Button, Paper, Text } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Pagina } from '@/components/ui/pagina';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { useAuth } from '@/lib/auth-contexto';
import { hoySantiago } from '@/lib/fecha-negocio';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useMiTrabajo } from '@/features/gestion-trabajo/api/use-mi-trabajo';
import { useCobradores } from '@/features/gestion-trabajo/api/use-cobradores';
import { useCompletarTarea } from '@/features/gestion-trabajo/api/use-completar-tarea';
import { usePosponerTarea } from '@/features/gestion-trabajo/api/use-posponer-tarea';
import { useReasignarTarea } from '@/features/gestion-trabajo/api/use-reasignar-tarea';
import { ListaTrabajo } from '@/features/gestion-trabajo/components/lista-trabajo';
import { BarraAcciones } from '@/features/gestion-trabajo/components/barra-acciones';
import { DialogoPosponer, DialogoReasignar } from '@/features/gestion-trabajo/components/dialogos-tarea';
import { SelectorCobrador } from '@/features/gestion-trabajo/components/selector-cobrador';
import { AyudaAtajos } from '@/features/gestion-trabajo/components/ayuda-atajos';
import { sumarDias } from '@/features/gestion-trabajo/components/calendario-fechas';
import type { AccionTeclado } from '@/features/gestion-trabajo/components/teclado';
import { DialogoAccionRapida } from '@/features/gestion-trabajo/components/acciones-rapidas';
import type { AccionRapida } from '@/features/gestion-trabajo/components/acciones-rapidas-logica';
import type { ItemTrabajo, MiTrabajo } from '@/features/gestion-trabajo/api/use-mi-trabajo';
import { clavesTrabajo } from '@/features/gestion-trabajo/api/claves';
import { FranjaIndicadores } from '@/features/gestion-trabajo/components/franja-indicadores';

export default function MiTrabajoRoute() {
  const { tiene } = useAuth();
  const supervisor = tiene('supervisar');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const cobradorId = supervisor ? params.get('cobrador') : null;
  const consulta = useMiTrabajo({ cobradorId });
  const cobradores = useCobradores(supervisor);
  const completar = useCompletarTarea();
  const posponer = usePosponerTarea();
  const reasignar = useReasignarTarea();
  const [seleccionado, setSeleccionado] = useState(0);
  const [dialogo, setDialogo] = useState<'posponer' | 'reasignar' | 'ayuda' | null>(null);
  // The quick action's task is fixed when its form opens: saving an activity refreshes the list and may reorder it.
  const [rapida, setRapida] = useState<{ accion: AccionRapida; item: ItemTrabajo } | null>(null);
  const [pedidoFoco, setPedidoFoco] = useState(0);
  const qc = useQueryClient();

  const items = consulta.data?.items ?? [];
  const indice = Math.min(seleccionado, Math.max(0, items.length - 1));
  const item = items[indice];
  const manana = sumarDias(hoySantiago(), 1);

  const cerrarRapida = () => {
    setRapida(null);
    setPedidoFoco((n) => n + 1);
  };

  const completarTrasAccion = (hecha: ItemTrabajo, resultado: string) => {
    setRapida(null);
    const i = items.findIndex((x) => x.tareaId === hecha.tareaId);
    const despues = i >= 0 ? (items[i + 1]?.tareaId ?? null) : (item?.tareaId ?? null);
    completar.mutate(
      { id: hecha.tareaId, resultado },
      {
        onSuccess: () => notificarExito(`Tarea completada: ${hecha.titulo}`),
        onError: (e) => notificarError(e, 'No se pudo completar la tarea'),
        // Runs after the list was refetched (the mutation waits for it): the task that followed takes the focus.
        onSettled: () => {
          const frescos = qc.getQueryData<MiTrabajo>(clavesTrabajo.miTrabajo({ cobradorId }))?.items ?? [];
          const j = frescos.findIndex((x) => x.tareaId === despues);
          setSeleccionado(j >= 0 ? j : Math.min(i >= 0 ? i : indice, Math.max(0, frescos.length - 1)));
          setPedidoFoco((n) => n + 1);
        },
      },
    );
  };

  const accion = useCallback(
    (a: AccionTeclado) => {
      if (a.tipo === 'ayuda') return setDialogo('ayuda');
      if (!item) return;
      switch (a.tipo) {
        case 'abrir':
          navigate(`/clientes/${item.clienteId}`);
          break;
        case 'completar':
          completar.mutate(
            { id: item.tareaId },
            {
              onSuccess: () => notificarExito(`Tarea completada: ${item.titulo}`),
              onError: (e) => notificarError(e, 'No se pudo completar la tarea'),
            },
          );
          break;
        case 'posponer':
          setDialogo('posponer');
          break;
        case 'reasignar':
          if (supervisor) setDialogo('reasignar');
          break;
        case 'llamada':
        case 'compromiso':
        case 'disputa':
          setRapida({ accion: a.tipo, item });
          break;
      }
    },
    [item, navigate, completar, supervisor],
  );

  return (
    <Pagina
      titulo="Mi trabajo"
      descripcion={
        consulta.data ? `${consulta.data.total} tareas para hoy, ordenadas por puntaje` : undefined
      }
      acciones={
        <>
          {supervisor && (
            <SelectorCobrador
              cobradores={cobradores.data ?? []}
              valor={cobradorId}
              onCambiar={(id) => {
                setSeleccionado(0);
                setParams(id ? { cobrador: id } : {});
              }}
            />
          )}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconKeyboard size={14} />}
            onClick={() => setDialogo('ayuda')}
            aria-keyshortcuts="?"
          >
            Atajos (?)
          </Button>
        </>
      }
    >
      <FranjaIndicadores />
      {consulta.isPending ? (
        <Cargando />
      ) : consulta.isError ? (
        <ErrorConsulta error={consulta.error} reintentar={() => consulta.refetch()} />
      ) : (
        <>
          {consulta.data.aviso && <Alert color="yellow">{consulta.data.aviso}</Alert>}
          {item && (
            <Paper withBorder p="xs" pos="sticky" top={60} style={{ zIndex: 2 }}>
              <BarraAcciones
                item={item}
                acciones={{
                  completar: () => accion({ tipo: 'completar' }),
                  posponer: () => accion({ tipo: 'posponer' }),
                  reasignar: supervisor ? () => accion({ tipo: 'reasignar' }) : undefined,
                  abrirCliente: () => accion({ tipo: 'abrir' }),
                  rapida: (tipo) => accion({ tipo }),
                  ocupado: completar.isPending,
                }}
              />
            </Paper>
          )}
          {items.length === 0 && !consulta.data.aviso ? (
            <Text c="dimmed">No hay tareas pendientes para hoy.</Text>
          ) : (
            <ListaTrabajo
              items={items}
              seleccionado={indice}
              puedeReasignar={supervisor}
              onSeleccionar={setSeleccionado}
              onAccion={accion}
              pedidoFoco={pedidoFoco}
            />
          )}
          <details>
            <summary>
              <Anchor component="span" size="sm">
                ¿Cómo se calcula el puntaje?
              </Anchor>
            </summary>
            <Text size="sm" c="dimmed" mt={4}>
              {consulta.data.formula}
            </Text>
          </details>
        </>
      )}
      {item && dialogo === 'posponer' && (
        <DialogoPosponer
          abierto
          manana={manana}
          ocupado={posponer.isPending}
          onCerrar={() => setDialogo(null)}
          onConfirmar={(fecha, motivo) =>
            posponer.mutate(
              { id: item.tareaId, fecha, motivo },
              {
                onSuccess: () => {
                  setDialogo(null);
                  notificarExito('Tarea pospuesta');
                },
                onError: (e) => notificarError(e, 'No se pudo posponer la tarea'),
              },
            )
          }
        />
      )}
      {item && dialogo === 'reasignar' && (
        <DialogoReasignar
          abierto
          cobradores={cobradores.data ?? []}
          actual={item.cobradorId}
          ocupado={reasignar.isPending}
          onCerrar={() => setDialogo(null)}
          onConfirmar={(nuevo) =>
            reasignar.mutate(
              { id: item.tareaId, cobradorId: nuevo },
              {
                onSuccess: () => {
                  setDialogo(null);
                  notificarExito('Tarea reasignada');
                },
                onError: (e) => notificarError(e, 'No se pudo reasignar la tarea'),
              },
            )
          }
        />
      )}
      {rapida && (
        <DialogoAccionRapida
          accion={rapida.accion}
          item={rapida.item}
          onCerrar={cerrarRapida}
          onHecha={(resultado) => completarTrasAccion(rapida.item, resultado)}
        />
      )}
      <AyudaAtajos abierta={dialogo === 'ayuda'} onCerrar={() => setDialogo(null)} supervisor={supervisor} />
    </Pagina>
  );
}

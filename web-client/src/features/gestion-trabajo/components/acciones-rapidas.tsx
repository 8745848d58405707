import { Alert, Modal } from '@mantine/core';
import { AbrirDisputa } from '@/components/gestion/abrir-disputa';
import { useTiposActividad } from '@/components/gestion/api/use-tipos-actividad';
import { RegistrarActividad } from '@/components/gestion/registrar-actividad';
import { TomarCompromiso } from '@/components/gestion/tomar-compromiso';
import { Cargando } from '@/components/ui/estado-consulta';
import type { ItemTrabajo } from '@/features/gestion-trabajo/api/use-mi-trabajo';
import {
  resultadoLlamada,
  titulosAccionRapida,
  type AccionRapida,
} from '@/features/gestion-trabajo/components/acciones-rapidas-logica';

/**
 * One of the worklist's quick actions on a task's client, in a modal over the list: the form's first field takes the
 * focus, Enter submits, Esc closes. `onHecha` gets the outcome the task is completed with.
 */
export function DialogoAccionRapida({
  accion,
  item,
  onCerrar,
  onHecha,
}: {
  accion: AccionRapida;
  item: ItemTrabajo;
  onCerrar: () => void;
  onHecha: (resultado: string) => void;
}) {
  return (
    <Modal
      opened
      onClose={onCerrar}
      title={`${titulosAccionRapida[accion]} · ${item.razonSocial || 'Cliente'}`}
      size="lg"
      returnFocus={false}
    >
      {accion === 'llamada' && <FormularioLlamada item={item} onCerrar={onCerrar} onHecha={onHecha} />}
      {accion === 'compromiso' && (
        <TomarCompromiso
          clienteId={item.clienteId}
          onCancelar={onCerrar}
          onTomado={() => onHecha('Compromiso de pago tomado')}
        />
      )}
      {accion === 'disputa' && (
        <AbrirDisputa
          clienteId={item.clienteId}
          onCancelar={onCerrar}
          onAbierta={() => onHecha('Disputa abierta')}
        />
      )}
    </Modal>
  );
}

function FormularioLlamada({
  item,
  onCerrar,
  onHecha,
}: {
  item: ItemTrabajo;
  onCerrar: () => void;
  onHecha: (resultado: string) => void;
}) {
  const tipos = useTiposActividad();
  if (tipos.isPending) return <Cargando />;
  const activos = (tipos.data ?? []).filter((t) => t.activo);
  // The company may rename its types: the kind `llamada` decides, then any phone type.
  const llamada = activos.find((t) => t.tipo === 'llamada') ?? activos.find((t) => t.canal === 'telefono');
  return (
    <>
      {!llamada && (
        <Alert color="yellow" mb="sm">
          La empresa no tiene un tipo de actividad de llamada activo: elija el tipo.
        </Alert>
      )}
      <RegistrarActividad
        clienteId={item.clienteId}
        tipoInicial={llamada?.id}
        onCancelar={onCerrar}
        onRegistrada={(a) => onHecha(resultadoLlamada(a.resultado))}
      />
    </>
  );
}

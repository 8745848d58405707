import { Badge, Stack, Text } from '@mantine/core';
import { AccionConMotivo } from '@/components/ui/accion-con-motivo';
import { useReversarAplicacion } from '@/api/hooks/use-reversar-aplicacion';
import { formatearFechaHora } from '@/lib/formato';
import { notificarExito } from '@/lib/notificar';

/** Whether an application (payment or credit note on an installment) stands, or when and why it was reversed. */
export function EstadoAplicacion({
  activa,
  fechaReversa,
  motivoReversa,
}: {
  activa: boolean;
  fechaReversa?: string | null;
  motivoReversa?: string | null;
}) {
  if (activa)
    return (
      <Badge color="teal" variant="light">
        Activa
      </Badge>
    );
  const reversada = (
    <Badge color="gray" variant="light">
      Reversada
    </Badge>
  );
  if (fechaReversa === undefined) return reversada;
  return (
    <Stack gap={0}>
      {reversada}
      <Text size="xs" c="dimmed">
        {formatearFechaHora(fechaReversa)} {motivoReversa}
      </Text>
    </Stack>
  );
}

/** Reverses one application, asking for the reason. */
export function ReversarAplicacion({ id, mensaje }: { id: string; mensaje: string }) {
  const reversar = useReversarAplicacion();
  return (
    <AccionConMotivo
      size="xs"
      variant="subtle"
      color="red"
      titulo="Reversar aplicación"
      mensaje={mensaje}
      confirmar="Reversar"
      etiquetaFecha="Fecha de la reversa"
      onConfirm={async (motivo, fecha) => {
        await reversar.mutateAsync({ id, motivo, fecha });
        notificarExito('Aplicación reversada.');
      }}
    >
      Reversar
    </AccionConMotivo>
  );
}

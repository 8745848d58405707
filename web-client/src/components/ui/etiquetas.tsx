import { Badge } from '@mantine/core';
import { nombreEstado } from '@/lib/estados-credito';

const coloresEstado: Record<string, string> = { vigente: 'teal', suspendido: 'yellow', bloqueado: 'red' };

export function EstadoCredito({ estado }: { estado: string }) {
  return (
    <Badge color={coloresEstado[estado] ?? 'gray'} variant="light">
      {nombreEstado(estado)}
    </Badge>
  );
}

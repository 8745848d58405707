import { Badge } from '@mantine/core';
import { nombreEstadoDocumento } from '@/lib/cartera';
import { nombreEstado } from '@/lib/estados-credito';

const coloresEstado: Record<string, string> = { vigente: 'teal', suspendido: 'yellow', bloqueado: 'red' };

export function EstadoCredito({ estado }: { estado: string }) {
  return (
    <Badge color={coloresEstado[estado] ?? 'gray'} variant="light">
      {nombreEstado(estado)}
    </Badge>
  );
}

const coloresDocumento: Record<string, string> = {
  por_vencer: 'blue',
  vencido: 'red',
  parcial: 'yellow',
  pagado: 'teal',
  anulado: 'gray',
  protestado: 'orange',
  cedido: 'violet',
  castigado: 'dark',
};

export function EstadoDocumento({ estado }: { estado: string }) {
  return (
    <Badge color={coloresDocumento[estado] ?? 'gray'} variant="light">
      {nombreEstadoDocumento(estado)}
    </Badge>
  );
}

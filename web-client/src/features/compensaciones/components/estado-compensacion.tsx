import { Badge } from '@mantine/core';

export function EstadoCompensacion({ vigente }: { vigente: boolean }) {
  return vigente ? (
    <Badge color="teal" variant="light">
      Vigente
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      Reversada
    </Badge>
  );
}

import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatearRut } from '@/lib/rut';

/** A client in a table cell: name (a link to its portfolio tab, or plain) and RUT below. */
export function CeldaCliente({
  cliente,
  enlace = true,
}: {
  cliente: { id: string; rut: string; razonSocial: string };
  enlace?: boolean;
}) {
  return (
    <>
      {enlace ? (
        <Anchor component={Link} to={`/clientes/${cliente.id}?tab=cartera`} size="sm">
          {cliente.razonSocial}
        </Anchor>
      ) : (
        cliente.razonSocial
      )}
      <Text size="xs" c="dimmed">
        {formatearRut(cliente.rut)}
      </Text>
    </>
  );
}

import { Anchor, Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatearRut } from '@/lib/rut';

/** A labelled value of a detail screen ("—" when empty). */
export function Dato({ etiqueta, children }: { etiqueta: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {etiqueta}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </div>
  );
}

/** The figure a detail screen is about (a balance, an amount), larger; `testId` for the browser tests. */
export function DatoDestacado({
  etiqueta,
  testId,
  children,
}: {
  etiqueta: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {etiqueta}
      </Text>
      <Text size="lg" fw={700} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** The client a document, payment or compensation belongs to, as a detail screen's subtitle. */
export function DescripcionCliente({
  cliente,
}: {
  cliente: { id: string; rut: string; razonSocial: string };
}) {
  return (
    <>
      <Anchor component={Link} to={`/clientes/${cliente.id}?tab=cartera`}>
        {cliente.razonSocial}
      </Anchor>{' '}
      · RUT {formatearRut(cliente.rut)}
    </>
  );
}

/** A titled card holding a table, or the text saying it is empty. */
export function SeccionTabla({
  titulo,
  vacio,
  children,
}: {
  titulo: string;
  /** Shown instead of the table when set. */
  vacio?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder p={0}>
      <Title order={4} p="sm">
        {titulo}
      </Title>
      {vacio ? (
        <Text c="dimmed" p="md">
          {vacio}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}

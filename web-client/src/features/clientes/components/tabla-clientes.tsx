import { Anchor, Badge, Table, Text, UnstyledButton, Group } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EstadoCredito } from '@/components/ui/etiquetas';
import { formatearRut } from '@/lib/rut';
import type { ClienteResumen } from '@/features/clientes/api/tipos';

function Encabezado({
  campo,
  orden,
  onOrden,
  children,
}: {
  campo: 'rut' | 'razonSocial';
  orden: string | undefined;
  onOrden: (o: string) => void;
  children: string;
}) {
  const activo = orden === campo || orden === `-${campo}`;
  const desc = orden === `-${campo}`;
  const Icono = !activo ? IconArrowsSort : desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={activo ? (desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onOrden(activo && !desc ? `-${campo}` : campo)}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {children}
          </Text>
          <Icono size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function TablaClientes({
  clientes,
  orden,
  onOrden,
  nombreEjecutivo,
}: {
  clientes: ClienteResumen[];
  orden: string | undefined;
  onOrden: (o: string) => void;
  nombreEjecutivo: (id: string | null) => string;
}) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label="Clientes">
        <Table.Thead>
          <Table.Tr>
            <Encabezado campo="rut" orden={orden} onOrden={onOrden}>
              RUT
            </Encabezado>
            <Encabezado campo="razonSocial" orden={orden} onOrden={onOrden}>
              Razón social
            </Encabezado>
            <Table.Th>Segmento</Table.Th>
            <Table.Th>Estado</Table.Th>
            <Table.Th>Ejecutivo</Table.Th>
            <Table.Th>Comuna / Región</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clientes.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatearRut(c.rut)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/clientes/${c.id}`}>
                  {c.razonSocial}
                </Anchor>
                {c.cuentaClave && (
                  <Badge ml="xs" size="xs" color="grape" variant="light">
                    Cuenta clave
                  </Badge>
                )}
                {c.nombreFantasia && (
                  <Text size="xs" c="dimmed">
                    {c.nombreFantasia}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{c.segmento}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <EstadoCredito estado={c.estadoCredito} />
              </Table.Td>
              <Table.Td>{nombreEjecutivo(c.ejecutivoId ?? null)}</Table.Td>
              <Table.Td>{[c.comuna, c.region].filter(Boolean).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

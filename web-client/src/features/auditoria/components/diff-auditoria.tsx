import { Code, Table, Text } from '@mantine/core';
import { diferencias } from '@/lib/diferencias';

/** Before/after table of the keys that changed in an audit entry. */
export function DiffAuditoria({ antes, despues }: { antes: string | null; despues: string | null }) {
  const cambios = diferencias(antes, despues);
  if (cambios.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Sin diferencias registradas.
      </Text>
    );
  }
  return (
    <Table aria-label="Cambios" withTableBorder withColumnBorders>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Campo</Table.Th>
          <Table.Th>Antes</Table.Th>
          <Table.Th>Después</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cambios.map((c) => (
          <Table.Tr key={c.campo}>
            <Table.Td>
              <Code>{c.campo}</Code>
            </Table.Td>
            <Table.Td bg={c.antes ? 'red.0' : undefined} style={{ wordBreak: 'break-word' }}>
              {c.antes}
            </Table.Td>
            <Table.Td bg={c.despues ? 'green.0' : undefined} style={{ wordBreak: 'break-word' }}>
              {c.despues}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

import { Table, Text } from '@mantine/core';
import { campoOculto, nombreCampo, valorLegible } from '@/lib/auditoria-legible';
import { diferencias } from '@/lib/diferencias';

function valorOriginal(json: string | null, campo: string): unknown {
  if (!json) return undefined;
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    return campo in v ? v[campo] : undefined;
  } catch {
    return undefined;
  }
}

/** Before/after table of the fields that changed in an audit entry, as a person reads them. */
export function DiffAuditoria({ antes, despues }: { antes: string | null; despues: string | null }) {
  const cambios = diferencias(antes, despues).filter((c) => !campoOculto(c.campo));
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
        {cambios.map((c) => {
          const a = valorLegible(c.campo, valorOriginal(antes, c.campo));
          const d = valorLegible(c.campo, valorOriginal(despues, c.campo));
          return (
            <Table.Tr key={c.campo}>
              <Table.Td>{nombreCampo(c.campo)}</Table.Td>
              <Table.Td bg={a ? 'red.0' : undefined} style={{ wordBreak: 'break-word' }}>
                {a}
              </Table.Td>
              <Table.Td bg={d ? 'green.0' : undefined} style={{ wordBreak: 'break-word' }}>
                {d}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

import { ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { formatearRut } from '@/lib/rut';
import { useBuscarClientes } from '@/api/hooks/use-buscar-clientes';
import { CasillaSeleccion, PieSeleccion } from '@/features/grupos/components/seleccion';
import { useSeleccion } from '@/features/grupos/components/use-seleccion';

/** Searchable multi-picker of clients (server search by RUT or name). */
export function SelectorClientes({
  excluir,
  ocupado,
  onAgregar,
}: {
  excluir: Set<string>;
  ocupado: boolean;
  onAgregar: (ids: string[]) => Promise<unknown>;
}) {
  const [texto, setTexto] = useState('');
  const [buscar] = useDebouncedValue(texto, 300);
  const resultados = useBuscarClientes(buscar);
  const seleccion = useSeleccion();
  const { elegidos, alternar } = seleccion;

  const items = (resultados.data?.items ?? []).filter((c) => !excluir.has(c.id));
  return (
    <Stack>
      <TextInput
        label="Buscar clientes"
        placeholder="RUT o nombre"
        leftSection={<IconSearch size={16} />}
        value={texto}
        onChange={(e) => setTexto(e.currentTarget.value)}
        data-autofocus
      />
      <ScrollArea h={300}>
        {items.length === 0 ? (
          <Text c="dimmed" size="sm" p="sm">
            {resultados.isFetching ? 'Buscando…' : 'Sin resultados (o ya son miembros).'}
          </Text>
        ) : (
          <Table aria-label="Resultados de búsqueda" highlightOnHover>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr
                  key={c.id}
                  onClick={() => alternar(c.id, c.razonSocial)}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td w={40}>
                    <CasillaSeleccion
                      etiqueta={c.razonSocial}
                      marcado={elegidos.has(c.id)}
                      onAlternar={() => alternar(c.id, c.razonSocial)}
                    />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatearRut(c.rut)}</Table.Td>
                  <Table.Td>{c.razonSocial}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ScrollArea>
      <PieSeleccion seleccion={seleccion} ocupado={ocupado} onAgregar={onAgregar} />
    </Stack>
  );
}

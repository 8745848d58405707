import { Badge, Button, Checkbox, Group, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { formatearRut } from '@/lib/rut';
import { useBuscarClientes } from '@/api/hooks/use-buscar-clientes';

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
  const [elegidos, setElegidos] = useState<Map<string, string>>(new Map());

  const alternar = (id: string, etiqueta: string) =>
    setElegidos((m) => {
      const n = new Map(m);
      if (n.has(id)) n.delete(id);
      else n.set(id, etiqueta);
      return n;
    });

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
                    <Checkbox
                      aria-label={`Seleccionar ${c.razonSocial}`}
                      checked={elegidos.has(c.id)}
                      onChange={() => alternar(c.id, c.razonSocial)}
                      onClick={(e) => e.stopPropagation()}
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
      <Group justify="space-between">
        <Group gap={4}>
          {[...elegidos.values()].slice(0, 5).map((e) => (
            <Badge key={e} variant="light">
              {e}
            </Badge>
          ))}
          {elegidos.size > 5 && <Badge variant="light">+{elegidos.size - 5}</Badge>}
        </Group>
        <Button
          disabled={elegidos.size === 0}
          loading={ocupado}
          onClick={async () => {
            await onAgregar([...elegidos.keys()]);
            setElegidos(new Map());
          }}
        >
          Agregar seleccionados ({elegidos.size})
        </Button>
      </Group>
    </Stack>
  );
}

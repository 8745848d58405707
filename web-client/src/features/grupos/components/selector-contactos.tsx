import { ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { formatearRut } from '@/lib/rut';
import { useBuscarClientes } from '@/api/hooks/use-buscar-clientes';
import { useContactosCliente } from '@/api/hooks/use-contactos-cliente';
import { CasillaSeleccion, PieSeleccion } from '@/features/grupos/components/seleccion';
import { useSeleccion } from '@/features/grupos/components/use-seleccion';

/**
 * Two-step picker: search a client (server search by RUT or name), then tick its contacts.
 * The selection is kept across clients.
 */
export function SelectorContactos({
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
  const clientes = useBuscarClientes(buscar);
  const [clienteId, setClienteId] = useState<string | null>(null);
  const contactos = useContactosCliente(clienteId);
  const seleccion = useSeleccion();
  const { elegidos, alternar } = seleccion;

  const opciones = (clientes.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.razonSocial} (${formatearRut(c.rut)})`,
  }));
  const lista = (contactos.data ?? []).filter((c) => !excluir.has(c.id));

  return (
    <Stack>
      <Select
        label="Cliente"
        placeholder="Busque por RUT o nombre"
        searchable
        clearable
        data={opciones}
        value={clienteId}
        onChange={setClienteId}
        searchValue={texto}
        onSearchChange={setTexto}
        filter={({ options }) => options}
        nothingFoundMessage={clientes.isFetching ? 'Buscando…' : 'Sin resultados'}
        data-autofocus
      />
      <ScrollArea h={260}>
        {!clienteId ? (
          <Text c="dimmed" size="sm" p="sm">
            Elija un cliente para ver sus contactos.
          </Text>
        ) : lista.length === 0 ? (
          <Text c="dimmed" size="sm" p="sm">
            {contactos.isFetching ? 'Cargando…' : 'El cliente no tiene otros contactos.'}
          </Text>
        ) : (
          <Table aria-label="Contactos del cliente" highlightOnHover>
            <Table.Tbody>
              {lista.map((c) => (
                <Table.Tr key={c.id} onClick={() => alternar(c.id, c.nombre)} style={{ cursor: 'pointer' }}>
                  <Table.Td w={40}>
                    <CasillaSeleccion
                      etiqueta={c.nombre}
                      marcado={elegidos.has(c.id)}
                      onAlternar={() => alternar(c.id, c.nombre)}
                    />
                  </Table.Td>
                  <Table.Td>{c.nombre}</Table.Td>
                  <Table.Td>{c.email}</Table.Td>
                  <Table.Td>{c.rol}</Table.Td>
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

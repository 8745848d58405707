import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { formatearRut } from '@/lib/rut';
import { useBuscarClientes, useCliente } from '@/features/compensaciones/api/use-documentos-cliente';

const etiqueta = (c: { rut: string; razonSocial: string }) => `${c.razonSocial} · ${formatearRut(c.rut)}`;

/** Searchable client filter (RUT or name); the value is the client id. */
export function FiltroCliente({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const [busqueda, setBusqueda] = useState('');
  const [conRetardo] = useDebouncedValue(busqueda, 300);
  const resultados = useBuscarClientes(conRetardo);
  const elegido = useCliente(value);
  const opciones = (resultados.data?.items ?? []).map((c) => ({ value: c.id, label: etiqueta(c) }));
  if (elegido.data && elegido.data.id === value && !opciones.some((o) => o.value === value))
    opciones.unshift({ value: elegido.data.id, label: etiqueta(elegido.data) });
  return (
    <Select
      label="Cliente"
      placeholder="Todos (buscar por RUT o nombre)"
      searchable
      clearable
      nothingFoundMessage={resultados.isFetching ? 'Buscando…' : 'Sin resultados'}
      filter={({ options }) => options}
      data={opciones}
      value={value}
      searchValue={busqueda}
      onSearchChange={setBusqueda}
      onChange={onChange}
    />
  );
}

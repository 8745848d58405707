import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { formatearRut } from '@/lib/rut';
import { useBuscarClientes } from '@/api/hooks/use-buscar-clientes';
import { useCliente } from '@/api/hooks/use-cliente';

interface Opcion {
  value: string;
  label: string;
}

const etiqueta = (c: { rut: string; razonSocial: string }) => `${c.razonSocial} · ${formatearRut(c.rut)}`;

/** Searchable client picker (RUT or name); the value is the client id. */
export function SelectorCliente({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const [busqueda, setBusqueda] = useState('');
  const [conRetardo] = useDebouncedValue(busqueda, 300);
  const [elegido, setElegido] = useState<Opcion | null>(null);
  const seleccionado = useCliente(value && elegido?.value !== value ? value : null);
  const resultados = useBuscarClientes(conRetardo);

  const opciones: Opcion[] = (resultados.data?.items ?? []).map((c) => ({ value: c.id, label: etiqueta(c) }));
  const actual =
    elegido?.value === value
      ? elegido
      : seleccionado.data && seleccionado.data.id === value
        ? { value: seleccionado.data.id, label: etiqueta(seleccionado.data) }
        : null;
  if (actual && !opciones.some((o) => o.value === actual.value)) opciones.unshift(actual);

  return (
    <Select
      label="Cliente"
      placeholder="Buscar por RUT o nombre"
      searchable
      clearable
      nothingFoundMessage={resultados.isFetching ? 'Buscando…' : 'Sin resultados'}
      filter={({ options }) => options}
      {...props}
      data={opciones}
      value={value}
      searchValue={busqueda}
      onSearchChange={setBusqueda}
      onChange={(id, opcion) => {
        setElegido(id && opcion ? { value: id, label: opcion.label } : null);
        onChange(id);
      }}
    />
  );
}

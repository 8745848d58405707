import { Select } from '@mantine/core';
import type { CobradorOpcion } from '@/features/gestion-trabajo/api/use-cobradores';

/** A supervisor's choice of whose work to see; empty means its own. */
export function SelectorCobrador({
  cobradores,
  valor,
  onCambiar,
  vacio = 'Mi propio trabajo',
}: {
  cobradores: CobradorOpcion[];
  valor: string | null;
  onCambiar: (id: string | null) => void;
  vacio?: string;
}) {
  return (
    <Select
      aria-label="Cobrador"
      placeholder={vacio}
      data={cobradores.map((c) => ({ value: c.id, label: c.nombre }))}
      value={valor}
      onChange={onCambiar}
      clearable
      searchable
      w={240}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

import { Select } from '@mantine/core';

const opciones = ['6', '12', '24', '36'];

/** How many months a series shows (1 to 36; the API's `meses`). */
export function SelectorMeses({ meses, onChange }: { meses: number; onChange: (v: string | null) => void }) {
  return (
    <Select
      label="Meses"
      data={opciones.includes(String(meses)) ? opciones : [...opciones, String(meses)]}
      value={String(meses)}
      onChange={onChange}
      allowDeselect={false}
    />
  );
}

import { TextInput, type TextInputProps } from '@mantine/core';
import { avisoRut, formatearRut } from '@/lib/rut';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value?: string;
  /** Accepts the raw value (as Mantine form's `getInputProps().onChange` does) or an input event. */
  onChange: (valor: string | React.ChangeEvent<HTMLInputElement>) => void;
};

/**
 * RUT input: formats on blur and hints (client-side mod 11) when the check digit looks wrong.
 * The server stays the authority: its error (the `error` prop) wins over the hint.
 */
export function CampoRut({ value, onChange, onBlur, error, description, ...props }: Props) {
  const aviso = value ? avisoRut(value) : null;
  const valor = value ?? '';
  return (
    <TextInput
      label="RUT"
      placeholder="12.345.678-5"
      autoComplete="off"
      {...props}
      value={valor}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => {
        const v = e.currentTarget.value;
        if (v && !avisoRut(v)) {
          const f = formatearRut(v);
          if (f !== v) onChange(f);
        }
        onBlur?.(e);
      }}
      error={error}
      description={!error && aviso ? `Aviso: ${aviso}` : description}
    />
  );
}

import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { avisoRut, formatearRut } from '@/lib/rut';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & {
  value?: string;
  /** Accepts the raw value (as Mantine form's `getInputProps().onChange` does) or an input event. */
  onChange: (valor: string | React.ChangeEvent<HTMLInputElement>) => void;
};

/**
 * RUT input: formats on blur and, once the person leaves the field, marks a wrong check digit as the error it is
 * (the server rejects it). The server's error (the `error` prop) wins.
 */
export function CampoRut({ value, onChange, onBlur, error, ...props }: Props) {
  const [tocado, setTocado] = useState(false);
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
        setTocado(true);
        const v = e.currentTarget.value;
        if (v && !avisoRut(v)) {
          const f = formatearRut(v);
          if (f !== v) onChange(f);
        }
        onBlur?.(e);
      }}
      error={error || (tocado && aviso) || undefined}
    />
  );
}

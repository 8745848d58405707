import { useState } from 'react';

/** The members ticked in a picker (id → label), kept across searches. */
export function useSeleccion() {
  const [elegidos, setElegidos] = useState<Map<string, string>>(new Map());
  const alternar = (id: string, etiqueta: string) =>
    setElegidos((m) => {
      const n = new Map(m);
      if (n.has(id)) n.delete(id);
      else n.set(id, etiqueta);
      return n;
    });
  return { elegidos, alternar, limpiar: () => setElegidos(new Map()) };
}

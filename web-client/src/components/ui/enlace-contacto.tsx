import { Anchor } from '@mantine/core';

/** `tel:` number as the phone dials it: digits and a leading +, nothing else. */
function aTel(telefono: string): string {
  const limpio = telefono.replace(/[^\d+]/g, '');
  return limpio.startsWith('+') ? `+${limpio.slice(1).replace(/\+/g, '')}` : limpio.replace(/\+/g, '');
}

/** A contact's phone or e-mail as a link that calls or writes from a phone or a desktop client. */
export function EnlaceContacto({
  tipo,
  valor,
  nombre,
}: {
  tipo: 'telefono' | 'email';
  valor: string;
  nombre?: string;
}) {
  const href = tipo === 'telefono' ? `tel:${aTel(valor)}` : `mailto:${valor}`;
  const accion = tipo === 'telefono' ? 'Llamar a' : 'Escribir a';
  return (
    <Anchor href={href} aria-label={nombre ? `${accion} ${nombre}: ${valor}` : undefined} size="sm">
      {valor}
    </Anchor>
  );
}

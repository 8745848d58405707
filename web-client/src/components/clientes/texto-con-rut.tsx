import { Anchor } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { limpiarRut, partesConRut } from '@/lib/rut';

/**
 * A server message that names a RUT: the RUT formatted and, with `enlazar`, a link to that client (the list searched by
 * that RUT finds it; the message does not carry the client's id).
 */
export function TextoConRut({ texto, enlazar = false }: { texto: string; enlazar?: boolean }) {
  return (
    <>
      {partesConRut(texto).map((p, i) =>
        p.rut && enlazar ? (
          <Anchor
            key={i}
            component={Link}
            to={`/clientes?buscar=${encodeURIComponent(limpiarRut(p.texto))}`}
            inherit
            aria-label={`Ver el cliente con RUT ${p.texto}`}
          >
            {p.texto}
          </Anchor>
        ) : (
          <Fragment key={i}>{p.texto}</Fragment>
        ),
      )}
    </>
  );
}

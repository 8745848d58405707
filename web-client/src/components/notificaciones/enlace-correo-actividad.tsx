import { Anchor } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { Link } from 'react-router';
import { enlaceActividadCorreo } from '@/components/notificaciones/estados-envio';

/** In the client's timeline, the link of an e-mail activity to the exact message sent or the reply received. */
export function EnlaceCorreoActividad({ origen, origenId }: { origen: string; origenId?: string | null }) {
  const a = enlaceActividadCorreo(origen, origenId);
  if (!a) return null;
  return (
    <Anchor c="blue.8" component={Link} to={a} size="sm">
      <IconMail size={14} style={{ verticalAlign: 'middle', marginRight: 4 }} />
      {origen === 'correo_respuesta' ? 'Ver la respuesta' : 'Ver el correo enviado'}
    </Anchor>
  );
}

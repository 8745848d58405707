import { notifications } from '@mantine/notifications';
import { mensajeDeError } from '@/api/errors';

/** The toast's close button is icon-only: without a name a screen reader announces a nameless button. */
const cerrar = { closeButtonProps: { 'aria-label': 'Cerrar aviso' } };

export function notificarExito(mensaje: string, titulo?: string): void {
  notifications.show({ color: 'teal', title: titulo, message: mensaje, ...cerrar });
}

export function notificarError(error: unknown, titulo = 'No se pudo completar la operación'): void {
  notifications.show({
    color: 'red',
    title: titulo,
    message: mensajeDeError(error),
    autoClose: 8000,
    ...cerrar,
  });
}

import { notifications } from '@mantine/notifications';
import { mensajeDeError } from '@/api/errors';

export function notificarExito(mensaje: string, titulo?: string): void {
  notifications.show({ color: 'teal', title: titulo, message: mensaje });
}

export function notificarError(error: unknown, titulo = 'No se pudo completar la operación'): void {
  notifications.show({ color: 'red', title: titulo, message: mensajeDeError(error), autoClose: 8000 });
}

import { describe, expect, it } from 'vitest';
import { enlaceActividadCorreo } from '@/components/notificaciones/estados-envio';

describe('enlaceActividadCorreo', () => {
  it('lleva un correo enviado a su mensaje y una respuesta a la respuesta', () => {
    expect(enlaceActividadCorreo('correo_enviado', 'abc')).toBe('/notificaciones/envios/abc');
    expect(enlaceActividadCorreo('correo_respuesta', 'r1')).toBe('/notificaciones/respuestas/r1');
  });

  it('no enlaza otras actividades ni una sin origen', () => {
    expect(enlaceActividadCorreo('manual', 'abc')).toBeNull();
    expect(enlaceActividadCorreo('correo_enviado', null)).toBeNull();
  });
});

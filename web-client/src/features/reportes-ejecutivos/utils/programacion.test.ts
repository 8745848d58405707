import { describe, expect, it } from 'vitest';
import {
  cuerpoReporte,
  describirProgramacion,
  formularioDe,
  formularioVacio,
  normalizarHora,
} from './programacion';

describe('programación de reportes ejecutivos', () => {
  it('describe la frecuencia en palabras', () => {
    expect(describirProgramacion({ frecuencia: 'semanal', diaSemana: 1, hora: '08:00:00' })).toBe(
      'Cada lunes a las 08:00',
    );
    expect(describirProgramacion({ frecuencia: 'semanal', diaSemana: 7, hora: '9:05' })).toBe(
      'Cada domingo a las 09:05',
    );
    expect(describirProgramacion({ frecuencia: 'mensual', diaMes: 5, hora: '07:30:00' })).toBe(
      'El día 5 de cada mes a las 07:30',
    );
    expect(describirProgramacion({ frecuencia: 'mensual', diaMes: 31, hora: '09:00:00' })).toBe(
      'El último día de cada mes a las 09:00',
    );
  });

  it('normaliza la hora y rechaza lo que no es una hora', () => {
    expect(normalizarHora('8:00')).toBe('08:00');
    expect(normalizarHora('23:55:00')).toBe('23:55');
    expect(normalizarHora('24:00')).toBeNull();
    expect(normalizarHora('ocho')).toBeNull();
  });

  it('manda solo el día que usa la frecuencia', () => {
    const semanal = cuerpoReporte({
      ...formularioVacio,
      nombre: ' Gerencia ',
      diaMes: 15,
      usuarioIds: ['u1'],
    });
    expect(semanal).toEqual({
      nombre: 'Gerencia',
      frecuencia: 'semanal',
      diaSemana: 1,
      diaMes: null,
      hora: '08:00:00',
      grupoClienteId: null,
      usuarioIds: ['u1'],
      activo: true,
    });
    const mensual = cuerpoReporte({
      ...formularioVacio,
      frecuencia: 'mensual',
      diaMes: 31,
      grupoClienteId: 'g1',
    });
    expect([mensual.diaSemana, mensual.diaMes, mensual.grupoClienteId]).toEqual([null, 31, 'g1']);
  });

  it('vuelve al formulario desde lo guardado', () => {
    const r = {
      nombre: 'Cierre',
      frecuencia: 'mensual',
      diaSemana: null,
      diaMes: 31,
      hora: '07:30:00',
      grupoClienteId: 'g1',
      usuarioIds: ['u1', 'u2'],
      activo: false,
    };
    expect(cuerpoReporte(formularioDe(r))).toEqual({ ...r, hora: '07:30:00' });
  });
});

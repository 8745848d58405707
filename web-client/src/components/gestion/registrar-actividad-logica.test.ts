import { describe, expect, it } from 'vitest';
import {
  aCuerpoActividad,
  BloqueoContactoError,
  mensajeBloqueo,
  TAMANO_MAXIMO_ADJUNTO,
  validarActividad,
  valoresVacios,
} from '@/components/gestion/registrar-actividad-logica';

describe('validarActividad', () => {
  it('exige el tipo de actividad', () => {
    expect(validarActividad(valoresVacios(), '2026-11-30')).toEqual({
      tipoActividadId: 'Elija el tipo de actividad.',
    });
  });

  it('no acepta una próxima acción en el pasado ni un adjunto de más de 20 MB', () => {
    const v = { ...valoresVacios(), tipoActividadId: 't1', proximaAccion: '2026-11-29' };
    const errores = validarActividad(v, '2026-11-30', { size: TAMANO_MAXIMO_ADJUNTO + 1 });
    expect(Object.keys(errores).sort()).toEqual(['archivo', 'proximaAccion']);
    expect(validarActividad({ ...v, proximaAccion: '2026-11-30' }, '2026-11-30', { size: 10 })).toEqual({});
  });

  it('limita el largo de las notas y del motivo', () => {
    const v = {
      ...valoresVacios(),
      tipoActividadId: 't1',
      notas: 'x'.repeat(4001),
      motivoExcepcion: 'y'.repeat(501),
    };
    expect(Object.keys(validarActividad(v, '2026-11-30')).sort()).toEqual(['motivoExcepcion', 'notas']);
  });
});

describe('aCuerpoActividad', () => {
  const v = {
    ...valoresVacios(),
    tipoActividadId: 't1',
    resultado: 'no_contesta',
    notas: '  volver a llamar  ',
    motivoExcepcion: ' pidió que lo llamáramos ',
  };

  it('convierte los vacíos en null y recorta los textos', () => {
    expect(aCuerpoActividad('c1', { ...v, motivoExcepcion: '' }, true)).toEqual({
      clienteId: 'c1',
      tipoActividadId: 't1',
      fecha: null,
      resultado: 'no_contesta',
      notas: 'volver a llamar',
      proximaAccion: null,
      documentoIds: null,
      motivoExcepcion: null,
    });
  });

  it('envía el motivo de excepción solo si el usuario puede exceptuar', () => {
    expect(aCuerpoActividad('c1', v, true).motivoExcepcion).toBe('pidió que lo llamáramos');
    expect(aCuerpoActividad('c1', v, false).motivoExcepcion).toBeNull();
  });
});

describe('mensajeBloqueo', () => {
  it('agrega el próximo momento permitido cuando lo hay', () => {
    const b = new BloqueoContactoError(
      'ley_21320_llamadas_semana',
      'Máximo una llamada por semana.',
      '2026-11-11T14:00:00Z',
    );
    expect(mensajeBloqueo(b)).toMatch(
      /^Máximo una llamada por semana\. Próximo contacto permitido: \d\d-11-2026 \d\d:\d\d\.$/,
    );
    expect(
      mensajeBloqueo(new BloqueoContactoError('ley_21320_etapa_judicial', 'En etapa judicial.', null)),
    ).toBe('En etapa judicial.');
  });
});

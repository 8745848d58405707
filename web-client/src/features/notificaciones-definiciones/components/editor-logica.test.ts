import { describe, expect, it } from 'vitest';
import {
  cuerpoDefinicion,
  describirProgramacion,
  formularioDesde,
  formularioVacio,
  insertarEtiqueta,
  textoConteo,
} from './editor-logica';

describe('insertarEtiqueta', () => {
  it('inserta en el cursor y deja el cursor después de la etiqueta', () => {
    const r = insertarEtiqueta('Hola , saludos', 5, 5, 'cliente.nombre');
    expect(r.texto).toBe('Hola {{ cliente.nombre }}, saludos');
    expect(r.cursor).toBe(5 + '{{ cliente.nombre }}'.length);
  });

  it('reemplaza la selección', () => {
    expect(insertarEtiqueta('Deuda: XXX.', 7, 10, 'deuda.total').texto).toBe('Deuda: {{ deuda.total }}.');
  });

  it('sin cursor conocido agrega al final, y acota posiciones fuera del texto', () => {
    expect(insertarEtiqueta('abc', null, null, 'fecha').texto).toBe('abc{{ fecha }}');
    expect(insertarEtiqueta('abc', 99, 120, 'fecha').texto).toBe('abc{{ fecha }}');
    expect(insertarEtiqueta('abc', 2, 1, 'fecha').texto).toBe('ab{{ fecha }}c');
  });
});

describe('cuerpoDefinicion', () => {
  it('envía solo los campos de la frecuencia y del tipo elegidos', () => {
    const c = cuerpoDefinicion({
      ...formularioVacio,
      frecuencia: 'semanal',
      diasSemana: [4, 1],
      diaMes: 5,
      diasAntes: 3,
      hora: '09:30',
    });
    expect(c.diasSemana).toEqual([1, 4]);
    expect(c.diaMes).toBeNull();
    expect(c.diasAntes).toBeNull();
    expect(c.hora).toBe('09:30:00');

    const p = cuerpoDefinicion({
      ...formularioVacio,
      tipo: 'recordatorio_preventivo',
      frecuencia: 'mensual',
      diaMes: 31,
      diasAntes: 5,
    });
    expect(p.diasSemana).toEqual([]);
    expect(p.diaMes).toBe(31);
    expect(p.diasAntes).toBe(5);
    expect(p.diasVencidoMinimo).toBeNull();
  });

  it('sin incluir cuentas no envía cuentas y los textos vacíos van nulos', () => {
    const c = cuerpoDefinicion({
      ...formularioVacio,
      incluirCuentas: false,
      cuentaIds: ['x'],
      firma: '  ',
      responderA: '',
    });
    expect(c.cuentaIds).toEqual([]);
    expect(c.firma).toBeNull();
    expect(c.responderA).toBeNull();
  });

  it('ida y vuelta con lo guardado', () => {
    const cuerpo = cuerpoDefinicion({ ...formularioVacio, diasSemana: [1, 3], hora: '08:15' });
    const f = formularioDesde({
      ...cuerpo,
      descripcion: cuerpo.descripcion,
      destinatarios: cuerpo.destinatarios!,
      cuentaIds: cuerpo.cuentaIds ?? [],
      diasSemana: cuerpo.diasSemana ?? [],
    });
    expect(f.hora).toBe('08:15');
    expect(f.diasSemana).toEqual([1, 3]);
    expect(cuerpoDefinicion(f)).toEqual(cuerpo);
  });
});

describe('describirProgramacion', () => {
  it('describe la programación en palabras', () => {
    const base = { tipo: 'documentos_vencidos' as const, diaMes: null, hora: '09:30' };
    expect(describirProgramacion({ ...base, frecuencia: 'semanal', diasSemana: [3, 1] })).toBe(
      'Cada lunes y miércoles a las 09:30',
    );
    expect(describirProgramacion({ ...base, frecuencia: 'semanal', diasSemana: [1, 3, 5] })).toBe(
      'Cada lunes, miércoles y viernes a las 09:30',
    );
    expect(describirProgramacion({ ...base, frecuencia: 'diaria', diasSemana: [] })).toBe(
      'Todos los días a las 09:30',
    );
    expect(describirProgramacion({ ...base, frecuencia: 'mensual', diasSemana: [], diaMes: 31 })).toBe(
      'El último día de cada mes a las 09:30',
    );
  });
});

describe('textoConteo', () => {
  it('muestra una raya mientras no se sabe', () => {
    expect(textoConteo(null)).toBe('—');
    expect(textoConteo({ clientes: 1200, contactos: 1500, omitidos: 3 })).toBe(
      '1.200 clientes, 1.500 contactos (3 omitidos)',
    );
  });
});

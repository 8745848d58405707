import { describe, expect, it } from 'vitest';
import {
  actualizar,
  agregar,
  cuerpo,
  describirDias,
  mover,
  nuevoPaso,
  quitar,
  validar,
  type Paso,
} from './pasos';

const paso = (nombre: string, dias: number, cambios: Partial<Paso> = {}): Paso => ({
  ...nuevoPaso([]),
  nombre,
  dias,
  ...cambios,
});

describe('editor de la política de cobranza', () => {
  const base = [paso('Preventiva', -5), paso('Primer aviso', 0), paso('Segundo aviso', 15)];

  it('agrega un paso 15 días después del último con un nombre libre', () => {
    const r = agregar(base);
    expect(r).toHaveLength(4);
    expect(r[3]).toMatchObject({ nombre: 'Paso 4', dias: 30, accion: 'tarea', tipoTarea: 'llamada' });
  });

  it('quita el paso indicado', () => {
    expect(quitar(base, 1).map((p) => p.nombre)).toEqual(['Preventiva', 'Segundo aviso']);
  });

  it('mueve un paso arriba o abajo y no sale de la lista', () => {
    expect(mover(base, 2, -1).map((p) => p.nombre)).toEqual(['Preventiva', 'Segundo aviso', 'Primer aviso']);
    expect(mover(base, 0, 1).map((p) => p.nombre)).toEqual(['Primer aviso', 'Preventiva', 'Segundo aviso']);
    expect(mover(base, 0, -1)).toBe(base);
    expect(mover(base, 2, 1)).toBe(base);
  });

  it('valida nombres repetidos y días fuera de orden con el nombre de campo del servidor', () => {
    const errores = validar([paso('Aviso', 10), paso('aviso', 5)]);
    expect(errores).toEqual({
      'pasos[1].nombre': 'Otro paso ya tiene este nombre.',
      'pasos[1].dias': 'Debe ser mayor que el del paso anterior (10).',
    });
    expect(validar(base)).toEqual({});
  });

  it('valida rangos y la etapa de una derivación', () => {
    const errores = validar([
      paso('', 2000, { diasMinimosDesdeAnterior: -1, accion: 'derivacion', etapa: 'administrativa' }),
    ]);
    expect(Object.keys(errores).sort()).toEqual([
      'pasos[0].dias',
      'pasos[0].diasMinimosDesdeAnterior',
      'pasos[0].etapa',
      'pasos[0].nombre',
    ]);
  });

  it('al cambiar la acción limpia los parámetros de la anterior', () => {
    const conPlantilla = [
      paso('Carta', 0, { accion: 'carta', tipoTarea: null, plantilla: '<p>{{ paso }}</p>' }),
    ];
    expect(actualizar(conPlantilla, 0, { accion: 'tarea' })[0]).toMatchObject({
      tipoTarea: 'llamada',
      plantilla: null,
    });
    expect(actualizar(base, 0, { accion: 'derivacion' })[0]).toMatchObject({
      etapa: 'prejudicial',
      tipoTarea: null,
    });
  });

  it('arma el cuerpo sin parámetros ajenos a la acción', () => {
    const c = cuerpo([paso(' Carta ', 0, { accion: 'carta', tipoTarea: 'visita', plantilla: '   ' })]);
    expect(c.pasos[0]).toMatchObject({ nombre: 'Carta', tipoTarea: null, plantilla: null });
  });

  it('describe el disparador en palabras', () => {
    expect(describirDias(-5)).toBe('5 días antes del vencimiento');
    expect(describirDias(0)).toBe('el día del vencimiento');
    expect(describirDias(1)).toBe('1 día después del vencimiento');
  });
});

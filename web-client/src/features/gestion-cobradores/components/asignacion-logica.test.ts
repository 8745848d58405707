import { describe, expect, it } from 'vitest';
import { balancePorCobrador, cuerpoReasignacion, erroresReglas, moverRegla } from './asignacion-logica';

describe('moverRegla', () => {
  it('sube y baja una regla sin salirse de la lista', () => {
    expect(moverRegla(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moverRegla(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moverRegla(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a']);
  });
});

describe('erroresReglas', () => {
  it('marca la regla repetida (sin importar mayúsculas ni tildes) y la incompleta', () => {
    expect(
      erroresReglas([
        { tipo: 'segmento', segmento: 'Gobierno', cobradorId: 'x' },
        { tipo: 'segmento', segmento: ' gobiérno ', cobradorId: 'y' },
        { tipo: 'cuenta_clave', segmento: null, cobradorId: '' },
        { tipo: 'segmento', segmento: '', cobradorId: 'x' },
      ]),
    ).toEqual([
      null,
      'Repetida: ya hay una regla para esto más arriba.',
      'Elija el cobrador.',
      'Elija el segmento.',
    ]);
  });
});

describe('cuerpoReasignacion', () => {
  const base = {
    desdeCobradorId: null,
    segmento: null,
    region: null,
    comuna: null,
    carteraId: null,
    haciaCobradorId: 'h',
  };

  it('pide al menos un criterio y un destino distinto del origen', () => {
    expect(cuerpoReasignacion(base, true)).toEqual({
      error: 'Indique de qué cobrador o con qué filtro se eligen los clientes.',
    });
    expect(cuerpoReasignacion({ ...base, haciaCobradorId: null }, true)).toHaveProperty('error');
    expect(cuerpoReasignacion({ ...base, desdeCobradorId: 'h' }, true)).toEqual({
      error: 'El cobrador de origen y el de destino son el mismo.',
    });
  });

  it('arma el cuerpo con los textos vacíos como nulos', () => {
    expect(
      cuerpoReasignacion({ ...base, desdeCobradorId: 'd', comuna: ' Talca ', region: '  ' }, false),
    ).toEqual({
      cuerpo: {
        desdeCobradorId: 'd',
        clienteIds: null,
        filtro: { segmento: null, region: null, comuna: 'Talca', carteraId: null },
        haciaCobradorId: 'h',
        simular: false,
      },
    });
  });
});

describe('balancePorCobrador', () => {
  it('cuenta cuántos clientes gana y pierde cada cobrador', () => {
    expect(
      balancePorCobrador([
        { cobradorAnterior: 'Ana', cobradorNuevo: 'Beto' },
        { cobradorAnterior: 'Ana', cobradorNuevo: 'Beto' },
        { cobradorAnterior: null, cobradorNuevo: 'Ana' },
      ]),
    ).toEqual([
      { cobrador: 'Ana', entran: 1, salen: 2 },
      { cobrador: 'Beto', entran: 2, salen: 0 },
      { cobrador: 'Sin cobrador', entran: 0, salen: 1 },
    ]);
  });
});

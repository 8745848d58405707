import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { controlarLineas, erroresPorDocumento, lineasManuales, totalLineas } from './lineas';

describe('lineasManuales', () => {
  it('keeps positive amounts in the order of the documents', () => {
    const l = lineasManuales({ b: '20000', a: 5000, c: '', d: 0 }, ['a', 'b', 'c', 'd']);
    expect(l).toEqual([
      { documentoId: 'a', cuota: null, monto: 5000 },
      { documentoId: 'b', cuota: null, monto: 20000 },
    ]);
    expect(totalLineas(l)).toBe(25000);
  });

  it('ignores amounts of documents no longer listed', () => {
    expect(lineasManuales({ x: 100 }, ['a'])).toEqual([]);
  });
});

describe('controlarLineas', () => {
  const saldos = { a: 10000, b: 50000 };

  it('totals the lines and what remains of the credit note', () => {
    const r = controlarLineas(lineasManuales({ a: 10000, b: 5000 }, ['a', 'b']), 30000, saldos);
    expect(r).toEqual({ total: 15000, restante: 15000, error: null });
  });

  it('rejects an empty set, an amount over the document balance and a total over the credit note', () => {
    expect(controlarLineas([], 30000, saldos).error).toMatch(/al menos un documento/);
    expect(controlarLineas(lineasManuales({ a: 10001 }, ['a']), 30000, saldos).error).toMatch(
      /saldo de su documento/,
    );
    const r = controlarLineas(lineasManuales({ a: 10000, b: 25000 }, ['a', 'b']), 30000, saldos);
    expect(r.restante).toBe(-5000);
    expect(r.error).toMatch(/saldo de la nota de crédito/);
  });
});

describe('erroresPorDocumento', () => {
  it('maps aplicaciones[i] errors to the document of line i, without the rule prefix', () => {
    const lineas = lineasManuales({ a: 1, b: 2 }, ['a', 'b']);
    const e = new ApiError(422, {
      errors: { 'aplicaciones[1].monto': ['excede_saldo: Excede el saldo.'], motivo: ['NotEmpty: x'] },
    });
    expect(erroresPorDocumento(e, lineas)).toEqual({ b: 'Excede el saldo.' });
    expect(erroresPorDocumento(new Error('x'), lineas)).toEqual({});
  });
});

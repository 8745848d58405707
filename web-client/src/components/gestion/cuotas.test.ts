import { describe, expect, it } from 'vitest';
import {
  cuerpoCompromiso,
  dividirEnCuotas,
  sumarDias,
  totalCuotas,
  validarCompromiso,
  type FormularioCompromiso,
} from '@/components/gestion/cuotas';

const base: FormularioCompromiso = {
  modo: 'monto',
  documentoIds: [],
  cuotas: [{ fecha: '2026-12-10', monto: 50_000 }],
  canal: 'telefono',
  notas: '',
};

describe('cuotas de un compromiso', () => {
  it('suma días cruzando meses y años', () => {
    expect(sumarDias('2026-12-31', 1)).toBe('2027-01-01');
    expect(sumarDias('2026-01-31', 30)).toBe('2026-03-02');
  });

  it('divide un monto entero y deja el resto en la última cuota', () => {
    const cuotas = dividirEnCuotas(100_000, 3, '2026-12-01', 15);
    expect(cuotas).toEqual([
      { fecha: '2026-12-01', monto: 33_333 },
      { fecha: '2026-12-16', monto: 33_333 },
      { fecha: '2026-12-31', monto: 33_334 },
    ]);
    expect(totalCuotas(cuotas)).toBe(100_000);
  });

  it('un formulario válido no tiene errores', () => {
    expect(validarCompromiso(base, '2026-12-01', null)).toEqual({});
  });

  it('rechaza fechas pasadas o repetidas y montos no positivos o con decimales', () => {
    const f = {
      ...base,
      cuotas: [
        { fecha: '2026-11-30', monto: 0 },
        { fecha: '2026-12-10', monto: 10.5 },
        { fecha: '2026-12-10', monto: '' as const },
      ],
    };
    expect(validarCompromiso(f, '2026-12-01', null)).toEqual({
      'cuotas.0.fecha': 'La fecha no puede ser anterior a hoy.',
      'cuotas.0.monto': 'El monto debe ser mayor que 0.',
      'cuotas.1.monto': 'El monto en CLP no lleva decimales.',
      'cuotas.2.fecha': 'Dos cuotas no pueden tener la misma fecha.',
      'cuotas.2.monto': 'El monto debe ser mayor que 0.',
    });
  });

  it('con documentos exige elegirlos y no pasar su saldo', () => {
    const f: FormularioCompromiso = { ...base, modo: 'documentos' };
    expect(validarCompromiso(f, '2026-12-01', null).documentoIds).toBe('Elija al menos un documento.');
    const elegidos = { ...f, documentoIds: ['d1'] };
    expect(validarCompromiso(elegidos, '2026-12-01', 40_000).cuotas).toMatch(/saldo/);
    expect(validarCompromiso(elegidos, '2026-12-01', 50_000)).toEqual({});
  });

  it('el cuerpo lleva documentos solo si el compromiso es de documentos', () => {
    expect(cuerpoCompromiso('c1', { ...base, documentoIds: ['d1'], notas: '  ' })).toEqual({
      clienteId: 'c1',
      documentoIds: null,
      cuotas: [{ fecha: '2026-12-10', monto: 50_000 }],
      canal: 'telefono',
      notas: null,
    });
    expect(
      cuerpoCompromiso('c1', { ...base, modo: 'documentos', documentoIds: ['d1'] }).documentoIds,
    ).toEqual(['d1']);
  });
});

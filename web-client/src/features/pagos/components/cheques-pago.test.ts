import { describe, expect, it } from 'vitest';
import {
  cuerposCheques,
  erroresCheques,
  esChequeAFecha,
  referenciaCheque,
  sumarMeses,
  totalCheques,
} from '@/features/pagos/components/cheques-pago';

const base = {
  clienteId: 'c1',
  rut: null,
  fecha: '2026-03-10',
  moneda: 'CLP',
  aplicacion: 'automatica',
  aplicaciones: null,
};

describe('cheques de un pago', () => {
  it('registra un pago por cheque, cada uno con su fecha, banco y número en la referencia', () => {
    const cuerpos = cuerposCheques(base, [
      { fechaCheque: '2026-04-10', banco: 'Banco Estado', numero: '1001', monto: 100000 },
      { fechaCheque: '2026-05-10', banco: '', numero: '1002', monto: '50000' },
    ]);

    expect(cuerpos).toEqual([
      expect.objectContaining({
        canal: 'cheque',
        monto: 100000,
        fechaCheque: '2026-04-10',
        referencia: 'Cheque N° 1001 Banco Estado',
        fecha: '2026-03-10',
        aplicacion: 'automatica',
      }),
      expect.objectContaining({ monto: 50000, fechaCheque: '2026-05-10', referencia: 'Cheque N° 1002' }),
    ]);
  });

  it('un cheque a fecha siempre se aplica automáticamente; uno al día conserva la aplicación manual', () => {
    const manual = {
      ...base,
      aplicacion: 'manual',
      aplicaciones: [{ documentoId: 'd1', cuota: null, monto: 10 }],
    };
    const aFecha = cuerposCheques(manual, [{ fechaCheque: '2026-04-10', banco: '', numero: '1', monto: 10 }]);
    const alDia = cuerposCheques(manual, [{ fechaCheque: '2026-03-10', banco: '', numero: '1', monto: 10 }]);

    expect(aFecha?.[0]).toMatchObject({ aplicacion: 'automatica', aplicaciones: null });
    expect(alDia?.[0]).toMatchObject({ aplicacion: 'manual', aplicaciones: manual.aplicaciones });
  });

  it('no arma cuerpos mientras un cheque esté incompleto, y dice qué falta en español', () => {
    const cheques = [{ fechaCheque: null, banco: 'BCI', numero: ' ', monto: 0 }];

    expect(cuerposCheques(base, cheques)).toBeNull();
    expect(erroresCheques(cheques)).toEqual({
      'cheques.0.fechaCheque': 'Indique la fecha del cheque.',
      'cheques.0.numero': 'Indique el número del cheque.',
      'cheques.0.monto': 'Ingrese un monto mayor que cero.',
    });
  });

  it('a fecha es posterior a la recepción; suma montos; el mes siguiente respeta fin de mes', () => {
    const c = { fechaCheque: '2026-03-11', banco: '', numero: '1', monto: '' };
    expect(esChequeAFecha(c, '2026-03-10')).toBe(true);
    expect(esChequeAFecha(c, '2026-03-11')).toBe(false);
    expect(totalCheques([{ ...c, monto: 1500 }, { ...c, monto: '2500' }, c])).toBe(4000);
    expect(sumarMeses('2026-01-31', 1)).toBe('2026-02-28');
    expect(sumarMeses('2026-12-15', 1)).toBe('2027-01-15');
    expect(referenciaCheque({ ...c, numero: '', banco: '' })).toBeNull();
  });
});

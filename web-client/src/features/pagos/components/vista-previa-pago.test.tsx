import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { renderizar } from '@/testing/render';
import type { VistaPrevia } from '@/api/tipos-cartera';
import { AccionConMotivo } from '@/components/ui/accion-con-motivo';
import { VistaPreviaPago } from '@/features/pagos/components/vista-previa-pago';

const vista: VistaPrevia = {
  cliente: { id: 'c1', rut: '12531909-2', razonSocial: 'Ferretería Los Aromos Ltda' },
  monto: 150000,
  moneda: 'CLP',
  aplicado: 119000,
  saldoAFavor: 31000,
  aplicaciones: [
    { documentoId: 'd1', tipo: '33', folio: 1234, cuota: 1, fechaVencimiento: '2026-03-01', monto: 119000 },
  ],
  recuperos: [],
};

describe('VistaPreviaPago', () => {
  it('muestra las líneas, lo aplicado y el saldo a favor en pesos', () => {
    renderizar(<VistaPreviaPago datos={vista} cargando={false} error={null} />);
    const fila = within(screen.getByRole('table', { name: 'Vista previa' })).getByRole('row', {
      name: /Factura N° 1234/,
    });
    expect(fila).toHaveTextContent('01-03-2026');
    expect(fila).toHaveTextContent('$119.000');
    expect(screen.getByTestId('vista-previa-aplicado')).toHaveTextContent('$119.000');
    expect(screen.getByTestId('vista-previa-saldo-a-favor')).toHaveTextContent('$31.000');
  });

  it('muestra lo que irá como recupero de un documento castigado', () => {
    renderizar(
      <VistaPreviaPago
        datos={{
          ...vista,
          saldoAFavor: 1000,
          recuperos: [{ documentoId: 'd9', tipo: '33', folio: 77, monto: 30000, montoClp: 30000 }],
        }}
        cargando={false}
        error={null}
      />,
    );
    const fila = within(
      screen.getByRole('table', { name: 'Recuperos de castigos en la vista previa' }),
    ).getByRole('row', { name: /Factura N° 77/ });
    expect(fila).toHaveTextContent('$30.000');
    expect(screen.getByTestId('vista-previa-saldo-a-favor')).toHaveTextContent('$1.000');
  });

  it('muestra los errores del servidor sin el prefijo de regla', () => {
    const error = new ApiError(422, {
      status: 422,
      errors: { 'aplicaciones[0].monto': ['excede_saldo: El monto excede el saldo del documento.'] },
    });
    renderizar(<VistaPreviaPago datos={undefined} cargando={false} error={error} />);
    expect(screen.getByText('El monto excede el saldo del documento.')).toBeInTheDocument();
  });
});

describe('AccionConMotivo', () => {
  it('exige el motivo y muestra el error del servidor en el campo', async () => {
    const onConfirm = vi
      .fn()
      .mockRejectedValue(
        new ApiError(422, { errors: { motivo: ['MaximumLength: Motivo demasiado largo.'] } }),
      );
    renderizar(
      <AccionConMotivo
        titulo="Reversar aplicación"
        mensaje="¿Seguro?"
        confirmar="Reversar"
        onConfirm={onConfirm}
      >
        Reversar
      </AccionConMotivo>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Reversar' }));
    const dialogo = await screen.findByRole('dialog');
    await user.click(within(dialogo).getByRole('button', { name: 'Reversar' }));
    expect(await within(dialogo).findByText('Indique el motivo.')).toBeInTheDocument();
    expect(onConfirm).not.toHaveBeenCalled();
    await user.type(within(dialogo).getByLabelText('Motivo'), 'Pago duplicado');
    await user.click(within(dialogo).getByRole('button', { name: 'Reversar' }));
    expect(onConfirm).toHaveBeenCalledWith('Pago duplicado', null);
    expect(await within(dialogo).findByText('Motivo demasiado largo.')).toBeInTheDocument();
  });
});

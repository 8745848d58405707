import {
  campoOculto,
  descripcionRegistro,
  nombreCampo,
  nombreEntidad,
  nombreOperacion,
  valorLegible,
} from '@/lib/auditoria-legible';

describe('auditoría legible', () => {
  it('names entities, operations and fields in Spanish', () => {
    expect(nombreEntidad('Aplicacion')).toBe('Aplicación de pago');
    expect(nombreEntidad('HistorialEstadoCredito')).toBe('Estado de crédito');
    expect(nombreEntidad('AlgoNuevo')).toBe('Algo nuevo');
    expect(nombreOperacion('modificar')).toBe('Modificación');
    expect(nombreCampo('FechaVencimiento')).toBe('Fecha vencimiento');
    expect(nombreCampo('RazonSocial')).toBe('Razón social');
    expect(nombreCampo('ClienteId')).toBe('Cliente');
    expect(nombreCampo('LimiteCredito')).toBe('Límite crédito');
  });

  it('hides concurrency and technical fields', () => {
    expect(campoOculto('xmin')).toBe(true);
    expect(campoOculto('EmpresaId')).toBe(true);
    expect(campoOculto('Id')).toBe(true);
    expect(campoOculto('ClienteId')).toBe(false);
  });

  it('formats dates, money, RUTs and booleans', () => {
    expect(valorLegible('Saldo', 1190000)).toBe('$1.190.000');
    expect(valorLegible('Total', '119000.00')).toBe('$119.000');
    expect(valorLegible('PlazoDias', 30)).toBe('30');
    expect(valorLegible('FechaVencimiento', '2026-03-05')).toBe('05-03-2026');
    expect(valorLegible('Rut', '12531909-2')).toBe('12.531.909-2');
    expect(valorLegible('CuentaClave', true)).toBe('Sí');
    expect(valorLegible('Notas', null)).toBe('—');
  });

  it('names the record instead of its UUID and links to its screen', () => {
    const id = '0190f2a4-1111-7222-8333-944445555666';
    expect(
      descripcionRegistro(
        'Cliente',
        id,
        null,
        JSON.stringify({ RazonSocial: 'Ferretería Sur', Rut: '12531909-2' }),
      ),
    ).toEqual({ texto: 'Ferretería Sur (12.531.909-2)', enlace: `/clientes/${id}` });
    expect(descripcionRegistro('Documento', id, JSON.stringify({ Folio: 1234, Tipo: '33' }), null)).toEqual({
      texto: 'N° 1234',
      enlace: `/cartera/documentos/${id}`,
    });
    const contacto = descripcionRegistro(
      'Contacto',
      id,
      null,
      JSON.stringify({ Nombre: 'Ana', ClienteId: 'c-1' }),
    );
    expect(contacto).toEqual({ texto: 'Ana', enlace: '/clientes/c-1' });
    expect(descripcionRegistro('Alerta', id, null, '{}').texto).toBe('…555666');
  });
});

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
    expect(descripcionRegistro('Alerta', id, null, '{}').texto).toBe('Alerta (sin nombre registrado)');
  });

  it('sin nombre en la instantánea dice a qué pertenece o que se eliminó, nunca un trozo del id', () => {
    const id = '0190f2a4-1111-7222-8333-944445555666';
    const aplicacion = descripcionRegistro(
      'Aplicacion',
      id,
      JSON.stringify({ Reversada: false }),
      JSON.stringify({ Reversada: true, DocumentoId: 'd-1' }),
      'modificar',
    );
    expect(aplicacion).toEqual({
      texto: 'Aplicación de pago de un documento',
      enlace: '/cartera/documentos/d-1',
    });
    expect(descripcionRegistro('Cuota', id, null, JSON.stringify({ Numero: 2, DocumentoId: 'd-1' }))).toEqual(
      {
        texto: 'Cuota 2',
        enlace: '/cartera/documentos/d-1',
      },
    );
    expect(descripcionRegistro('Cliente', id, '{}', null, 'eliminar')).toEqual({
      texto: 'Cliente eliminado',
      enlace: null,
    });
    expect(
      descripcionRegistro('Cliente', id, JSON.stringify({ Giro: null }), JSON.stringify({ Giro: 'X' })).texto,
    ).toBe('Ver cliente');
    expect(descripcionRegistro('ConfiguracionCartera', 'e-1', null, '{}').texto).toBe(
      'Configuración de la empresa',
    );
    expect(descripcionRegistro('Compromiso', id, null, JSON.stringify({ ClienteId: 'c-9' }))).toEqual({
      texto: 'Compromiso de pago de un cliente',
      enlace: '/clientes/c-9',
    });
    for (const texto of [aplicacion.texto]) expect(texto).not.toMatch(/…/);
  });
});

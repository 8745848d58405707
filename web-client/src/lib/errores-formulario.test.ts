import { ApiError } from '@/api/errors';
import { erroresDeCampos, sinRegla } from '@/lib/errores-formulario';

describe('erroresDeCampos', () => {
  const error = new ApiError(400, {
    status: 400,
    title: 'Datos inválidos',
    detail: 'rut: ...',
    errors: {
      rut: ['rut_invalido: El RUT 12531909-3 no es válido.'],
      razonSocial: ['NotEmptyValidator: Debe indicar la razón social.', 'MaximumLengthValidator: Muy larga.'],
      'contactos[0].email': ['EmailValidator: E-mail inválido.'],
      $: ['json: cuerpo ilegible'],
      otro: ['x: y'],
    },
  });

  it('maps errors to known fields and keeps the rest', () => {
    const r = erroresDeCampos(error, ['rut', 'razonSocial', 'contactos.0.email']);
    expect(r.campos).toEqual({
      rut: 'El RUT 12531909-3 no es válido.',
      razonSocial: 'Debe indicar la razón social. Muy larga.',
      'contactos.0.email': 'E-mail inválido.',
    });
    expect(r.otros).toEqual(['cuerpo ilegible', 'otro: y']);
  });

  it('ignores non-API errors', () => {
    expect(erroresDeCampos(new Error('x'), ['rut'])).toEqual({ campos: {}, otros: [] });
  });

  it('strips the rule prefix only', () => {
    expect(sinRegla('regla: mensaje: con dos puntos')).toBe('mensaje: con dos puntos');
    expect(sinRegla('Mensaje sin regla')).toBe('Mensaje sin regla');
  });
});

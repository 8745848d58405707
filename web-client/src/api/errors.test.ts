import { ApiError, esModuloPerdido, esTextoParaPersona, mensajeDeError, mensajeDeEstado } from '@/api/errors';

const error = (status: number, problema: Partial<ConstructorParameters<typeof ApiError>[1]> = {}) =>
  new ApiError(status, { status, title: null, detail: null, ...problema });

describe('mensajeDeError', () => {
  it('never lets the framework English reach a person', () => {
    const casos: [number, string | null, string | null][] = [
      [404, 'Not Found', null],
      [403, 'Forbidden', null],
      [500, 'Internal Server Error', null],
      [500, 'An error occurred while processing your request.', null],
      [400, 'One or more validation errors occurred.', null],
      [503, 'Service Unavailable', null],
      [401, 'Unauthorized', null],
      [409, 'Conflict', 'The entity was modified by another request'],
    ];
    for (const [status, title, detail] of casos) {
      const m = mensajeDeError(error(status, { title, detail }));
      expect(m, `${status} ${title}`).toBe(mensajeDeEstado(status));
      expect(m).not.toMatch(/not found|forbidden|internal|error occurred|unauthorized|conflict/i);
    }
    expect(mensajeDeError(error(404))).toBe('No se encontró lo que busca; puede haber sido eliminado.');
    expect(mensajeDeError(error(403))).toBe('No tiene permiso para esta acción.');
    expect(mensajeDeError(error(502))).toMatch(/no está disponible/);
    expect(mensajeDeError(error(418))).toBe('No se pudo completar la operación (código 418).');
  });

  it("shows the problem's Spanish detail, else its Spanish field errors", () => {
    expect(
      mensajeDeError(
        error(422, { title: 'Unprocessable Entity', detail: 'Un pago no puede tener fecha futura.' }),
      ),
    ).toBe('Un pago no puede tener fecha futura.');
    expect(
      mensajeDeError(
        error(400, {
          title: 'One or more validation errors occurred.',
          errors: { monto: ['El monto debe ser mayor que cero.'], fecha: ['The Fecha field is required.'] },
        }),
      ),
    ).toBe('El monto debe ser mayor que cero.');
    expect(mensajeDeError(error(409, { title: 'Conflicto de concurrencia' }))).toBe(
      'Conflicto de concurrencia',
    );
  });

  it('says a lost connection and a lost screen in Spanish', () => {
    expect(mensajeDeError(new TypeError('Failed to fetch'))).toMatch(/No se pudo conectar/);
    expect(
      mensajeDeError(
        new TypeError('Failed to fetch dynamically imported module: http://x/assets/pagos-abc.js'),
      ),
    ).toMatch(/No se pudo cargar esta pantalla/);
    expect(mensajeDeError(new Error('The request failed'))).toBe('Ocurrió un error inesperado.');
    expect(mensajeDeError('x')).toBe('Ocurrió un error inesperado.');
  });

  it('tells Spanish from English', () => {
    expect(esTextoParaPersona('Ya existe un cliente con RUT 12.531.909-2.')).toBe(true);
    expect(esTextoParaPersona('El RUT no es válido')).toBe(true);
    expect(esTextoParaPersona('The Monto field is required.')).toBe(false);
    expect(esTextoParaPersona('Not Found')).toBe(false);
    expect(esTextoParaPersona('')).toBe(false);
    expect(esModuloPerdido(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(esModuloPerdido(new Error('Failed to fetch'))).toBe(false);
  });
});

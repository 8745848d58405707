import { errorContrasena } from '@/features/auth/components/politica-contrasena';

describe('errorContrasena', () => {
  it('requires length, upper, lower and digit', () => {
    expect(errorContrasena('Ab1')).toMatch(/8/);
    expect(errorContrasena('abcdefg1')).toMatch(/mayúscula/);
    expect(errorContrasena('ABCDEFG1')).toMatch(/minúscula/);
    expect(errorContrasena('Abcdefgh')).toMatch(/dígito/);
    expect(errorContrasena('Secreta123')).toBeNull();
  });
});

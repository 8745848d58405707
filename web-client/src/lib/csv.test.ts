import { aCsv, celdaCsv } from '@/lib/csv';

describe('csv', () => {
  it('quotes when needed', () => {
    expect(celdaCsv('simple')).toBe('simple');
    expect(celdaCsv('a,b')).toBe('"a,b"');
    expect(celdaCsv('dice "hola"')).toBe('"dice ""hola"""');
    expect(celdaCsv(null)).toBe('');
    expect(celdaCsv(true)).toBe('true');
  });

  it('joins rows with CRLF', () => {
    expect(
      aCsv([
        ['rut', 'razonSocial'],
        ['1-9', 'A, B'],
      ]),
    ).toBe('rut,razonSocial\r\n1-9,"A, B"\r\n');
  });
});

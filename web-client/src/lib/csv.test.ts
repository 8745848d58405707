import { aCsv, celdaCsv } from '@/lib/csv';

describe('csv', () => {
  it('quotes when needed', () => {
    expect(celdaCsv('simple')).toBe('simple');
    expect(celdaCsv('a,b')).toBe('"a,b"');
    expect(celdaCsv('dice "hola"')).toBe('"dice ""hola"""');
    expect(celdaCsv(null)).toBe('');
    expect(celdaCsv(true)).toBe('true');
  });

  it('writes formulas as text, and negative numbers as numbers', () => {
    expect(celdaCsv('=HYPERLINK("http://malo.test")')).toBe(`"'=HYPERLINK(""http://malo.test"")"`);
    expect(celdaCsv('@SUMA(A1)')).toBe("'@SUMA(A1)");
    expect(celdaCsv('+56 9 1234')).toBe("'+56 9 1234");
    expect(celdaCsv('-1+1')).toBe("'-1+1");
    expect(celdaCsv('-1.234,50')).toBe('"-1.234,50"');
    expect(celdaCsv(-5)).toBe('-5');
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

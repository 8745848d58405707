import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderizar } from '@/testing/render';
import {
  TablaErroresImportacion,
  type ErrorImportacion,
} from '@/components/importacion/tabla-errores-importacion';

describe('TablaErroresImportacion', () => {
  it('muestra la fila, la columna como la nombra el archivo y la frase, nunca el código de la regla', () => {
    const errores: ErrorImportacion[] = [
      {
        fila: 2,
        columna: 'Razón Social',
        regla: 'requerido',
        mensaje: '«Razón Social» no debería estar vacío.',
      },
      {
        fila: '3',
        campo: 'fechaEmision',
        columna: 'Emisión',
        regla: 'formato',
        mensaje: "'mañana' no es una fecha (aaaa-mm-dd o dd-mm-aaaa).",
      },
      { fila: 4, campo: 'total', regla: 'formato', mensaje: "'x' no es un número." },
      { fila: 1, columna: 'archivo', regla: 'vacio', mensaje: 'El archivo no tiene filas de datos.' },
    ];
    renderizar(<TablaErroresImportacion errores={errores} />);
    expect(screen.getAllByRole('columnheader').map((c) => c.textContent)).toEqual([
      'Fila',
      'Columna del archivo',
      'Qué corregir',
    ]);
    const filas = screen.getAllByRole('row').slice(1);
    expect(filas.map((f) => [...f.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['2', 'Razón Social', '«Razón Social» no debería estar vacío.'],
      ['3', 'Emisión', "'mañana' no es una fecha (aaaa-mm-dd o dd-mm-aaaa)."],
      ['4', 'total', "'x' no es un número."],
      ['1', 'Archivo completo', 'El archivo no tiene filas de datos.'],
    ]);
    expect(document.body.textContent).not.toContain('requerido');
    expect(document.body.textContent).not.toContain('vacio');
  });
});

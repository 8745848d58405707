import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderizar } from '@/testing/render';
import {
  TablaErroresImportacion,
  type ErrorImportacion,
} from '@/components/importacion/tabla-errores-importacion';

describe('TablaErroresImportacion', () => {
  it('muestra la columna tanto si viene como columna (clientes) como campo (cartera)', () => {
    const errores = [
      { fila: 2, columna: 'rut', regla: 'rut', mensaje: 'RUT inválido' },
      {
        fila: '3',
        campo: 'fechaEmision',
        regla: 'formato',
        mensaje: 'No es fecha',
      } as unknown as ErrorImportacion,
    ];
    renderizar(<TablaErroresImportacion errores={errores} />);
    const filas = screen.getAllByRole('row').slice(1);
    expect(filas.map((f) => [...f.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['2', 'rut', 'rut', 'RUT inválido'],
      ['3', 'fechaEmision', 'formato', 'No es fecha'],
    ]);
  });
});

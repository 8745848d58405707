import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderizar } from '@/testing/render';
import { ResultadoImportacion } from '@/components/importacion/importacion';

const error = (fila: number) => ({ fila, campo: 'rut', regla: 'rut_invalido', mensaje: 'RUT inválido.' });

function mostrar(filas: number, errores: ReturnType<typeof error>[]) {
  renderizar(
    <ResultadoImportacion
      resultado={{ aplicado: false, errores, filas }}
      noImportado="No se importó ningún documento"
      cifras={null}
      onParcial={vi.fn()}
      importar={{ isPending: false }}
    />,
  );
}

describe('ResultadoImportacion', () => {
  it('ofrece importar solo las filas válidas cuando hay alguna', () => {
    mostrar(3, [error(2), error(2), error(3)]);

    expect(screen.getByRole('button', { name: 'Importar solo filas válidas' })).toBeInTheDocument();
  });

  it('no ofrece importar solo las filas válidas si ninguna lo es', () => {
    mostrar(2, [error(2), error(3), error(3)]);

    expect(screen.queryByRole('button', { name: 'Importar solo filas válidas' })).not.toBeInTheDocument();
    expect(screen.getByText(/ninguna fila válida/)).toBeInTheDocument();
  });
});

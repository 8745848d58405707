import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderizar } from '@/testing/render';
import { TextoConRut } from '@/components/clientes/texto-con-rut';
import { partesConRut } from '@/lib/rut';

describe('TextoConRut', () => {
  it('formatea los RUT de un mensaje del servidor, escritos de cualquier forma', () => {
    expect(partesConRut('No hay un cliente con RUT 12531909-2.')).toEqual([
      { texto: 'No hay un cliente con RUT ', rut: false },
      { texto: '12.531.909-2', rut: true },
      { texto: '.', rut: false },
    ]);
    expect(partesConRut('RUT 7.654.321-k y 10626628-K').map((p) => p.texto)).toEqual([
      'RUT ',
      '7.654.321-K',
      ' y ',
      '10.626.628-K',
    ]);
    expect(partesConRut('Folio 12345 sin RUT')).toEqual([{ texto: 'Folio 12345 sin RUT', rut: false }]);
  });

  it('enlaza el RUT al cliente cuando se pide', () => {
    renderizar(<TextoConRut texto="Ya existe un cliente con RUT 12531909-2." enlazar />);
    expect(screen.getByRole('link', { name: 'Ver el cliente con RUT 12.531.909-2' })).toHaveAttribute(
      'href',
      '/clientes?buscar=125319092',
    );
  });
});

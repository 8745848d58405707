import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderizar } from '@/testing/render';
import type { ItemTrabajo } from '@/features/gestion-trabajo/api/use-mi-trabajo';
import { ListaTrabajo } from '@/features/gestion-trabajo/components/lista-trabajo';
import type { AccionTeclado } from '@/features/gestion-trabajo/components/teclado';

const item = (
  n: number,
  puntaje: number,
  razones: string[],
  partes: Partial<ItemTrabajo['partes']> = {},
): ItemTrabajo => ({
  tareaId: `t${n}`,
  clienteId: `c${n}`,
  razonSocial: `Cliente ${n} SpA`,
  rut: '76086428-5',
  tipo: 'llamada',
  titulo: `Llamar ${n}`,
  motivo: 'Motivo',
  origen: 'manual',
  fecha: '2026-11-30',
  puntaje,
  partes: { monto: 0, mora: 0, compromiso: 0, cuentaClave: 0, contacto: 0, atraso: 0, ...partes },
  razones,
  saldoVencido: 1234567,
  diasMora: 30,
  cuentaClave: false,
  ultimoContacto: null,
  cobradorId: null,
});

const items = [
  item(1, 54, ['Cuenta clave', '30 días de mora'], { monto: 24, mora: 10, cuentaClave: 10, contacto: 10 }),
  item(2, 35, ['Compromiso incumplido'], { compromiso: 25, contacto: 10 }),
  item(3, 12.5, ['Vencido $100.000'], { monto: 12.5 }),
];

function Prueba({
  onAccion,
  supervisor = false,
}: {
  onAccion: (a: AccionTeclado) => void;
  supervisor?: boolean;
}) {
  const [sel, setSel] = useState(0);
  return (
    <ListaTrabajo
      items={items}
      seleccionado={sel}
      puedeReasignar={supervisor}
      onSeleccionar={setSel}
      onAccion={onAccion}
    />
  );
}

describe('ListaTrabajo', () => {
  it('muestra el puntaje con su desglose accesible y las razones de cada tarea', () => {
    renderizar(<Prueba onAccion={() => {}} />);
    const filas = screen.getAllByRole('option');
    expect(filas).toHaveLength(3);
    const puntaje = within(filas[0]!).getByTestId('puntaje');
    expect(puntaje).toHaveTextContent('54');
    expect(puntaje).toHaveAttribute(
      'aria-label',
      'Puntaje 54 de 105: Monto vencido 24, Días de mora 10, Cuenta clave 10, Días sin contacto 10',
    );
    expect(within(filas[2]!).getByTestId('puntaje')).toHaveTextContent('12,5');
    expect(
      within(filas[1]!).getByText('Compromiso incumplido', { selector: '.mantine-Badge-label' }),
    ).toBeInTheDocument();
    expect(filas[0]).toHaveAttribute('aria-selected', 'true');
  });

  it('j/k y las flechas mueven la selección y el foco; Enter, c, p y r actúan sobre la tarea', () => {
    const onAccion = vi.fn();
    renderizar(<Prueba onAccion={onAccion} />);
    fireEvent.keyDown(document.body, { key: 'j' });
    let filas = screen.getAllByRole('option');
    expect(filas[1]).toHaveAttribute('aria-selected', 'true');
    expect(filas[1]).toHaveFocus();
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    filas = screen.getAllByRole('option');
    expect(filas[2]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');

    for (const key of ['Enter', 'c', 'p', 'r', '?']) fireEvent.keyDown(document.body, { key });
    expect(onAccion.mock.calls.map((c) => (c[0] as AccionTeclado).tipo)).toEqual([
      'abrir',
      'completar',
      'posponer',
      'ayuda',
    ]);
  });

  it('un supervisor reasigna con r y las teclas escritas en un campo no son atajos', () => {
    const onAccion = vi.fn();
    renderizar(
      <>
        <input aria-label="Buscar" />
        <Prueba onAccion={onAccion} supervisor />
      </>,
    );
    fireEvent.keyDown(screen.getByLabelText('Buscar'), { key: 'c' });
    expect(onAccion).not.toHaveBeenCalled();
    fireEvent.keyDown(document.body, { key: 'r' });
    expect(onAccion).toHaveBeenCalledWith({ tipo: 'reasignar' });
  });
});

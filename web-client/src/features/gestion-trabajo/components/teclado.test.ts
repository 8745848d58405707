import { describe, expect, it } from 'vitest';
import { accionDeTecla, esCampoEditable } from '@/features/gestion-trabajo/components/teclado';

describe('accionDeTecla', () => {
  it('j y flecha abajo bajan, k y flecha arriba suben, sin salirse de la lista', () => {
    expect(accionDeTecla({ key: 'j' }, 0, 3, false)).toEqual({ tipo: 'mover', indice: 1 });
    expect(accionDeTecla({ key: 'ArrowDown' }, 2, 3, false)).toEqual({ tipo: 'mover', indice: 2 });
    expect(accionDeTecla({ key: 'k' }, 2, 3, false)).toEqual({ tipo: 'mover', indice: 1 });
    expect(accionDeTecla({ key: 'ArrowUp' }, 0, 3, false)).toEqual({ tipo: 'mover', indice: 0 });
    expect(accionDeTecla({ key: 'End' }, 0, 3, false)).toEqual({ tipo: 'mover', indice: 2 });
    expect(accionDeTecla({ key: 'Home' }, 2, 3, false)).toEqual({ tipo: 'mover', indice: 0 });
  });

  it('Enter abre, c completa, p pospone y ? muestra la ayuda', () => {
    expect(accionDeTecla({ key: 'Enter' }, 0, 1, false)).toEqual({ tipo: 'abrir' });
    expect(accionDeTecla({ key: 'c' }, 0, 1, false)).toEqual({ tipo: 'completar' });
    expect(accionDeTecla({ key: 'p' }, 0, 1, false)).toEqual({ tipo: 'posponer' });
    expect(accionDeTecla({ key: '?' }, 0, 0, false)).toEqual({ tipo: 'ayuda' });
  });

  it('l registra una llamada, m toma un compromiso y d abre una disputa', () => {
    expect(accionDeTecla({ key: 'l' }, 0, 1, false)).toEqual({ tipo: 'llamada' });
    expect(accionDeTecla({ key: 'm' }, 0, 1, false)).toEqual({ tipo: 'compromiso' });
    expect(accionDeTecla({ key: 'd' }, 0, 1, false)).toEqual({ tipo: 'disputa' });
    expect(accionDeTecla({ key: 'l', ctrlKey: true }, 0, 1, false)).toBeNull();
    expect(accionDeTecla({ key: 'd' }, 0, 0, false)).toBeNull();
  });

  it('r solo reasigna para un supervisor', () => {
    expect(accionDeTecla({ key: 'r' }, 0, 1, false)).toBeNull();
    expect(accionDeTecla({ key: 'r' }, 0, 1, true)).toEqual({ tipo: 'reasignar' });
  });

  it('deja al navegador las teclas con modificador y no actúa sobre una lista vacía', () => {
    expect(accionDeTecla({ key: 'c', ctrlKey: true }, 0, 1, false)).toBeNull();
    expect(accionDeTecla({ key: 'r', metaKey: true }, 0, 1, true)).toBeNull();
    expect(accionDeTecla({ key: 'j' }, 0, 0, false)).toBeNull();
    expect(accionDeTecla({ key: 'x' }, 0, 2, false)).toBeNull();
  });
});

describe('esCampoEditable', () => {
  it('las teclas escritas en un campo o un diálogo no son atajos', () => {
    const input = document.createElement('input');
    const dialogo = document.createElement('div');
    dialogo.setAttribute('role', 'dialog');
    const boton = document.createElement('button');
    dialogo.appendChild(boton);
    expect(esCampoEditable(input)).toBe(true);
    expect(esCampoEditable(boton)).toBe(true);
    expect(esCampoEditable(document.createElement('li'))).toBe(false);
    expect(esCampoEditable(null)).toBe(false);
    const opciones = document.createElement('ul');
    opciones.setAttribute('role', 'listbox');
    const opcion = document.createElement('li');
    opciones.appendChild(opcion);
    expect(esCampoEditable(opcion)).toBe(true);
  });

  it('la fila enfocada de la lista de trabajo sí recibe los atajos', () => {
    const lista = document.createElement('ul');
    lista.setAttribute('role', 'listbox');
    lista.setAttribute('data-lista-trabajo', '');
    const fila = document.createElement('li');
    lista.appendChild(fila);
    expect(esCampoEditable(fila)).toBe(false);
  });
});

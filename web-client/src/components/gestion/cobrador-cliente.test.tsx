import { QueryClient } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { clavesCobradores } from '@/api/hooks/use-cobradores';
import { claveResponsable } from '@/api/hooks/use-responsable-cliente';
import { renderizar } from '@/testing/render';
import { CobradorCliente } from './cobrador-cliente';

function conDatos(responsable: {
  cobradorId: string | null;
  cobradorNombre: string | null;
  origen: string | null;
}) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(claveResponsable('c1'), { clienteId: 'c1', ...responsable });
  qc.setQueryData([...clavesCobradores.todos, true], []);
  qc.setQueryData([...clavesCobradores.todos, 'todos'], []);
  return qc;
}

describe('CobradorCliente', () => {
  it('muestra el cobrador y cómo se asignó; un supervisor puede cambiarlo', () => {
    renderizar(<CobradorCliente clienteId="c1" />, {
      queryClient: conDatos({ cobradorId: 'k1', cobradorNombre: 'Carla Cobradora', origen: 'zona' }),
    });
    expect(screen.getByText('Carla Cobradora')).toBeInTheDocument();
    expect(screen.getByText('por zona')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cambiar' })).toBeInTheDocument();
  });

  it('sin permiso de supervisar no ofrece cambiarlo', () => {
    renderizar(<CobradorCliente clienteId="c1" />, {
      permisos: ['ver', 'editar'],
      queryClient: conDatos({ cobradorId: null, cobradorNombre: null, origen: null }),
    });
    expect(screen.getByText('Sin cobrador')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cambiar' })).not.toBeInTheDocument();
  });
});

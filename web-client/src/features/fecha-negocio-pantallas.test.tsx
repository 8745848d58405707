import { screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JudicialCliente } from '@/components/judicial/judicial-cliente';
import { renderizar } from '@/testing/render';
import AntiguedadRoute from '@/features/antiguedad/routes/antiguedad';
import NuevoDocumentoRoute from '@/features/documentos/routes/nuevo-documento';
import RegistrarPagoRoute from '@/features/pagos/routes/registrar-pago';
import ProvisionRoute from '@/features/provision/routes/provision';
import ValoresUfRoute from '@/features/valores/routes/valores-uf';

// 22:30 of Saturday 3 April 2027 in Santiago (UTC-3): already Sunday the 4th in UTC, and in Tokyo.
const INSTANTE = '2027-04-04T01:30:00Z';

const pantallas: [string, ComponentType, Record<string, string>][] = [
  ['antigüedad', AntiguedadRoute, { 'Fecha de corte': '03-04-2027' }],
  ['provisión', ProvisionRoute, { 'Fecha de corte': '03-04-2027' }],
  ['valores UF', ValoresUfRoute, { Fecha: '03-04-2027', Desde: '02-02-2027', Hasta: '04-05-2027' }],
  ['registrar pago', RegistrarPagoRoute, { Fecha: '03-04-2027' }],
  [
    'nuevo documento',
    NuevoDocumentoRoute,
    { 'Fecha de emisión': '03-04-2027', 'Fecha de vencimiento': '03-05-2027' },
  ],
];

describe('fechas por omisión de las pantallas', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(INSTANTE));
    // No server in these tests: every query fails at once and the screens still show their date fields.
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('sin red en la prueba')));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it.each(pantallas)('con el navegador en UTC, %s propone la fecha de Santiago', (_, Pantalla, esperados) => {
    vi.stubEnv('TZ', 'UTC');
    renderizar(<Pantalla />);
    for (const [etiqueta, esperado] of Object.entries(esperados))
      expect(screen.getByRole('textbox', { name: new RegExp(`^${etiqueta}`) }), etiqueta).toHaveValue(
        esperado,
      );
  });

  it('con el navegador en UTC, la quiebra del cliente propone la publicación con la fecha de Santiago', () => {
    vi.stubEnv('TZ', 'UTC');
    renderizar(<JudicialCliente clienteId="00000000-0000-0000-0000-000000000001" />);
    expect(screen.getByLabelText('Publicación en el Boletín Concursal')).toHaveValue('2027-04-03');
  });
});

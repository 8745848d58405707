import { describe, expect, it, vi } from 'vitest';
import { quitarTrabajadoresFueraDeTerreno, registrarTrabajadorTerreno } from '@/lib/service-worker';

const registro = (scope: string) =>
  ({ scope, unregister: vi.fn(() => Promise.resolve(true)) }) as unknown as ServiceWorkerRegistration;

describe('service worker de terreno', () => {
  it('se registra con alcance /terreno/', async () => {
    const register = vi.fn((_url: string | URL, _opciones?: RegistrationOptions) =>
      Promise.resolve(registro('/terreno/')),
    );
    await registrarTrabajadorTerreno({ register, getRegistrations: vi.fn() }, true);
    expect(register).toHaveBeenCalledWith('/sw.js', { scope: '/terreno/' });
  });

  it('no se registra fuera de un build de producción', async () => {
    const register = vi.fn();
    expect(await registrarTrabajadorTerreno({ register, getRegistrations: vi.fn() }, false)).toBeNull();
    expect(register).not.toHaveBeenCalled();
  });

  it('quita el trabajador de todo el sitio y deja el de terreno', async () => {
    const sitio = registro('https://cobranzas.test/');
    const terreno = registro('https://cobranzas.test/terreno/');
    const quitados = await quitarTrabajadoresFueraDeTerreno(
      { register: vi.fn(), getRegistrations: () => Promise.resolve([sitio, terreno]) },
      'https://cobranzas.test',
    );
    expect(quitados).toBe(1);
    expect(sitio.unregister).toHaveBeenCalled();
    expect(terreno.unregister).not.toHaveBeenCalled();
  });
});

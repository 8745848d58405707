import { cargarPantalla, mensajeDeErrorRuta } from '@/lib/carga-diferida';

function almacen() {
  const datos = new Map<string, string>();
  return {
    getItem: (k: string) => datos.get(k) ?? null,
    setItem: (k: string, v: string) => void datos.set(k, v),
    removeItem: (k: string) => void datos.delete(k),
    datos,
  };
}

const perdido = () =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/a.js'));

describe('cargarPantalla', () => {
  it('reloads the page once when the chunk is gone, then gives up with the error', async () => {
    const a = almacen();
    const recargar = vi.fn();
    let ahora = 1_000_000;
    const pendiente = cargarPantalla(perdido, a, recargar, () => ahora);
    await Promise.resolve();
    await Promise.resolve();
    expect(recargar).toHaveBeenCalledTimes(1);
    void pendiente;

    // After the reload the chunk is still missing: no second reload, the route shows the Spanish message.
    ahora += 5_000;
    const e = await cargarPantalla(perdido, a, recargar, () => ahora).catch((x: unknown) => x);
    expect(recargar).toHaveBeenCalledTimes(1);
    expect(mensajeDeErrorRuta(e)).toMatch(/^No se pudo cargar esta pantalla/);

    // A successful load clears the mark, so a later redeploy reloads again.
    await cargarPantalla(
      () => Promise.resolve({ default: 1 }),
      a,
      recargar,
      () => ahora,
    );
    expect(a.datos.size).toBe(0);
  });

  it('does not reload for other errors', async () => {
    const recargar = vi.fn();
    const e = await cargarPantalla(() => Promise.reject(new Error('boom')), almacen(), recargar).catch(
      (x: unknown) => x,
    );
    expect(recargar).not.toHaveBeenCalled();
    expect((e as Error).message).toBe('boom');
  });
});

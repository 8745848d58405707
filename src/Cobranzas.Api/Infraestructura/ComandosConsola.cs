using Cobranzas.Api.Demo;
using Cobranzas.Cartera.ValoresMoneda;
using Cobranzas.SharedKernel.Modulos;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Api.Infraestructura;

/// <summary>
/// <c>migrate</c> applies every module's migrations; <c>seed-demo</c> also loads the demo data once; <c>valores cargar-uf archivo</c>
/// and <c>valores cargar-dolar archivo</c> load the national UF or dólar series (CSV/XLSX with columns fecha, valor), which only the
/// installation's operator may change.
/// </summary>
public static class ComandosConsola
{
    public static async Task<int> EjecutarAsync(WebApplication app, string[] args)
    {
        await MigrarAsync(app.Services);
        if (args[0] == "valores")
            return await CargarValoresAsync(app.Services, args, Console.Out, Console.Error);
        if (args[0] == "seed-demo")
        {
            var indice = Array.IndexOf(args, "--credenciales");
            var archivo = indice >= 0 && indice + 1 < args.Length ? args[indice + 1] : "demo-credenciales.txt";
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CargadorDemo>().CargarAsync(archivo, CancellationToken.None);
        }

        return 0;
    }

    public static async Task<int> CargarValoresAsync(IServiceProvider servicios, string[] args, TextWriter salida, TextWriter errores)
    {
        if (args is not ["valores", "cargar-uf" or "cargar-dolar", var archivo])
        {
            await errores.WriteLineAsync("Uso: valores cargar-uf <archivo.csv|xlsx> | valores cargar-dolar <archivo.csv|xlsx> (columnas fecha, valor)");
            return 2;
        }

        if (!File.Exists(archivo))
        {
            await errores.WriteLineAsync($"No existe el archivo {archivo}.");
            return 2;
        }

        var serie = args[1] == "cargar-uf" ? SerieValores.Uf : SerieValores.Dolar;
        await using var scope = servicios.CreateAsyncScope();
        await using var contenido = File.OpenRead(archivo);
        var resultado = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CargarSerieNacional(serie, contenido, Path.GetFileName(archivo)));
        if (!resultado.Aplicado)
        {
            foreach (var e in resultado.Errores)
                await errores.WriteLineAsync($"Fila {e.Fila}, {e.Campo} ({e.Regla}): {e.Mensaje}");
            await errores.WriteLineAsync("No se cargó nada.");
            return 1;
        }

        await salida.WriteLineAsync(
            $"Serie nacional {(serie == SerieValores.Uf ? "UF" : "dólar")}: {resultado.Filas} filas, {resultado.Creados} nuevas, {resultado.Actualizados} actualizadas, {resultado.SinCambios} sin cambios.");
        return 0;
    }

    /// <summary>In the order the modules were added (the platform first).</summary>
    public static async Task MigrarAsync(IServiceProvider servicios)
    {
        await using var scope = servicios.CreateAsyncScope();
        foreach (var modulo in scope.ServiceProvider.GetServices<ModuloRegistrado>())
            await modulo.ContextoDe(scope.ServiceProvider).Database.MigrateAsync();
    }
}

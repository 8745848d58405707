using Cobranzas.Api.Demo;
using Cobranzas.SharedKernel.Modulos;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Api.Infraestructura;

/// <summary><c>migrate</c> applies every module's migrations; <c>seed-demo</c> also loads the demo data once.</summary>
public static class ComandosConsola
{
    public static async Task<int> EjecutarAsync(WebApplication app, string[] args)
    {
        await MigrarAsync(app.Services);
        if (args[0] == "seed-demo")
        {
            var indice = Array.IndexOf(args, "--credenciales");
            var archivo = indice >= 0 && indice + 1 < args.Length ? args[indice + 1] : "demo-credenciales.txt";
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CargadorDemo>().CargarAsync(archivo, CancellationToken.None);
        }

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

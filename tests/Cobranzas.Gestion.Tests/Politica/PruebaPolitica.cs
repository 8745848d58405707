using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Gestion.Feriados;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Politica;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Tests.Politica;

/// <summary>
/// Escalation tests move the host's fake clock to chosen business days. A <c>FakeTimeProvider</c> cannot go back, so "restore"
/// here means the clock is left on a later day; every test of the assembly reads dates relative to <c>Hoy</c>, so that is harmless.
/// </summary>
public abstract class PruebaPolitica : PruebaGestion
{
    private long _folio = 1000;

    /// <summary>Moves the clock forward to midday (Santiago) of the next date, after today, that satisfies the condition.</summary>
    protected async Task<DateOnly> IrAAsync(Func<DateOnly, bool> condicion)
    {
        var d = Hoy.AddDays(1);
        while (!condicion(d))
            d = d.AddDays(1);
        await IrAFechaAsync(d);
        return d;
    }

    /// <summary>Moves the clock and signs in again (a session does not outlive a jump of days).</summary>
    protected async Task IrAFechaAsync(DateOnly d)
    {
        var utc = TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(new TimeOnly(12, 0)), FechaNegocio.Santiago);
        Fixture.Reloj.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));
        Api = await Fixture.IniciarSesionAsync(Empresa.EmailAdmin, Empresa.Password, Empresa.Id);
    }

    protected static bool EsHabil(DateOnly d) =>
        !CalendarioHabil.EsFinDeSemana(d) && !FeriadosChile.Tabla.Any(f => f.Fecha == d && f.Region is null);

    protected Task<DateOnly> IrAHabilAsync() => IrAAsync(EsHabil);

    /// <summary>The next Monday whose whole week (Monday to Friday) is made of business days.</summary>
    protected Task<DateOnly> IrALunesHabilAsync() => IrAAsync(d => d.DayOfWeek == DayOfWeek.Monday && Enumerable.Range(0, 5).All(i => EsHabil(d.AddDays(i))));

    protected Task<JsonNode> DeudaAsync(int diasVencido, decimal total = 100_000m, string? clienteId = null) =>
        FacturaAsync(++_folio, total, Hoy.AddDays(-Math.Max(diasVencido, 0) - 30), Hoy.AddDays(-diasVencido), clienteId);

    protected async Task<JsonNode> EjecutarAsync(bool simular = false, HttpClient? api = null) =>
        await (await (api ?? Api).PostAsJsonAsync("/api/v1/gestion/politica-cobranza/ejecutar", new { simular })).JsonAsync();

    protected static object Paso(
        string nombre, int dias, string accion = "tarea", string etapa = "administrativa", int diasMinimosDesdeAnterior = 0, decimal? montoMinimoVencido = null,
        string[]? segmentos = null, bool soloCuentaClave = false, string? tipoTarea = null, string? plantilla = null) =>
        new { nombre, etapa, dias, diasMinimosDesdeAnterior, montoMinimoVencido, segmentos = segmentos ?? [], soloCuentaClave, accion, tipoTarea, plantilla };

    protected async Task PoliticaAsync(params object[] pasos) =>
        await (await Api.PutAsJsonAsync("/api/v1/gestion/politica-cobranza", new { pasos })).JsonAsync();

    protected async Task<JsonArray> PasosAsync(string? clienteId = null) =>
        (await (await Api.GetAsync($"/api/v1/gestion/clientes/{clienteId ?? ClienteId}/pasos")).JsonAsync()).AsArray();

    protected static JsonNode[] Aplicados(JsonNode ejecucion) => ejecucion["clientes"]!.AsArray().Where(c => (string?)c!["estado"] == "aplicado").Select(c => c!).ToArray();

    protected static JsonNode[] Omitidos(JsonNode ejecucion) => ejecucion["clientes"]!.AsArray().Where(c => (string?)c!["estado"] == "omitido").Select(c => c!).ToArray();

    /// <summary>Runs something in a scope acting for the test's company, as the job does.</summary>
    protected Task<T> ComoEmpresaAsync<T>(Func<IServiceProvider, Task<T>> accion) => Fixture.EnAmbitoAsync(sp =>
    {
        sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "pruebas");
        return accion(sp);
    });

    protected Task<(int Pasos, int Tareas, int Etapas, int Actividades)> ConteosAsync() => ComoEmpresaAsync(async sp =>
    {
        var db = sp.GetRequiredService<GestionDbContext>();
        return (await db.Set<PasoAplicado>().CountAsync(), await db.Tareas.CountAsync(), await db.Etapas.CountAsync(), await db.Actividades.CountAsync());
    });
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Tests.Actividades;

/// <summary>Helpers of the activity tests: the seeded types by name, logging an activity at a moment in America/Santiago.</summary>
public abstract class PruebaActividades : PruebaGestion
{
    protected Dictionary<string, string> Tipos { get; private set; } = null!;

    [SetUp]
    public async Task CargarTiposAsync()
    {
        var tipos = (await (await Api.GetAsync("/api/v1/gestion/tipos-actividad")).JsonAsync()).AsArray();
        Tipos = tipos.ToDictionary(t => (string)t!["nombre"]!, t => (string)t!["id"]!);
    }

    /// <summary>A moment in Santiago written as local time with its offset (e.g. "2026-11-04T11:00:00-03:00").</summary>
    protected static DateTimeOffset M(string texto) => DateTimeOffset.Parse(texto, System.Globalization.CultureInfo.InvariantCulture);

    protected Task<HttpResponseMessage> RegistrarAsync(string tipo, DateTimeOffset fecha, string? clienteId = null, string? resultado = "contactado", string? motivoExcepcion = null, string? proximaAccion = null, HttpClient? api = null) =>
        (api ?? Api).PostAsJsonAsync("/api/v1/gestion/actividades", new
        {
            clienteId = clienteId ?? ClienteId, tipoActividadId = Tipos[tipo], fecha, resultado, notas = "Gestión de prueba", proximaAccion, motivoExcepcion,
        });

    protected async Task<string> ClienteEmpresaAsync() =>
        (await Api.CrearClienteAsync(new { rut = SharedKernel.Rut.Rut.Desde(76_000_000 + Fixture.Siguiente()).Canonico, razonSocial = "Comercial Andes SpA", segmento = "Retail", cuentaClave = false }))
        .Id();

    /// <summary>Writes in Gestión's tables as the company would (for what other areas' endpoints do: stages, collectors).</summary>
    protected Task EnEmpresaAsync(Func<GestionDbContext, Task> accion) => Fixture.EnAmbitoAsync(async sp =>
    {
        sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "prueba");
        await accion(sp.GetRequiredService<GestionDbContext>());
    });

    protected static async Task<JsonObject> BloqueoAsync(HttpResponseMessage r, string regla)
    {
        var p = await r.ProblemaAsync(422);
        Assert.That((string?)p["codigo"], Is.EqualTo(regla), p.ToJsonString());
        return p;
    }

    /// <summary>The fake clock only moves forward: bring it to at least the moment (tests that need "now" past a date), signing in again since the token expires.</summary>
    protected async Task RelojAlMenosAsync(DateTimeOffset momento)
    {
        if (Fixture.Reloj.GetUtcNow() >= momento)
            return;
        Fixture.Reloj.SetUtcNow(momento.ToUniversalTime());
        Api = await Fixture.ClienteHttpAsync(Empresa);
    }
}

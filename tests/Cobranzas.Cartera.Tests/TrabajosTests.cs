using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Cartera.Credito;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The scheduled jobs themselves (Quartz is off in the test host): the credit-control job over several companies,
/// and its trigger, as the module registers it, firing at the intended Santiago hour across the DST changes.
/// </summary>
public sealed class TrabajosTests : PruebaCartera
{
    private static Task<int> EjecutarControlCreditoAsync() =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<ControlCreditoJob>().EjecutarAsync(CancellationToken.None));

    private static async Task ToleranciaRetailAsync(HttpClient api, int dias)
    {
        var politicas = await (await api.GetAsync("/api/v1/politicas-credito")).JsonAsync();
        var retail = politicas.AsArray().Single(p => (string)p!["segmento"]! == "Retail")!;
        await (await api.PutAsJsonAsync($"/api/v1/politicas-credito/{retail.Id()}", new
        {
            segmento = "Retail", limiteCredito = (decimal?)null, monedaLimite = (string)retail["monedaLimite"]!,
            plazoDias = (int)retail["plazoDias"]!, garantia = (string)retail["garantia"]!, diasTolerancia = dias,
        })).JsonAsync();
    }

    private static async Task<string> EstadoAsync(HttpClient api, string clienteId) =>
        (string)(await (await api.GetAsync($"/api/v1/clientes/{clienteId}")).JsonAsync())["estadoCredito"]!;

    private static async Task<string> CrearClienteConDeudaVencidaAsync(HttpClient api, string rut, long folio, int diasVencida)
    {
        var clienteId = (await api.CrearClienteAsync(Datos.Cliente(rut: rut))).Id();
        await (await api.PutAsJsonAsync($"/api/v1/clientes/{clienteId}/condiciones", new { limiteCredito = (decimal?)null, monedaLimite = (string?)null })).JsonAsync();
        var hoy = FechaNegocio.Hoy(Fixture.Reloj);
        await (await api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "33", folio, clienteId, fechaEmision = F(hoy.AddDays(-40)), fechaVencimiento = F(hoy.AddDays(-diasVencida)),
            moneda = "CLP", neto = 1000m, exento = 0m, iva = 0m, total = 1000m,
        })).JsonAsync(201);
        return clienteId;
    }

    [Test]
    public async Task Control_de_credito_trata_a_cada_empresa_con_su_propia_politica_sin_cruzar_clientes_de_igual_rut()
    {
        // The same client (same RUT, same folio, same 10 days overdue) in two companies whose Retail policies differ.
        var rut = Datos.RutNuevo();
        var otra = await Fixture.CrearEmpresaAsync("Comercial del Sur");
        var apiOtra = await Fixture.ClienteHttpAsync(otra);
        var clienteA = await CrearClienteConDeudaVencidaAsync(Api, rut, 501, diasVencida: 10);
        var clienteB = await CrearClienteConDeudaVencidaAsync(apiOtra, rut, 501, diasVencida: 10);
        // A third company with clients but no portfolio: the job must leave it alone.
        var sinCartera = await Fixture.CrearEmpresaAsync("Servicios Sin Cartera");
        var apiSinCartera = await Fixture.ClienteHttpAsync(sinCartera);
        var clienteC = (await apiSinCartera.CrearClienteAsync(Datos.Cliente(rut: rut))).Id();
        await ToleranciaRetailAsync(Api, 5);
        await ToleranciaRetailAsync(apiOtra, 30);
        await ToleranciaRetailAsync(apiSinCartera, 0);

        Assert.That(await EjecutarControlCreditoAsync(), Is.EqualTo(1), "solo el cliente de la empresa con tolerancia 5 cambia");
        Assert.That(await EstadoAsync(Api, clienteA), Is.EqualTo("suspendido"), "10 días de mora > tolerancia 5 de su empresa");
        Assert.That(await EstadoAsync(apiOtra, clienteB), Is.EqualTo("vigente"), "10 días de mora <= tolerancia 30 de su empresa");
        Assert.That(await EstadoAsync(apiSinCartera, clienteC), Is.EqualTo("vigente"));

        // The policies swap: each company's client follows its own company's new policy (one restored, one suspended).
        // (A minute later, so the history has an order; 10 days overdue stays between 5 and 30 even across midnight.)
        Fixture.Reloj.Advance(TimeSpan.FromMinutes(1));
        await ToleranciaRetailAsync(Api, 30);
        await ToleranciaRetailAsync(apiOtra, 5);
        Assert.That(await EstadoAsync(Api, clienteA), Is.EqualTo("suspendido"), "la política sola no cambia estados: lo hace el job");

        Assert.That(await EjecutarControlCreditoAsync(), Is.EqualTo(2));
        Assert.That(await EstadoAsync(Api, clienteA), Is.EqualTo("vigente"));
        Assert.That(await EstadoAsync(apiOtra, clienteB), Is.EqualTo("suspendido"));
        Assert.That(await EstadoAsync(apiSinCartera, clienteC), Is.EqualTo("vigente"));

        // Each change is recorded only in its own company's history, by the system actor.
        var historialA = await (await Api.GetAsync($"/api/v1/clientes/{clienteA}/estado-credito")).JsonAsync();
        var historialB = await (await apiOtra.GetAsync($"/api/v1/clientes/{clienteB}/estado-credito")).JsonAsync();
        Assert.That(historialA.AsArray().Select(h => ((string)h!["estadoNuevo"]!, (string)h["actor"]!)),
            Is.EqualTo(new[] { ("vigente", "sistema: control de crédito"), ("suspendido", "sistema: control de crédito") }));
        Assert.That(historialB.AsArray().Select(h => ((string)h!["estadoNuevo"]!, (string)h["actor"]!)),
            Is.EqualTo(new[] { ("suspendido", "sistema: control de crédito") }));
        await (await Api.GetAsync($"/api/v1/clientes/{clienteB}")).EsperarAsync(System.Net.HttpStatusCode.NotFound);

        Assert.That(await EjecutarControlCreditoAsync(), Is.EqualTo(0), "una segunda pasada el mismo día no cambia nada");
    }

    /// <summary>The control's trigger built as <see cref="CarteraModulo"/> builds it, starting well before <paramref name="desde"/>.</summary>
    private static ITrigger TriggerControlCredito(DateTimeOffset desde) =>
        TriggerBuilder.Create(TimeProvider.System).WithIdentity("control-credito", "cartera").StartAt(desde.AddDays(-30))
            .WithSchedule(CarteraModulo.HorarioControlCredito()).Build();

    /// <summary>The next <paramref name="cantidad"/> fire times after <paramref name="desde"/>, as Quartz computes them, in Santiago time.</summary>
    private static List<DateTime> Disparos(ITrigger trigger, DateTimeOffset desde, int cantidad)
    {
        var disparos = new List<DateTime>();
        DateTimeOffset? siguiente = desde;
        while (disparos.Count < cantidad && (siguiente = trigger.GetFireTimeAfter(siguiente)) is { } d)
            disparos.Add(TimeZoneInfo.ConvertTime(d, FechaNegocio.Santiago).DateTime);
        return disparos;
    }

    // Chile (continental) 2027: DST ends Sunday 4 April 2027 (00:00 -03 -> 23:00 -04 on the 3rd) and starts Sunday 5 September 2027
    // (00:00 -04 -> 01:00 -03). The daily control must run at 06:30 Santiago every day, not at 05:30 or 07:30.
    [TestCase("2027-03-31T00:00:00Z", -3, -4, TestName = "Control_de_credito_corre_a_las_6_30_de_Santiago_a_traves_del_fin_del_horario_de_verano_de_abril_2027")]
    [TestCase("2027-09-01T00:00:00Z", -4, -3, TestName = "Control_de_credito_corre_a_las_6_30_de_Santiago_a_traves_del_inicio_del_horario_de_verano_de_septiembre_2027")]
    public void Control_de_credito_en_hora_de_Santiago(string desdeUtc, int desfaseAntes, int desfaseDespues)
    {
        var desde = DateTimeOffset.Parse(desdeUtc, System.Globalization.CultureInfo.InvariantCulture);
        var disparos = Disparos(TriggerControlCredito(desde), desde, 10);

        Assert.That(disparos, Has.Count.EqualTo(10));
        Assert.That(disparos.Select(d => d.TimeOfDay), Is.All.EqualTo(new TimeSpan(6, 30, 0)), string.Join(", ", disparos));
        Assert.That(disparos.Zip(disparos.Skip(1), (a, b) => b.Date - a.Date), Is.All.EqualTo(TimeSpan.FromDays(1)), "uno por día, ninguno repetido ni saltado");
        var desfases = disparos.Select(d => FechaNegocio.Santiago.GetUtcOffset(d).TotalHours).ToList();
        Assert.That(desfases.First(), Is.EqualTo(desfaseAntes));
        Assert.That(desfases.Last(), Is.EqualTo(desfaseDespues), "el cambio de hora cae dentro de los 10 días y la hora local no se movió");
    }
}

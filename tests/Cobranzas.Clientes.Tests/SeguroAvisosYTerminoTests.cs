using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Clientes.Credito;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Cobranzas.Clientes.Tests;

/// <summary>Credit insurance: the daily alert before a claim's reporting deadline, and ending a policy without losing its history.</summary>
public sealed class SeguroAvisosYTerminoTests : PruebaClientes
{
    private long _folio = 700;

    private static DateOnly Hoy => FechaNegocio.Hoy(Fixture.Reloj);

    private static string F(DateOnly d) => d.ToString("yyyy-MM-dd");

    private async Task<JsonNode> PolizaAsync(string numero = "POL-9") =>
        await (await Api.PostAsJsonAsync("/api/v1/credito/seguros/polizas", new
        {
            aseguradora = "Continental Seguros", numeroPoliza = numero, vigenciaDesde = F(Hoy.AddYears(-1)), vigenciaHasta = F(Hoy.AddYears(1)),
            porcentajeCobertura = 90m, diasDenuncia = 60,
        })).JsonAsync(201);

    private async Task FacturaAsync(string clienteId, decimal total, DateOnly vencimiento) =>
        await (await Api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "33", folio = ++_folio, clienteId, fechaEmision = F(vencimiento.AddDays(-30)), fechaVencimiento = F(vencimiento), moneda = "CLP", neto = total, exento = 0m,
            iva = 0m, total,
        })).JsonAsync(201);

    private async Task AsegurarAsync(string clienteId, string polizaId) =>
        await (await Api.PutAsJsonAsync($"/api/v1/clientes/{clienteId}/seguro", new { polizaId, limiteAsegurado = 5_000_000m })).JsonAsync();

    private static Task<int> AvisarAsync() => Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<AvisoSiniestrosJob>().EjecutarAsync(CancellationToken.None));

    private async Task<List<string>> TareasAsync(string clienteId) =>
        (await (await Api.GetAsync($"/api/v1/gestion/tareas?clienteId={clienteId}")).JsonAsync())["items"]!.AsArray().Select(t => (string)t!["titulo"]!).ToList();

    [Test]
    public async Task El_aviso_diario_levanta_una_tarea_por_siniestro_antes_del_plazo_y_no_la_repite()
    {
        var poliza = (await PolizaAsync()).Id();
        var cliente = (await Api.CrearClienteAsync()).Id();
        await AsegurarAsync(cliente, poliza);
        // Deadline in 5 days (inside the 10-day notice) and in 20 days (outside it until 10 days pass).
        await FacturaAsync(cliente, 100_000m, Hoy.AddDays(-55));
        await FacturaAsync(cliente, 200_000m, Hoy.AddDays(-40));

        var primero = await AvisarAsync();
        var mismoDia = await AvisarAsync();
        Assert.That((primero, mismoDia), Is.EqualTo((1, 0)));
        Assert.That(await TareasAsync(cliente), Is.EqualTo(new[] { "Denunciar siniestro de " + (await ClienteAsync(cliente)) + " a Continental Seguros" }));
        var lista = (await (await Api.GetAsync("/api/v1/credito/seguros/siniestros-por-denunciar?dias=30")).JsonAsync()).AsArray();
        Assert.That(lista.Select(s => ((decimal)s!["saldo"]!, (string?)s["fechaAviso"])), Is.EqualTo(new[] { (100_000m, (string?)F(Hoy)), (200_000m, (string?)null) }));

        Fixture.Reloj.Advance(TimeSpan.FromDays(1));
        Assert.That(await AvisarAsync(), Is.EqualTo(0), "Un siniestro ya avisado no se avisa otra vez al día siguiente.");
        Fixture.Reloj.Advance(TimeSpan.FromDays(9));
        Assert.That(await AvisarAsync(), Is.EqualTo(1), "El segundo entra en los 10 días de aviso.");
        var api = await Fixture.ClienteHttpAsync(Empresa);
        Assert.That((await (await api.GetAsync($"/api/v1/gestion/tareas?clienteId={cliente}")).JsonAsync())["items"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task El_aviso_corre_cada_dia_a_las_7_30_de_santiago()
    {
        var trigger = await Fixture.EnAmbitoAsync(async sp =>
        {
            var scheduler = await sp.GetRequiredService<ISchedulerFactory>().GetScheduler();
            return (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey("aviso-siniestros-seguro", "clientes")))!;
        });
        Assert.That((trigger.CronExpressionString, trigger.TimeZone.Id), Is.EqualTo(("0 30 7 * * ?", FechaNegocio.Santiago.Id)));
        Assert.That(trigger.JobKey, Is.EqualTo(AvisoSiniestrosJob.Clave));
    }

    [Test]
    public async Task Una_poliza_terminada_deja_de_cubrir_no_avisa_y_no_se_elimina_con_historia()
    {
        var poliza = (await PolizaAsync()).Id();
        var cliente = (await Api.CrearClienteAsync()).Id();
        await AsegurarAsync(cliente, poliza);
        await FacturaAsync(cliente, 100_000m, Hoy.AddDays(-55));

        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));
        var filas = await Fixture.ContarFilasAsync();
        Assert.That((await (await Api.PostAsJsonAsync($"/api/v1/credito/seguros/polizas/{poliza}/terminar", new { fecha = F(Hoy.AddYears(2)), motivo = "No renovada" }))
            .ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "fecha" }));
        Assert.That((await (await Api.PostAsJsonAsync($"/api/v1/credito/seguros/polizas/{poliza}/terminar", new { fecha = F(Hoy), motivo = "No\u0000renovada" })).ProblemaAsync(400))
            .CamposConError(), Is.EqualTo(new[] { "motivo" }));
        Assert.That((await (await Api.PostAsJsonAsync($"/api/v1/credito/seguros/polizas/{poliza}/terminar", new { fecha = F(Hoy), motivo = "" })).ProblemaAsync(400))
            .CamposConError(), Is.EqualTo(new[] { "motivo" }));
        await (await otra.PostAsJsonAsync($"/api/v1/credito/seguros/polizas/{poliza}/terminar", new { fecha = F(Hoy), motivo = "x" })).ProblemaAsync(404);
        await (await otra.DeleteAsync($"/api/v1/credito/seguros/polizas/{poliza}")).ProblemaAsync(404);
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
        Assert.That((bool)(await (await Api.GetAsync("/api/v1/credito/seguros/polizas")).JsonAsync())[0]!["vigente"]!, Is.True);

        var ayer = Hoy.AddDays(-1);
        var terminada = await (await Api.PostAsJsonAsync($"/api/v1/credito/seguros/polizas/{poliza}/terminar", new { fecha = F(ayer), motivo = "Póliza no renovada por la aseguradora" }))
            .JsonAsync();
        Assert.That(((bool)terminada["vigente"]!, (string)terminada["vigenciaHasta"]!, (string?)terminada["fechaTermino"], (int)terminada["clientesAsegurados"]!),
            Is.EqualTo((false, F(ayer), (string?)F(ayer), 1)));
        var seguro = await (await Api.GetAsync($"/api/v1/clientes/{cliente}/seguro")).JsonAsync();
        Assert.That(((bool)seguro["asegurado"]!, (bool)seguro["polizaVigente"]!, (bool)seguro["excedido"]!), Is.EqualTo((true, false, true)),
            "Sin póliza vigente toda la exposición queda sin cubrir.");
        Assert.That(await AvisarAsync(), Is.EqualTo(0), "Una póliza terminada no levanta avisos.");

        Assert.That((await (await Api.PostAsJsonAsync($"/api/v1/credito/seguros/polizas/{poliza}/terminar", new { fecha = F(ayer), motivo = "otra vez" })).ProblemaAsync(422))
            .CamposConError(), Is.EqualTo(new[] { "id" }));
        Assert.That((await (await Api.PutAsJsonAsync($"/api/v1/credito/seguros/polizas/{poliza}", new
        {
            aseguradora = "Continental Seguros", numeroPoliza = "POL-9", vigenciaDesde = F(Hoy.AddYears(-1)), vigenciaHasta = F(Hoy.AddYears(3)), porcentajeCobertura = 90m, diasDenuncia = 60,
        })).ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "id" }));
        Assert.That((await (await Api.DeleteAsync($"/api/v1/credito/seguros/polizas/{poliza}")).ProblemaAsync(409)).CamposConError(), Is.EqualTo(new[] { "id" }));
        Assert.That((await (await Api.GetAsync("/api/v1/credito/seguros/polizas")).JsonAsync()).AsArray().Select(p => (string)p!["id"]!), Is.EqualTo(new[] { poliza }));

        var errada = (await PolizaAsync("POL-ERRADA")).Id();
        await (await Api.DeleteAsync($"/api/v1/credito/seguros/polizas/{errada}")).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        await (await Api.DeleteAsync($"/api/v1/credito/seguros/polizas/{errada}")).ProblemaAsync(404);
    }

    private async Task<string> ClienteAsync(string id) => (string)(await (await Api.GetAsync($"/api/v1/clientes/{id}")).JsonAsync())["razonSocial"]!;
}

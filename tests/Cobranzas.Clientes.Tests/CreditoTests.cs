using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Clientes.Credito;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Clientes.Tests;

/// <summary>Credit requests and the internal score: every contribution checked against figures computed by hand.</summary>
public sealed class CreditoTests : PruebaClientes
{
    private static DateOnly Hoy => FechaNegocio.Hoy(Fixture.Reloj);

    private static string F(DateOnly d) => d.ToString("yyyy-MM-dd");

    private async Task<JsonNode> SolicitudAsync(string clienteId, decimal limite, string moneda = "CLP") =>
        await (await Api.PostAsJsonAsync("/api/v1/credito/solicitudes", new { clienteId, limiteSolicitado = limite, moneda, plazoDias = 30 })).JsonAsync(201);

    private static Dictionary<string, (decimal Puntaje, int Peso, decimal Aporte)> Factores(JsonNode solicitud) =>
        solicitud["score"]!["factores"]!.AsArray().ToDictionary(f => (string)f!["codigo"]!, f => ((decimal)f!["puntaje"]!, (int)f["ponderacionPorcentaje"]!, (decimal)f["aporte"]!));

    [Test]
    public async Task Score_de_un_cliente_nuevo_con_informe_comercial_suma_cada_aporte_calculado_a_mano()
    {
        var cliente = await Api.CrearClienteAsync();
        var s = await SolicitudAsync(cliente.Id(), 5_000_000m);

        var conInforme = await (await Api.PutAsJsonAsync($"/api/v1/credito/solicitudes/{s.Id()}/informe-comercial", new
        {
            fuente = "manual", score = 700, protestos = 1, morosidades = 2, dicomCantidad = 1, dicomMonto = 350_000m, fecha = F(Hoy),
        })).JsonAsync();

        // Sin pagos: 50 × 30% = 15; sin protestos propios: 100 × 15% = 15; sin compromisos rotos: 100 × 10% = 10;
        // informe: 700/10 − 10 − 2×5 − 10 = 40 → × 25% = 10; sin documentos: antigüedad 0; exposición 0 de la línea: 100 × 10% = 10.
        var f = Factores(conInforme);
        Assert.That(f["dias_pago"], Is.EqualTo((50m, 30, 15m)));
        Assert.That(f["protestos"], Is.EqualTo((100m, 15, 15m)));
        Assert.That(f["compromisos_rotos"], Is.EqualTo((100m, 10, 10m)));
        Assert.That(f["bureau"], Is.EqualTo((40m, 25, 10m)));
        Assert.That(f["antiguedad"], Is.EqualTo((0m, 10, 0m)));
        Assert.That(f["exposicion"], Is.EqualTo((100m, 10, 10m)));
        Assert.That((decimal?)conInforme["score"]!["total"], Is.EqualTo(60m));
        Assert.That((string?)conInforme["score"]!["categoria"], Is.EqualTo("B"));
        Assert.That((string?)conInforme["tipo"], Is.EqualTo("nueva"));
        Assert.That((int?)conInforme["informe"]!["dicomCantidad"], Is.EqualTo(1));
    }

    [Test]
    public async Task Score_lee_el_comportamiento_de_pago_de_la_cartera_y_respeta_las_ponderaciones_editadas()
    {
        var clienteId = (await Api.CrearClienteAsync()).Id();
        // 18 months of relationship; an invoice paid 10 days after its due date; another one open for 500 000.
        await (await Api.PostAsJsonAsync("/api/v1/documentos", Factura(clienteId, 1, 1_000_000m, Hoy.AddMonths(-18), Hoy.AddDays(-40)))).JsonAsync(201);
        await (await Api.PostAsJsonAsync("/api/v1/documentos", Factura(clienteId, 2, 500_000m, Hoy.AddDays(-10), Hoy.AddDays(20)))).JsonAsync(201);
        await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId, fecha = F(Hoy.AddDays(-30)), monto = 1_000_000m, moneda = "CLP", canal = "transferencia", aplicacion = "automatica",
        })).JsonAsync(201);

        var s = await SolicitudAsync(clienteId, 2_000_000m);

        // 10 days late: 100 − 20 = 80 → 24; 18 of 36 months: 50 → 5; 500 000 of 2 000 000: 75 → 7.5; no report: 0.
        var f = Factores(s);
        Assert.That(f["dias_pago"], Is.EqualTo((80m, 30, 24m)));
        Assert.That(f["antiguedad"], Is.EqualTo((50m, 10, 5m)));
        Assert.That(f["exposicion"], Is.EqualTo((75m, 10, 7.5m)));
        Assert.That(f["bureau"], Is.EqualTo((0m, 25, 0m)));
        Assert.That((decimal?)s["score"]!["total"], Is.EqualTo(61.5m));

        await (await Api.PutAsJsonAsync("/api/v1/credito/ponderaciones", new { diasPago = 40, protestos = 10, compromisosRotos = 10, bureau = 20, antiguedad = 10, exposicion = 10 })).JsonAsync();
        var reponderada = await (await Api.GetAsync($"/api/v1/credito/solicitudes/{s.Id()}")).JsonAsync();

        // 80 × 40% = 32 + 10 + 10 + 0 + 5 + 7.5.
        Assert.That(Factores(reponderada)["dias_pago"], Is.EqualTo((80m, 40, 32m)));
        Assert.That((decimal?)reponderada["score"]!["total"], Is.EqualTo(64.5m));
    }

    [Test]
    public async Task Ponderaciones_que_no_suman_100_se_rechazan_sin_cambiar_las_vigentes()
    {
        var problema = await (await Api.PutAsJsonAsync("/api/v1/credito/ponderaciones", new { diasPago = 40, protestos = 15, compromisosRotos = 10, bureau = 25, antiguedad = 10, exposicion = 10 })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "diasPago" }));
        var vigentes = await (await Api.GetAsync("/api/v1/credito/ponderaciones")).JsonAsync();
        Assert.That((int?)vigentes["diasPago"], Is.EqualTo(30));
    }

    [Test]
    public async Task Linea_en_pesos_se_convierte_a_UF_del_dia_para_elegir_el_nivel()
    {
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 40_000m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        var cliente = await Api.CrearClienteAsync();
        var s = await SolicitudAsync(cliente.Id(), 4_000_040m);

        var enviada = await (await Api.PostAsync($"/api/v1/credito/solicitudes/{s.Id()}/enviar", null)).JsonAsync();

        // 4 000 040 / 40 000 = 100.001 UF: just over the supervisor's 100.
        Assert.That((decimal?)enviada["montoUf"], Is.EqualTo(100.001m));
        Assert.That((string?)enviada["aprobacion"]!["nivel"], Is.EqualTo("Gerencia"));
    }

    [Test]
    public async Task Solicitud_enviada_ya_no_se_edita()
    {
        var cliente = await Api.CrearClienteAsync();
        var s = await SolicitudAsync(cliente.Id(), 10m, "UF");
        await (await Api.PostAsync($"/api/v1/credito/solicitudes/{s.Id()}/enviar", null)).JsonAsync();

        var editar = await (await Api.PutAsJsonAsync($"/api/v1/credito/solicitudes/{s.Id()}", new { limiteSolicitado = 20m, moneda = "UF", plazoDias = 30 })).ProblemaAsync(422);
        var informe = await (await Api.PutAsJsonAsync($"/api/v1/credito/solicitudes/{s.Id()}/informe-comercial", new
        {
            fuente = "manual", score = 500, protestos = 0, morosidades = 0, dicomCantidad = 0, dicomMonto = 0m, fecha = F(Hoy),
        })).ProblemaAsync(422);

        Assert.That(editar.CamposConError(), Is.EqualTo(new[] { "estado" }));
        Assert.That(informe.CamposConError(), Is.EqualTo(new[] { "estado" }));
        var lista = (await (await Api.GetAsync($"/api/v1/credito/solicitudes?clienteId={cliente.Id()}")).JsonAsync()).AsArray();
        Assert.That(lista.Select(x => (decimal?)x!["limiteSolicitado"]), Is.EqualTo(new decimal?[] { 10m }));
        Assert.That((await (await Api.GetAsync($"/api/v1/credito/solicitudes/{s.Id()}")).JsonAsync())["informe"], Is.Null);
    }

    [Test]
    public async Task NUL_en_las_referencias_comerciales_da_400()
    {
        var cliente = await Api.CrearClienteAsync();

        var problema = await (await Api.PostAsJsonAsync("/api/v1/credito/solicitudes", new
        {
            clienteId = cliente.Id(), limiteSolicitado = 10m, moneda = "UF", plazoDias = 30, referenciasComerciales = "Proveedor\u0000A",
        })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "referenciasComerciales" }));
        Assert.That((await (await Api.GetAsync("/api/v1/credito/solicitudes")).JsonAsync()).AsArray(), Is.Empty);
    }

    [Test]
    public async Task Linea_por_vencer_levanta_una_sola_tarea_de_revision_para_el_cobrador()
    {
        var s = await AprobacionesTests.SolicitudEnviadaAsync(Api, 10m);
        await (await Api.PostAsJsonAsync($"/api/v1/credito/solicitudes/{s.Id()}/decision", new { aprueba = true, comentario = "ok" })).JsonAsync();
        var job = () => Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<RevisionLineasCreditoJob>().EjecutarAsync(CancellationToken.None));

        var lejos = await job();
        Fixture.Reloj.Advance(TimeSpan.FromDays(340));
        var cerca = await job();
        var otraVez = await job();

        Assert.That((lejos, cerca, otraVez), Is.EqualTo((0, 1, 0)));
        var admin = await Fixture.ClienteHttpAsync(Empresa);
        var tareas = (await (await admin.GetAsync($"/api/v1/gestion/tareas?clienteId={s["clienteId"]}")).JsonAsync())["items"]!.AsArray();
        Assert.That(tareas.Select(t => (string?)t!["titulo"]).Single(), Does.StartWith("Revisar línea de crédito"));
    }

    private static object Factura(string clienteId, long folio, decimal total, DateOnly emision, DateOnly vencimiento) =>
        new { tipo = "33", folio, clienteId, fechaEmision = F(emision), fechaVencimiento = F(vencimiento), moneda = "CLP", neto = total, exento = 0m, iva = 0m, total };
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Cartera.Convenios;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Cartera.Tests;

/// <summary>Convenios (issue 16 §3): the money trail, the schedule, the signature and the break, against figures worked out by hand.</summary>
public sealed class ConveniosTests : PruebaCartera
{
    private static readonly int[] Firmas = [200, 409];

    private async Task ConfigurarInteresAsync(decimal tasaAnual) =>
        await (await Api.PutAsJsonAsync("/api/v1/cargos-mora/configuracion", new { tasaMaximaAnual = 36m, tasaAnual, porcentajeComision = 0m })).JsonAsync();

    private static object Cuerpo(string clienteId, IEnumerable<JsonNode> documentos, int cuotas, DateOnly primera, string tipo = TiposConvenio.PagoEnCuotas,
        decimal? condonacion = null, decimal? quita = null, decimal? tasa = null, DateOnly? fecha = null, string frecuencia = "mensual", string? notas = null) =>
        new
        {
            clienteId, tipo, documentoIds = documentos.Select(d => d.Id()).ToArray(), porcentajeCondonacion = condonacion, montoQuita = quita,
            numeroCuotas = cuotas, primeraFecha = F(primera), frecuencia, tasaMensual = tasa, fecha = fecha is { } f ? F(f) : null, notas,
        };

    private async Task<JsonNode> CrearAsync(object cuerpo) => await (await Api.PostAsJsonAsync("/api/v1/convenios", cuerpo)).JsonAsync(201);

    /// <summary>Through the approval levels (Clientes): the amount in UF at 40,000 falls in the supervisor's level, one decision.</summary>
    private async Task<JsonNode> AprobarAsync(JsonNode convenio)
    {
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 40_000m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        var pendiente = await (await Api.PostAsync($"/api/v1/convenios/{convenio.Id()}/solicitar-aprobacion", null)).JsonAsync();
        Assert.That((string)pendiente["estado"]!, Is.EqualTo("pendiente_aprobacion"));
        return await (await Api.PostAsJsonAsync($"/api/v1/convenios/{convenio.Id()}/decision", new { aprobar = true, comentario = "Visto bueno" })).JsonAsync();
    }

    private async Task<JsonNode> FirmarAsync(JsonNode convenio, DateOnly? fecha = null) =>
        await (await Api.PostAsJsonAsync($"/api/v1/convenios/{convenio.Id()}/firmar", new { fecha = fecha is { } f ? F(f) : null })).JsonAsync();

    private async Task<JsonNode> ConvenioAsync(JsonNode convenio) => await (await Api.GetAsync($"/api/v1/convenios/{convenio.Id()}")).JsonAsync();

    private async Task<decimal> AgingTotalAsync(DateOnly corte) =>
        (decimal)(await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(corte)}")).JsonAsync())["total"]!;

    private async Task<decimal[]> AgingTramosAsync(DateOnly corte) =>
        (await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(corte)}")).JsonAsync())["totales"]!.AsArray()
        .Select(t => (decimal)t!["monto"]!).ToArray();

    private static Task<ResultadoCumplimiento> CumplimientoAsync() =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<CumplimientoConveniosJob>().EjecutarAsync(CancellationToken.None));

    private static (decimal Capital, decimal Interes, decimal Monto, string Fecha)[] Cuotas(JsonNode c) =>
        c["cuotas"]!.AsArray().Select(k => ((decimal)k!["capital"]!, (decimal)k["interes"]!, (decimal)k["monto"]!, (string)k["fechaVencimiento"]!)).ToArray();

    [Test]
    public async Task El_rastro_del_dinero_cuadra_saldo_mas_interes_igual_a_convenido_mas_condonacion_mas_quita_y_la_firma_liquida_los_originales()
    {
        await ConfigurarInteresAsync(24m);
        var f1 = await CrearDocumentoAsync(Factura(101, 1_000_000m, Hoy.AddDays(-90), Hoy.AddDays(-60)));
        var f2 = await CrearDocumentoAsync(Factura(102, 500_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));

        // Interest 24% / 360 a day: 1,000,000 × 60 days = 40,000; 500,000 × 30 days = 10,000. Half waived: 20,000 + 5,000.
        // Haircut 150,000 split by balance: 100,000 and 50,000. Agreed: 1,500,000 + 50,000 - 25,000 - 150,000 = 1,375,000 in 5 × 275,000.
        var cuerpo = Cuerpo(ClienteId, [f1, f2], 5, Hoy.AddDays(30), TiposConvenio.QuitaCapital, condonacion: 50m, quita: 150_000m);
        var vista = await (await Api.PostAsJsonAsync("/api/v1/convenios/vista-previa", cuerpo)).JsonAsync();
        var creado = await CrearAsync(cuerpo);
        foreach (var c in new[] { vista, creado })
        {
            Assert.That(((decimal)c["saldoDocumentos"]!, (decimal)c["interesMora"]!, (decimal)c["montoCondonacion"]!, (decimal)c["montoQuita"]!, (decimal)c["montoConvenido"]!),
                Is.EqualTo((1_500_000m, 50_000m, 25_000m, 150_000m, 1_375_000m)));
            Assert.That(Cuotas(c).Select(k => k.Monto), Is.EqualTo(Enumerable.Repeat(275_000m, 5)));
        }

        var lineas = creado["documentos"]!.AsArray().Select(d => ((long)d!["folio"]!, (decimal)d["saldo"]!, (decimal)d["interes"]!, (decimal)d["condonacion"]!, (decimal)d["quita"]!));
        Assert.That(lineas, Is.EqualTo(new[] { (101L, 1_000_000m, 40_000m, 20_000m, 100_000m), (102L, 500_000m, 10_000m, 5_000m, 50_000m) }));
        Assert.That((string)creado["estado"]!, Is.EqualTo("borrador"));
        Assert.That(await SaldoAsync(f1), Is.EqualTo(1_000_000m), "Un borrador no toca los documentos.");

        await AprobarAsync(creado);
        var firmado = await FirmarAsync(creado);
        Assert.That((string)firmado["estado"]!, Is.EqualTo("vigente"));
        Assert.That((await SaldoAsync(f1), await SaldoAsync(f2)), Is.EqualTo((0m, 0m)));

        // Σ before = Σ after + waiver + haircut: the client owes the receivable only, and nothing else moved.
        var receivable = await (await Api.GetAsync($"/api/v1/documentos/{(string)firmado["documentoId"]!}")).JsonAsync();
        Assert.That(((string)receivable["tipo"]!, (long)receivable["folio"]!, (decimal)receivable["total"]!, (decimal)receivable["saldo"]!),
            Is.EqualTo(("convenio", (long)firmado["numero"]!, 1_375_000m, 1_375_000m)));
        Assert.That(await AgingTotalAsync(Hoy), Is.EqualTo(1_375_000m));
        Assert.That(1_500_000m + 50_000m, Is.EqualTo(1_375_000m + 25_000m + 150_000m));
        var original = await DocumentoAsync(f1);
        Assert.That(original["aplicaciones"]!.AsArray().Sum(a => (decimal)a!["monto"]!), Is.EqualTo(1_000_000m));

        // The convenio's applications are not money: no payment can reverse them, and the collected figure stays 0.
        var aplicacion = original["aplicaciones"]![0]!.Id();
        var reversa = await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion}/reversar", new { motivo = "Error" });
        Assert.That((await reversa.ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "id" }));
    }

    [Test]
    public async Task Al_firmar_un_convenio_con_intereses_se_pide_al_erp_una_nota_de_debito_por_ellos_y_sin_intereses_no()
    {
        await ConfigurarInteresAsync(24m);
        // 1,000,000 × 24% / 360 × 60 days = 40,000 of late interest, a quarter waived (10,000); financing at 2% a month over 3 cuotas
        // of 1,030,000 = 41,437 (French schedule). The nota de débito bills 30,000 + 41,437.
        var f1 = await CrearDocumentoAsync(Factura(151, 1_000_000m, Hoy.AddDays(-90), Hoy.AddDays(-60)));
        var c = await CrearAsync(Cuerpo(ClienteId, [f1], 3, Hoy.AddDays(30), TiposConvenio.CondonacionIntereses, condonacion: 25m, tasa: 2m));
        await AprobarAsync(c);
        var firmado = await FirmarAsync(c);
        var financiamiento = (decimal)firmado["interesFinanciamiento"]!;
        Assert.That(((decimal)firmado["interesMora"]!, (decimal)firmado["montoCondonacion"]!), Is.EqualTo((40_000m, 10_000m)));

        var solicitudes = (await (await Api.GetAsync($"/api/v1/cargos-mora/solicitudes?clienteId={ClienteId}")).JsonAsync()).AsArray();
        Assert.That(solicitudes.Select(x => ((string?)x!["convenioId"], (decimal)x["interes"]!, (decimal)x["total"]!, (string)x["estado"]!)),
            Is.EqualTo(new[] { ((string?)c.Id(), 30_000m + financiamiento, 30_000m + financiamiento, "pendiente") }));
        Assert.That(financiamiento, Is.GreaterThan(0m));
        var detalle = await (await Api.GetAsync($"/api/v1/cargos-mora/solicitudes/{solicitudes[0]!.Id()}")).JsonAsync();
        Assert.That(detalle["detalle"]!["cuotas"]!.AsArray().Select(k => ((long)k!["folio"]!, (decimal)k["interes"]!)), Is.EqualTo(new[] { (151L, 30_000m) }));

        // The client's own late charges for the same day are still a separate request.
        var f2 = await CrearDocumentoAsync(Factura(152, 200_000m, Hoy.AddDays(-90), Hoy.AddDays(-60)));
        await (await Api.PostAsJsonAsync("/api/v1/cargos-mora/solicitudes", new { clienteId = ClienteId })).JsonAsync(201);

        var sinInteres = await CrearAsync(Cuerpo(ClienteId, [f2], 2, Hoy.AddDays(30), TiposConvenio.CondonacionIntereses, condonacion: 100m));
        await AprobarAsync(sinInteres);
        await FirmarAsync(sinInteres);
        Assert.That((await (await Api.GetAsync($"/api/v1/cargos-mora/solicitudes?clienteId={ClienteId}")).JsonAsync()).AsArray()
            .Count(x => (string?)x!["convenioId"] == sinInteres.Id()), Is.EqualTo(0));
    }

    [Test]
    public async Task El_plan_de_cuotas_sin_interes_reparte_en_pesos_y_la_ultima_lleva_el_resto_con_fechas_mensuales_a_fin_de_mes()
    {
        var f = await CrearDocumentoAsync(Factura(201, 1_000_000m, Hoy.AddDays(-10), Hoy.AddDays(20)));
        var c = await CrearAsync(Cuerpo(ClienteId, [f], 3, new DateOnly(2099, 1, 31)));
        Assert.That(Cuotas(c), Is.EqualTo(new[]
        {
            (333_333m, 0m, 333_333m, "2099-01-31"), (333_333m, 0m, 333_333m, "2099-02-28"), (333_334m, 0m, 333_334m, "2099-03-31"),
        }));
        Assert.That(((decimal)c["interesFinanciamiento"]!, (decimal)c["totalCuotas"]!), Is.EqualTo((0m, 1_000_000m)));
    }

    [Test]
    public async Task El_plan_de_cuotas_con_interes_es_frances_con_interes_sobre_el_saldo_de_cada_periodo()
    {
        // i = 2% a month: 1.02^3 = 1.061208; cuota = 1,000,000 × 0.02 × 1.061208 / 0.061208 = 346,754.67 → 346,755.
        // 1: interest 20,000, capital 326,755 (owes 673,245); 2: interest 13,464.90 → 13,465, capital 333,290 (owes 339,955);
        // 3: interest 6,799.10 → 6,799, capital 339,955, cuota 346,754.
        var f = await CrearDocumentoAsync(Factura(301, 1_000_000m, Hoy.AddDays(-10), Hoy.AddDays(20)));

        // Quincenal: half the monthly rate (1%) every 15 days.
        // 1.01^2 = 1.0201; cuota = 1,000,000 × 0.01 × 1.0201 / 0.0201 = 507,512.44 → 507,512; 1: 10,000 + 497,512; 2: 5,024.88 → 5,025 + 502,488.
        var q = await (await Api.PostAsJsonAsync("/api/v1/convenios/vista-previa", Cuerpo(ClienteId, [f], 2, new DateOnly(2099, 5, 15), tasa: 2m, frecuencia: "quincenal")))
            .JsonAsync();
        Assert.That(Cuotas(q), Is.EqualTo(new[] { (497_512m, 10_000m, 507_512m, "2099-05-15"), (502_488m, 5_025m, 507_513m, "2099-05-30") }));

        var c = await CrearAsync(Cuerpo(ClienteId, [f], 3, new DateOnly(2099, 5, 15), tasa: 2m));
        Assert.That(Cuotas(c), Is.EqualTo(new[]
        {
            (326_755m, 20_000m, 346_755m, "2099-05-15"), (333_290m, 13_465m, 346_755m, "2099-06-15"), (339_955m, 6_799m, 346_754m, "2099-07-15"),
        }));
        Assert.That(((decimal)c["interesFinanciamiento"]!, (decimal)c["totalCuotas"]!), Is.EqualTo((40_264m, 1_040_264m)));
    }

    [Test]
    public async Task Una_firma_con_fecha_pasada_deja_igual_la_antiguedad_de_los_cortes_anteriores_a_la_firma()
    {
        var f1 = await CrearDocumentoAsync(Factura(401, 1_000_000m, Hoy.AddDays(-90), Hoy.AddDays(-60)));
        var f2 = await CrearDocumentoAsync(Factura(402, 300_000m, Hoy.AddDays(-90), Hoy.AddDays(-45)));
        await PagarAsync(100_000m, Hoy.AddDays(-40), [new { documentoId = f2.Id(), monto = 100_000m }]);
        DateOnly[] cortes = [Hoy.AddDays(-50), Hoy.AddDays(-40), Hoy.AddDays(-21)];
        var antes = new List<decimal[]>();
        foreach (var corte in cortes)
            antes.Add(await AgingTramosAsync(corte));

        var c = await CrearAsync(Cuerpo(ClienteId, [f1, f2], 2, Hoy.AddDays(10), fecha: Hoy.AddDays(-20)));
        Assert.That((decimal)c["saldoDocumentos"]!, Is.EqualTo(1_200_000m));
        await AprobarAsync(c);
        await FirmarAsync(c, Hoy.AddDays(-20));

        for (var k = 0; k < cortes.Length; k++)
            Assert.That(await AgingTramosAsync(cortes[k]), Is.EqualTo(antes[k]), $"Corte {cortes[k]}");
        // From the signature day the debt is the convenio's, not yet due.
        var alFirmar = await AgingTramosAsync(Hoy.AddDays(-20));
        Assert.That((alFirmar[0], alFirmar.Sum()), Is.EqualTo((1_200_000m, 1_200_000m)));
        var estado = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta?fechaCorte={F(Hoy.AddDays(-21))}")).JsonAsync();
        Assert.That(estado["documentos"]!.AsArray().Select(d => ((long)d!["folio"]!, (decimal)d["saldo"]!)).OrderBy(x => x.Item1),
            Is.EqualTo(new[] { (401L, 1_000_000m), (402L, 200_000m) }));
    }

    [Test]
    public async Task Una_cuota_atrasada_rompe_el_convenio_repone_la_deuda_no_pagada_en_los_originales_y_el_job_es_idempotente()
    {
        var f1 = await CrearDocumentoAsync(Factura(501, 600_000m, Hoy.AddDays(-120), Hoy.AddDays(-100)));
        var f2 = await CrearDocumentoAsync(Factura(502, 400_000m, Hoy.AddDays(-120), Hoy.AddDays(-90)));
        await (await Api.PutAsJsonAsync("/api/v1/convenios/configuracion", new { diasRuptura = 10 })).JsonAsync();

        // 1,000,000 less a 100,000 haircut = 900,000 in 3 × 300,000, the first due 70 days ago; the first one paid.
        var c = await CrearAsync(Cuerpo(ClienteId, [f1, f2], 3, Hoy.AddDays(-70), TiposConvenio.QuitaCapital, quita: 100_000m, fecha: Hoy.AddDays(-80)));
        await AprobarAsync(c);
        await FirmarAsync(c, Hoy.AddDays(-80));
        await PagarAsync(300_000m, Hoy.AddDays(-65));
        var corteIntermedio = Hoy.AddDays(-30);
        var antes = await AgingTotalAsync(corteIntermedio);
        Assert.That(antes, Is.EqualTo(600_000m));

        var primera = await CumplimientoAsync();
        Assert.That(primera.Rotos, Is.EqualTo(1));

        // Unpaid share 600,000 / 900,000 of the 1,000,000 settled = 666,667, split by the settled balances: 400,000 and 266,667.
        var roto = await ConvenioAsync(c);
        Assert.That(((string)roto["estado"]!, (decimal)roto["montoRepuesto"]!), Is.EqualTo(("roto", 666_667m)));
        Assert.That((await SaldoAsync(f1), await SaldoAsync(f2)), Is.EqualTo((400_000m, 266_667m)));
        var receivable = await (await Api.GetAsync($"/api/v1/documentos/{(string)roto["documentoId"]!}")).JsonAsync();
        Assert.That((string)receivable["estado"]!, Is.EqualTo("anulado"));
        Assert.That(await AgingTotalAsync(Hoy), Is.EqualTo(666_667m));
        Assert.That(await AgingTotalAsync(corteIntermedio), Is.EqualTo(antes), "Antes de la ruptura la deuda era la del convenio.");

        // The collector gets a task; a second run finds nothing to do and changes nothing.
        var tareas = await (await Api.GetAsync($"/api/v1/gestion/tareas?clienteId={ClienteId}")).JsonAsync();
        Assert.That(tareas["items"]!.AsArray().Count(t => (string)t!["origen"]! == "convenio" && (string)t["tipo"]! == "convenio_roto"), Is.EqualTo(1));
        var segunda = await CumplimientoAsync();
        Assert.That(segunda, Is.EqualTo(new ResultadoCumplimiento(0, 0)));
        Assert.That((await SaldoAsync(f1), await SaldoAsync(f2)), Is.EqualTo((400_000m, 266_667m)));
        tareas = await (await Api.GetAsync($"/api/v1/gestion/tareas?clienteId={ClienteId}")).JsonAsync();
        Assert.That(tareas["items"]!.AsArray().Count(t => (string)t!["origen"]! == "convenio"), Is.EqualTo(1));
    }

    [Test]
    public async Task Un_convenio_pagado_queda_cumplido_y_uno_al_dia_sigue_vigente()
    {
        var f1 = await CrearDocumentoAsync(Factura(601, 200_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var f2 = await CrearDocumentoAsync(Factura(602, 300_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var pagado = await CrearAsync(Cuerpo(ClienteId, [f1], 1, Hoy.AddDays(-5), fecha: Hoy.AddDays(-10)));
        await AprobarAsync(pagado);
        await FirmarAsync(pagado, Hoy.AddDays(-10));
        var recibo = (string)(await ConvenioAsync(pagado))["documentoId"]!;
        await PagarAsync(200_000m, Hoy.AddDays(-1), [new { documentoId = recibo, monto = 200_000m }]);
        var aldia = await CrearAsync(Cuerpo(ClienteId, [f2], 2, Hoy.AddDays(5)));
        await AprobarAsync(aldia);
        await FirmarAsync(aldia);

        Assert.That(await CumplimientoAsync(), Is.EqualTo(new ResultadoCumplimiento(0, 1)));
        Assert.That((string)(await ConvenioAsync(pagado))["estado"]!, Is.EqualTo("cumplido"));
        Assert.That((string)(await ConvenioAsync(aldia))["estado"]!, Is.EqualTo("vigente"));
    }

    [Test]
    public async Task Dos_firmas_a_la_vez_firman_una_sola_vez()
    {
        var f = await CrearDocumentoAsync(Factura(701, 800_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var c = await CrearAsync(Cuerpo(ClienteId, [f], 4, Hoy.AddDays(30)));
        await AprobarAsync(c);
        var token = Api.DefaultRequestHeaders.Authorization!.Parameter!;
        var clientes = Enumerable.Range(0, 2).Select(_ => Fixture.ConToken(token)).ToList();
        var salida = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tareas = clientes.Select(h => Task.Run(async () =>
        {
            await salida.Task;
            return await h.PostAsJsonAsync($"/api/v1/convenios/{c.Id()}/firmar", new { fecha = (string?)null });
        })).ToList();
        salida.SetResult();
        var respuestas = await Task.WhenAll(tareas);
        Assert.That(respuestas.Select(r => (int)r.StatusCode).Order(), Is.EqualTo(Firmas));

        var original = await DocumentoAsync(f);
        Assert.That(((decimal)original["saldo"]!, original["aplicaciones"]!.AsArray().Count), Is.EqualTo((0m, 1)));
        Assert.That(await AgingTotalAsync(Hoy), Is.EqualTo(800_000m));
    }

    [Test]
    public async Task Entradas_invalidas_responden_400_o_422_y_no_cambian_nada()
    {
        var f = await CrearDocumentoAsync(Factura(801, 100_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 40_000m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        var otro = (await Api.CrearClienteAsync()).Id();
        var ajeno = await CrearDocumentoAsync(Factura(802, 100_000m, Hoy.AddDays(-60), Hoy.AddDays(-30), otro));

        var nulo = await (await Api.PostAsJsonAsync("/api/v1/convenios", Cuerpo(ClienteId, [f], 2, Hoy.AddDays(10), notas: "a\0b"))).ProblemaAsync(400);
        Assert.That(nulo.CamposConError(), Does.Contain("notas").Or.Contain("Notas").Or.Contain("cuerpo.Notas").Or.Contain("Cuerpo.Notas"));
        var cero = await (await Api.PostAsJsonAsync("/api/v1/convenios", Cuerpo(ClienteId, [f], 0, Hoy.AddDays(10)))).ProblemaAsync(400);
        Assert.That(string.Join(",", cero.CamposConError()), Does.Contain("umeroCuotas"));
        await (await Api.PostAsJsonAsync("/api/v1/convenios", Cuerpo(ClienteId, [ajeno], 2, Hoy.AddDays(10)))).ProblemaAsync(422);
        await (await Api.PostAsJsonAsync("/api/v1/convenios", Cuerpo(ClienteId, [f], 2, Hoy.AddDays(10), TiposConvenio.QuitaCapital, quita: 100_000m))).ProblemaAsync(422);
        await (await Api.PostAsJsonAsync("/api/v1/convenios", Cuerpo(ClienteId, [f], 2, Hoy.AddDays(-1)))).ProblemaAsync(422);
        Assert.That((await (await Api.GetAsync("/api/v1/convenios")).JsonAsync()).AsArray(), Is.Empty);

        // Two drafts may name the same document, but only one goes on to approval; annulling it frees the other. Signing needs approval.
        var primero = await CrearAsync(Cuerpo(ClienteId, [f], 2, Hoy.AddDays(10)));
        var segundo = await CrearAsync(Cuerpo(ClienteId, [f], 3, Hoy.AddDays(10)));
        await (await Api.PostAsJsonAsync($"/api/v1/convenios/{primero.Id()}/firmar", new { fecha = (string?)null })).ProblemaAsync(422);
        await (await Api.PostAsync($"/api/v1/convenios/{primero.Id()}/solicitar-aprobacion", null)).JsonAsync();
        await (await Api.PostAsync($"/api/v1/convenios/{segundo.Id()}/solicitar-aprobacion", null)).ProblemaAsync(422);
        await (await Api.PostAsJsonAsync("/api/v1/convenios", Cuerpo(ClienteId, [f], 2, Hoy.AddDays(10)))).ProblemaAsync(422);
        var anulado = await (await Api.PostAsJsonAsync($"/api/v1/convenios/{primero.Id()}/anular", new { motivo = "El cliente desistió" })).JsonAsync();
        Assert.That((string)anulado["estado"]!, Is.EqualTo("anulado"));
        await (await Api.PostAsync($"/api/v1/convenios/{segundo.Id()}/solicitar-aprobacion", null)).JsonAsync();
        Assert.That(await SaldoAsync(f), Is.EqualTo(100_000m));
    }

    [Test]
    public async Task Un_rechazo_vuelve_el_convenio_a_borrador_con_el_comentario()
    {
        var f = await CrearDocumentoAsync(Factura(901, 100_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var c = await CrearAsync(Cuerpo(ClienteId, [f], 2, Hoy.AddDays(10)));
        await (await Api.PostAsync($"/api/v1/convenios/{c.Id()}/solicitar-aprobacion", null)).ProblemaAsync(422);
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 40_000m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        await (await Api.PostAsync($"/api/v1/convenios/{c.Id()}/solicitar-aprobacion", null)).JsonAsync();
        await (await Api.PostAsJsonAsync($"/api/v1/convenios/{c.Id()}/decision", new { aprobar = false, comentario = (string?)null })).ProblemaAsync(400);
        var r = await (await Api.PostAsJsonAsync($"/api/v1/convenios/{c.Id()}/decision", new { aprobar = false, comentario = "Plazo excesivo" })).JsonAsync();
        Assert.That(((string)r["estado"]!, (string)r["estadoAprobacion"]!, (string)r["comentarioDecision"]!), Is.EqualTo(("borrador", "rechazada", "Plazo excesivo")));
    }

    [Test]
    public async Task La_aprobacion_sigue_los_niveles_en_uf_sobre_100_uf_un_supervisor_no_basta()
    {
        // 5,000,000 at UF 40,000 = 125 UF: above the supervisor's 100 UF, the default "Gerencia" level needs an administrator.
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 40_000m } })).EsperarAsync(System.Net.HttpStatusCode.NoContent);
        var f = await CrearDocumentoAsync(Factura(951, 5_000_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var c = await CrearAsync(Cuerpo(ClienteId, [f], 10, Hoy.AddDays(10)));
        await (await Api.PostAsync($"/api/v1/convenios/{c.Id()}/solicitar-aprobacion", null)).JsonAsync();
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, "Supervisor");
        var rechazo = await (await supervisor.PostAsJsonAsync($"/api/v1/convenios/{c.Id()}/decision", new { aprobar = true, comentario = "Ok" })).ProblemaAsync(422);
        Assert.That(rechazo.ToJsonString(), Does.Contain("rol_insuficiente"));
        Assert.That((string)(await ConvenioAsync(c))["estado"]!, Is.EqualTo("pendiente_aprobacion"));
        var aprobado = await (await Api.PostAsJsonAsync($"/api/v1/convenios/{c.Id()}/decision", new { aprobar = true, comentario = "Gerencia aprueba" })).JsonAsync();
        Assert.That(((string)aprobado["estado"]!, (string)aprobado["estadoAprobacion"]!), Is.EqualTo(("aprobado", "aprobada")));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// Castigos (issue 16 §5): candidates from age and legal stage, proposals through the approval levels, the write-off with its entry,
/// and recoveries after the write-off that never reopen the receivable.
/// </summary>
public sealed class CastigosTests : PruebaCartera
{
    /// <summary>The UF at 40,000: 4,000,000 CLP = 100 UF, the supervisor's ceiling (inclusive).</summary>
    private async Task UfAsync() =>
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 40_000m } })).EsperarAsync(HttpStatusCode.NoContent);

    /// <summary>A closed insolvency procedure: Gestión reports the client's legal collection ended.</summary>
    private async Task CerrarQuiebraAsync(string clienteId) =>
        await (await Api.PutAsJsonAsync($"/api/v1/judicial/clientes/{clienteId}/quiebra", new
        {
            procedimiento = "liquidacion", fechaPublicacion = F(Hoy.AddDays(-300)), liquidador = "Pedro Rojas", fechaCierre = F(Hoy.AddDays(-10)),
        })).JsonAsync();

    private async Task<JsonNode> VencidaAsync(long folio, decimal total, int diasVencida, string? clienteId = null) =>
        await CrearDocumentoAsync(Factura(folio, total, Hoy.AddDays(-diasVencida - 30), Hoy.AddDays(-diasVencida), clienteId));

    private async Task<JsonNode> CandidatosAsync(HttpClient? api = null) => await (await (api ?? Api).GetAsync("/api/v1/castigos/candidatos")).JsonAsync();

    private async Task<JsonNode> ProponerAsync(params JsonNode[] documentos) =>
        await (await Api.PostAsJsonAsync("/api/v1/castigos/propuestas", new { documentoIds = documentos.Select(d => d.Id()).ToArray(), motivo = "Incobrable tras liquidación" }))
            .JsonAsync(201);

    private static Task<HttpResponseMessage> DecidirAsync(HttpClient api, JsonNode propuesta, bool aprobar, string? comentario = null) =>
        api.PostAsJsonAsync($"/api/v1/castigos/propuestas/{propuesta.Id()}/decision", new { aprobar, comentario });

    private async Task<decimal> AgingTotalAsync() =>
        (decimal)(await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(Hoy)}")).JsonAsync())["total"]!;

    [Test]
    public async Task Son_candidatos_los_vencidos_mas_de_365_dias_con_cobranza_judicial_terminada_y_las_reglas_se_configuran()
    {
        var otro = (await Api.CrearClienteAsync()).Id();
        await CerrarQuiebraAsync(ClienteId);
        var viejo = await VencidaAsync(1, 800_000m, 400);
        await VencidaAsync(2, 300_000m, 365);
        var sinJuicio = await VencidaAsync(3, 200_000m, 500, otro);

        var c = await CandidatosAsync();
        Assert.That(c["documentos"]!.AsArray().Select(d => ((string)d!["documentoId"]!, (int)d["diasVencido"]!)), Is.EqualTo(new[] { (viejo.Id(), 400) }),
            "365 días justos no superan el mínimo; el otro cliente no terminó su cobranza judicial.");
        Assert.That((string)c["documentos"]![0]!["motivo"]!, Does.Contain("procedimiento concursal cerrado"));
        Assert.That(((decimal)c["total"]!, (decimal)c["provision"]!), Is.EqualTo((800_000m, 800_000m)), "Más de 120 días: provisión 100 % por omisión.");

        var reglas = await (await Api.PutAsJsonAsync("/api/v1/castigos/reglas", new { diasMinimos = 360, exigeCierreJudicial = false })).JsonAsync();
        Assert.That(((int)reglas["diasMinimos"]!, (bool)reglas["exigeCierreJudicial"]!), Is.EqualTo((360, false)));
        Assert.That((await CandidatosAsync())["documentos"]!.AsArray().Select(d => (long)d!["folio"]!), Is.EqualTo(new[] { 3L, 1L, 2L }));
        Assert.That((await CandidatosAsync())["documentos"]!.AsArray().Any(d => (string)d!["documentoId"]! == sinJuicio.Id()));

        await (await Api.PutAsJsonAsync("/api/v1/castigos/reglas", new { diasMinimos = 10, exigeCierreJudicial = true })).ProblemaAsync(400);
    }

    [Test]
    public async Task Una_propuesta_en_el_nivel_del_supervisor_castiga_al_aprobarse_con_su_asiento_y_el_dinero_cuadra()
    {
        await UfAsync();
        await CerrarQuiebraAsync(ClienteId);
        await Api.PutAsJsonAsync("/api/v1/cartera/configuracion", new
        {
            limitesTramos = new[] { 30, 60, 90, 120 }, ordenImputacion = "vencimiento", porcentajesProvision = new[] { 1m, 5m, 10m, 25m, 50m, 60m },
        });
        var a = await VencidaAsync(11, 2_500_000m, 400);
        var b = await VencidaAsync(12, 1_500_000m, 500);
        var vigente = await VencidaAsync(13, 700_000m, 10);
        var antes = await AgingTotalAsync();

        // 4,000,000 CLP = 100 UF: still the supervisor's level (ceilings are inclusive), one approval.
        var p = await ProponerAsync(a, b);
        Assert.That(((string)p["estado"]!, (decimal)p["total"]!, (string)p["aprobacion"]!["nivel"]!, (int)p["aprobacion"]!["aprobacionesRequeridas"]!),
            Is.EqualTo(("pendiente_aprobacion", 4_000_000m, "Supervisor", 1)));
        // 60 % of each balance is provisioned already: 1,500,000 + 900,000; the rest, 1,600,000, is an expense.
        Assert.That(p["asiento"]!.AsArray().Select(l => ((string)l!["cuenta"]!, (decimal)l["debe"]!, (decimal)l["haber"]!)), Is.EqualTo(new[]
        {
            ("Provisión deudores incobrables", 2_400_000m, 0m), ("Gasto por deudores incobrables", 1_600_000m, 0m), ("Deudores por venta", 0m, 4_000_000m),
        }));
        Assert.That(await SaldoAsync(a), Is.EqualTo(2_500_000m), "Una propuesta pendiente no toca los documentos.");
        Assert.That((await CandidatosAsync())["documentos"]!.AsArray(), Is.Empty, "Un documento en una propuesta pendiente no es candidato de otra.");

        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var castigada = await (await DecidirAsync(supervisor, p, true, "Sin bienes")).JsonAsync();
        Assert.That(((string)castigada["estado"]!, (string)castigada["fechaCastigo"]!), Is.EqualTo(("castigada", F(Hoy))));

        var despues = await AgingTotalAsync();
        var castigado = 0m;
        foreach (var d in new[] { a, b })
        {
            var doc = await DocumentoAsync(d);
            Assert.That(((decimal)doc["saldo"]!, (string)doc["estado"]!), Is.EqualTo((0m, "castigado")));
            castigado += (decimal)doc["castigo"]!["monto"]!;
        }

        Assert.That((antes, despues, castigado), Is.EqualTo((4_700_000m, 700_000m, 4_000_000m)));
        Assert.That(antes, Is.EqualTo(despues + castigado), "Σ antes = Σ después + castigado.");
        Assert.That(await SaldoAsync(vigente), Is.EqualTo(700_000m));
        var lista = (await (await Api.GetAsync("/api/v1/castigos/propuestas?estado=castigada")).JsonAsync()).AsArray();
        Assert.That(lista.Select(x => ((long)x!["numero"]!, (int)x["documentos"]!)), Is.EqualTo(new[] { (1L, 2) }));
    }

    private async Task<JsonNode> VencidaEnMonedaAsync(long folio, string moneda, decimal total, int diasVencida) =>
        await CrearDocumentoAsync(new
        {
            tipo = "33", folio, clienteId = ClienteId, fechaEmision = F(Hoy.AddDays(-diasVencida - 30)), fechaVencimiento = F(Hoy.AddDays(-diasVencida)), moneda,
            neto = total, exento = 0m, iva = 0m, total,
        });

    [Test]
    public async Task Una_propuesta_con_documentos_en_uf_y_dolares_los_valora_en_pesos_a_su_fecha_y_al_aprobarse_los_castiga_en_su_moneda()
    {
        await CerrarQuiebraAsync(ClienteId);
        await Api.PutAsJsonAsync("/api/v1/cartera/configuracion", new
        {
            limitesTramos = new[] { 30, 60, 90, 120 }, ordenImputacion = "vencimiento", porcentajesProvision = new[] { 1m, 5m, 10m, 25m, 50m, 60m },
        });
        var enUf = await VencidaEnMonedaAsync(31, "UF", 30.5m, 400);
        var enDolares = await VencidaEnMonedaAsync(32, "USD", 1_250.50m, 400);
        var enPesos = await VencidaAsync(33, 1_000_000m, 400);

        // Without a UF or dólar up to today the documents cannot be put in pesos: 422 naming fecha, nothing recorded.
        var sinValores = (await CandidatosAsync())["documentos"]!.AsArray().Single(d => (long)d!["folio"]! == 31)!;
        Assert.That(((string)sinValores["moneda"]!, (decimal?)sinValores["saldoClp"], (decimal?)sinValores["provision"]), Is.EqualTo(("UF", (decimal?)null, (decimal?)null)));
        var filas = await Fixture.ContarFilasAsync();
        var problema = await (await Api.PostAsJsonAsync("/api/v1/castigos/propuestas", new { documentoIds = new[] { enUf.Id(), enPesos.Id() }, motivo = "Incobrable" }))
            .ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "fecha" }));
        Assert.That((string)problema["errors"]!["fecha"]![0]!, Does.Contain("33 31 (UF)"));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));

        // The latest value up to today counts: UF 40,000 (not the older 39,000), dólar 950.40 of yesterday.
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy.AddDays(-3)), valor = 39_000m }, new { fecha = F(Hoy), valor = 40_000m } }))
            .EsperarAsync(HttpStatusCode.NoContent);
        await (await Api.PutAsJsonAsync("/api/v1/valores-dolar", new[] { new { fecha = F(Hoy.AddDays(-1)), valor = 950.40m } })).EsperarAsync(HttpStatusCode.NoContent);
        var candidatos = await CandidatosAsync();
        Assert.That(candidatos["documentos"]!.AsArray().Select(d => ((long)d!["folio"]!, (string)d["moneda"]!, (decimal)d["saldo"]!, (decimal)d["saldoClp"]!, (decimal)d["provision"]!)),
            Is.EqualTo(new[]
            {
                (31L, "UF", 30.5m, 1_220_000m, 732_000m), // 30.5 × 40,000; 60 % provisioned
                (32L, "USD", 1_250.50m, 1_188_475m, 713_085m), // 1,250.50 × 950.40 = 1,188,475.2 → 1,188,475
                (33L, "CLP", 1_000_000m, 1_000_000m, 600_000m),
            }));
        Assert.That(((decimal)candidatos["total"]!, (decimal)candidatos["provision"]!), Is.EqualTo((3_408_475m, 2_045_085m)));

        // 3,408,475 CLP = 85.2119 UF: the supervisor's level, as a CLP proposal of that amount.
        var p = await ProponerAsync(enUf, enDolares, enPesos);
        Assert.That(((string)p["moneda"]!, (decimal)p["total"]!, (decimal)p["montoProvision"]!, (decimal)p["montoGasto"]!),
            Is.EqualTo(("CLP", 3_408_475m, 2_045_085m, 1_363_390m)));
        Assert.That(((decimal)p["aprobacion"]!["montoUf"]!, (string)p["aprobacion"]!["nivel"]!), Is.EqualTo((85.2119m, "Supervisor")));
        Assert.That(p["documentos"]!.AsArray().Select(d => ((long)d!["folio"]!, (string)d["moneda"]!, (decimal)d["saldo"]!, (decimal)d["saldoClp"]!)),
            Is.EqualTo(new[] { (31L, "UF", 30.5m, 1_220_000m), (32L, "USD", 1_250.50m, 1_188_475m), (33L, "CLP", 1_000_000m, 1_000_000m) }));
        Assert.That(p["asiento"]!.AsArray().Select(l => ((decimal)l!["debe"]!, (decimal)l["haber"]!)),
            Is.EqualTo(new[] { (2_045_085m, 0m), (1_363_390m, 0m), (0m, 3_408_475m) }), "el asiento va en pesos y cuadra");

        // A later UF does not move the proposal: it was valued at its date.
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 41_000m } })).EsperarAsync(HttpStatusCode.NoContent);
        Assert.That((decimal)(await (await Api.GetAsync($"/api/v1/castigos/propuestas/{p.Id()}")).JsonAsync())["total"]!, Is.EqualTo(3_408_475m));

        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        Assert.That((string)(await (await DecidirAsync(supervisor, p, true)).JsonAsync())["estado"]!, Is.EqualTo("castigada"));
        foreach (var (doc, moneda, monto) in new[] { (enUf, "UF", 30.5m), (enDolares, "USD", 1_250.50m), (enPesos, "CLP", 1_000_000m) })
        {
            var d = await DocumentoAsync(doc);
            Assert.That(((decimal)d["saldo"]!, (string)d["estado"]!, (string)d["moneda"]!, (decimal)d["castigo"]!["monto"]!, (string)d["castigo"]!["fecha"]!),
                Is.EqualTo((0m, "castigado", moneda, monto, F(Hoy))), "castigado en su moneda, como el castigo individual");
        }

        // Its recoveries go in the document's currency, up to what was written off.
        await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = enUf.Id(), fecha = F(Hoy), monto = 30.5m })).JsonAsync(201);
        await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = enUf.Id(), fecha = F(Hoy), monto = 0.0001m })).ProblemaAsync(422);
    }

    [TestCase(100, "Supervisor")]
    [TestCase(100.0001, "Gerencia")]
    public async Task El_nivel_de_una_propuesta_en_uf_va_por_su_monto_en_uf_con_el_limite_incluido(decimal ufs, string nivel)
    {
        await UfAsync();
        await CerrarQuiebraAsync(ClienteId);
        var doc = await VencidaEnMonedaAsync(41, "UF", ufs, 400);

        var p = await ProponerAsync(doc);

        Assert.That(((decimal)p["total"]!, (decimal)p["aprobacion"]!["montoUf"]!, (string)p["aprobacion"]!["nivel"]!),
            Is.EqualTo((decimal.Round(ufs * 40_000m, 0), ufs, nivel)), "100 UF son 4.000.000 CLP; 100,0001 UF son 4.000.004 CLP");
    }

    [Test]
    public async Task Sobre_el_nivel_del_supervisor_un_supervisor_no_aprueba_y_nada_cambia_y_la_gerencia_si()
    {
        await UfAsync();
        await CerrarQuiebraAsync(ClienteId);
        var a = await VencidaAsync(21, 4_002_000m, 400);
        var p = await ProponerAsync(a);
        Assert.That((string)p["aprobacion"]!["nivel"]!, Is.EqualTo("Gerencia"), "4,002,000 CLP son 100,05 UF: pasa de 100 UF.");

        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var filas = await Fixture.ContarFilasAsync();
        var problema = await (await DecidirAsync(supervisor, p, true)).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "aprueba" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
        Assert.That(await SaldoAsync(a), Is.EqualTo(4_002_000m));

        var castigada = await (await DecidirAsync(Api, p, true)).JsonAsync();
        Assert.That((string)castigada["estado"]!, Is.EqualTo("castigada"));
        Assert.That(await SaldoAsync(a), Is.EqualTo(0m));
    }

    [Test]
    public async Task Una_propuesta_rechazada_no_castiga_y_el_documento_vuelve_a_ser_candidato()
    {
        await UfAsync();
        await CerrarQuiebraAsync(ClienteId);
        var a = await VencidaAsync(31, 100_000m, 400);
        var p = await ProponerAsync(a);

        await (await DecidirAsync(Api, p, false)).ProblemaAsync(400);
        var rechazada = await (await DecidirAsync(Api, p, false, "Falta el certificado del liquidador")).JsonAsync();
        Assert.That((string)rechazada["estado"]!, Is.EqualTo("rechazada"));
        Assert.That(await SaldoAsync(a), Is.EqualTo(100_000m));
        Assert.That((await CandidatosAsync())["documentos"]!.AsArray().Select(d => (string)d!["documentoId"]!), Is.EqualTo(new[] { a.Id() }));
        await (await DecidirAsync(Api, p, true)).ProblemaAsync(422);
    }

    [Test]
    public async Task Un_documento_que_no_es_candidato_no_entra_en_una_propuesta_y_nada_cambia()
    {
        await UfAsync();
        var reciente = await VencidaAsync(41, 100_000m, 100);
        var filas = await Fixture.ContarFilasAsync();
        var problema = await (await Api.PostAsJsonAsync("/api/v1/castigos/propuestas", new { documentoIds = new[] { reciente.Id() }, motivo = "x" })).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "documentoIds[0]" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
    }

    [Test]
    public async Task Un_recupero_tras_el_castigo_no_reabre_el_documento_y_aparece_en_los_informes_en_su_mes()
    {
        var doc = await VencidaAsync(51, 900_000m, 400);
        var fechaCastigo = Hoy.AddDays(-70);
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/castigar", new { fecha = F(fechaCastigo), motivo = "Incobrable" })).JsonAsync();
        var fecha = Hoy.AddDays(-40);
        var mes = new DateOnly(fecha.Year, fecha.Month, 1);

        var recupero = await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = doc.Id(), fecha = F(fecha), monto = 250_000m, referencia = "Transferencia 991" }))
            .JsonAsync(201);
        Assert.That(recupero["asiento"]!.AsArray().Select(l => ((string)l!["cuenta"]!, (decimal)l["debe"]!, (decimal)l["haber"]!)), Is.EqualTo(new[]
        {
            ("Banco", 250_000m, 0m), ("Recuperación de deudores castigados", 0m, 250_000m),
        }));

        var d = await DocumentoAsync(doc);
        Assert.That(((decimal)d["saldo"]!, (string)d["estado"]!, (decimal)d["castigo"]!["monto"]!), Is.EqualTo((0m, "castigado", 900_000m)));
        Assert.That(await AgingTotalAsync(), Is.EqualTo(0m), "El recupero no vuelve a la cartera.");

        var informe = await (await Api.GetAsync($"/api/v1/castigos/recuperos?desde={F(fechaCastigo)}&hasta={F(Hoy)}")).JsonAsync();
        Assert.That(informe["meses"]!.AsArray().Select(m => ((string)m!["mes"]!, (int)m["cantidad"]!, (decimal)m["monto"]!)), Is.EqualTo(new[] { (F(mes), 1, 250_000m) }));
        Assert.That((decimal)informe["total"]!, Is.EqualTo(250_000m));

        var historica = await (await Api.GetAsync($"/api/v1/reportes/recuperacion?fechaCorte={F(Hoy)}&meses=6")).JsonAsync();
        var meses = historica["meses"]!.AsArray().ToDictionary(m => (string)m!["mes"]!, m => (decimal)m!["recuperoCastigos"]!);
        Assert.That(meses[F(mes)], Is.EqualTo(250_000m));
        Assert.That(meses.Where(m => m.Key != F(mes)).Sum(m => m.Value), Is.EqualTo(0m));
        Assert.That((decimal)historica["recuperoCastigos"]!, Is.EqualTo(250_000m));

        // Never more than what was written off, never before the write-off, never on a document that is not written off.
        var filas = await Fixture.ContarFilasAsync();
        var otro = await VencidaAsync(52, 10_000m, 5);
        filas = await Fixture.ContarFilasAsync();
        Assert.That((await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = doc.Id(), fecha = F(Hoy), monto = 650_001m })).ProblemaAsync(422))
            .CamposConError(), Is.EqualTo(new[] { "monto" }));
        Assert.That((await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = doc.Id(), fecha = F(fechaCastigo.AddDays(-1)), monto = 1m })).ProblemaAsync(422))
            .CamposConError(), Is.EqualTo(new[] { "fecha" }));
        Assert.That((await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = otro.Id(), fecha = F(Hoy), monto = 1m })).ProblemaAsync(422))
            .CamposConError(), Is.EqualTo(new[] { "documentoId" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
        await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = doc.Id(), fecha = F(Hoy), monto = 650_000m })).JsonAsync(201);
    }

    [Test]
    public async Task Consulta_ve_pero_no_propone_ni_decide_ni_registra_recuperos()
    {
        await UfAsync();
        await CerrarQuiebraAsync(ClienteId);
        var a = await VencidaAsync(61, 100_000m, 400);
        var p = await ProponerAsync(a);
        var consulta = await Fixture.ClienteHttpAsync(Empresa, Roles.Consulta);

        Assert.That((await CandidatosAsync(consulta))["documentos"]!.AsArray(), Is.Empty);
        await (await consulta.GetAsync($"/api/v1/castigos/propuestas/{p.Id()}")).JsonAsync();
        var filas = await Fixture.ContarFilasAsync();
        await (await consulta.PostAsJsonAsync("/api/v1/castigos/propuestas", new { documentoIds = new[] { a.Id() }, motivo = "x" })).EsperarAsync(HttpStatusCode.Forbidden);
        await (await DecidirAsync(consulta, p, true)).EsperarAsync(HttpStatusCode.Forbidden);
        await (await consulta.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = a.Id(), fecha = F(Hoy), monto = 1m })).EsperarAsync(HttpStatusCode.Forbidden);
        await (await consulta.PutAsJsonAsync("/api/v1/castigos/reglas", new { diasMinimos = 400, exigeCierreJudicial = true })).EsperarAsync(HttpStatusCode.Forbidden);
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
    }

    [Test]
    public async Task Otra_empresa_no_ve_ni_decide_las_propuestas_ni_los_recuperos()
    {
        await UfAsync();
        await CerrarQuiebraAsync(ClienteId);
        var a = await VencidaAsync(71, 100_000m, 400);
        var p = await ProponerAsync(a);
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Comercial del Sur"));

        await (await otra.GetAsync($"/api/v1/castigos/propuestas/{p.Id()}")).ProblemaAsync(404);
        await (await DecidirAsync(otra, p, true)).ProblemaAsync(404);
        Assert.That((await (await otra.GetAsync("/api/v1/castigos/propuestas")).JsonAsync()).AsArray(), Is.Empty);
        Assert.That((await CandidatosAsync(otra))["documentos"]!.AsArray(), Is.Empty);
        await (await otra.PostAsJsonAsync("/api/v1/castigos/propuestas", new { documentoIds = new[] { a.Id() }, motivo = "x" })).ProblemaAsync(422);
        await (await otra.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = a.Id(), fecha = F(Hoy), monto = 1m })).ProblemaAsync(404);
        Assert.That(await SaldoAsync(a), Is.EqualTo(100_000m));
    }

    [TestCase("/api/v1/castigos/propuestas", "motivo")]
    [TestCase("/api/v1/castigos/recuperos", "referencia")]
    public async Task Un_nul_en_un_texto_da_400_y_no_cambia_nada(string ruta, string campo)
    {
        await UfAsync();
        await CerrarQuiebraAsync(ClienteId);
        var a = await VencidaAsync(81, 100_000m, 400);
        var cuerpo = new JsonObject
        {
            ["documentoIds"] = new JsonArray(a.Id()), ["motivo"] = "Incobrable", ["documentoId"] = a.Id(), ["fecha"] = F(Hoy), ["monto"] = 1,
            ["referencia"] = "ok",
        };
        cuerpo[campo] = "a\0b";
        var filas = await Fixture.ContarFilasAsync();
        await (await Api.PostAsJsonAsync(ruta, cuerpo)).ProblemaAsync(400);
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
    }
}

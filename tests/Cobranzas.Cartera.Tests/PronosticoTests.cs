using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// The payment-date model on a generated history with a known pattern: client A always pays 10 days after the due date,
/// B on the due date, C 30 days late with noise of up to ±4 days. Each got an invoice of 100 000 every 30 days for 13
/// months (issued 400 days ago and on, due 30 days after issue), paid by its pattern up to today; then one more invoice
/// due in 14 days, still open (and C's last monthly one, due 10 days ago, which C pays 30 days late).
/// </summary>
public sealed class PronosticoTests : PruebaCartera
{
    private static readonly int[] Ruido = [-4, -2, 0, 2, 4, 1, -1, 3, -3, 0, 2, -2, 1];
    private string _a = null!, _b = null!, _c = null!;
    private readonly Dictionary<string, string> _abierta = [];
    private long _folio = 1;

    private async Task<string> ClienteConPatronAsync(Func<int, int> atraso, string segmento = "Retail")
    {
        var cliente = (await Api.CrearClienteAsync(Datos.Cliente(segmento: segmento))).Id();
        for (var k = 0; k <= 12; k++)
        {
            var emision = Hoy.AddDays(-400 + (30 * k));
            var doc = await CrearDocumentoAsync(Factura(_folio++, 100_000, emision, emision.AddDays(30), cliente));
            var pago = emision.AddDays(30 + atraso(k));
            if (pago <= Hoy)
                await PagarAsync(100_000, pago, [new { documentoId = doc.Id(), monto = 100_000m }], cliente);
        }

        _abierta[cliente] = (await CrearDocumentoAsync(Factura(_folio++, 100_000, Hoy.AddDays(-16), Hoy.AddDays(14), cliente))).Id();
        return cliente;
    }

    private async Task HistoriaAsync()
    {
        _a = await ClienteConPatronAsync(_ => 10);
        _b = await ClienteConPatronAsync(_ => 0);
        _c = await ClienteConPatronAsync(k => 30 + Ruido[k]);
    }

    private async Task<JsonNode> PrediccionAsync(string consulta, HttpClient? api = null) =>
        await (await (api ?? Api).GetAsync("/api/v1/reportes/prediccion?tamanoPagina=200&" + consulta)).JsonAsync();

    private JsonNode Fila(JsonNode pagina, string documentoId) => pagina["items"]!.AsArray().Single(i => (string)i!["documentoId"]! == documentoId)!;

    private static DateOnly Fecha(JsonNode n, string campo) => DateOnly.Parse((string)n[campo]!);

    private static int Semana(DateOnly fecha) => (fecha.DayNumber - Lunes(Hoy).DayNumber) / 7;

    private static DateOnly Lunes(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    [Test]
    public async Task La_prediccion_recupera_el_patron_de_cada_cliente_y_el_pronostico_pone_cada_monto_en_su_semana()
    {
        await HistoriaAsync();
        var p = await PrediccionAsync("");

        var a = Fila(p, _abierta[_a]);
        var b = Fila(p, _abierta[_b]);
        var c = Fila(p, _abierta[_c]);
        Assert.That(((string)a["base"]!, Fecha(a, "fechaPrevista"), (int)a["diasAtrasoPrevisto"]!), Is.EqualTo(("historial del cliente", Hoy.AddDays(24), 10)));
        Assert.That(((string)b["base"]!, Fecha(b, "fechaPrevista")), Is.EqualTo(("historial del cliente", Hoy.AddDays(14))));
        // C: 30 days late with ±4 days of noise; the weighted median must land within 3 days of 30.
        Assert.That((string)c["base"]!, Is.EqualTo("historial del cliente"));
        Assert.That((int)c["diasAtrasoPrevisto"]!, Is.InRange(27, 33));
        Assert.That(Fecha(c, "fechaTemprana"), Is.GreaterThanOrEqualTo(Hoy.AddDays(14 + 30 - 4)));
        Assert.That(Fecha(c, "fechaTardia"), Is.LessThanOrEqualTo(Hoy.AddDays(14 + 30 + 4)));

        // The forecast of A alone: its 100 000 in the week of today + 24 days, with certainty (no band).
        var pa = await (await Api.GetAsync($"/api/v1/reportes/pronostico?clienteId={_a}")).JsonAsync();
        var semanas = pa["semanas"]!.AsArray();
        Assert.That(semanas, Has.Count.EqualTo(13));
        Assert.That(semanas.Select(s => (decimal)s!["esperado"]!), Is.EqualTo(Enumerable.Range(0, 13).Select(i => i == Semana(Hoy.AddDays(24)) ? 100_000m : 0m)));
        Assert.That(semanas.Select(s => ((decimal)s!["bajo"]!, (decimal)s["alto"]!)), Is.EqualTo(semanas.Select(s => ((decimal)s!["esperado"]!, (decimal)s["esperado"]!))));
        Assert.That(DateOnly.Parse((string)semanas[0]!["inicio"]!), Is.EqualTo(Lunes(Hoy)));
        var pb = await (await Api.GetAsync($"/api/v1/reportes/pronostico?clienteId={_b}")).JsonAsync();
        Assert.That((decimal)pb["semanas"]![Semana(Hoy.AddDays(14))]!["esperado"]!, Is.EqualTo(100_000m));

        // The whole company: C's two open invoices (200 000) spread over the weeks of due + 26..34 days, a band around them.
        var todo = await (await Api.GetAsync("/api/v1/reportes/pronostico")).JsonAsync();
        // Each week is rounded to the peso, so the sum may differ from the balance by a few pesos.
        Assert.That((decimal)todo["total"]!, Is.EqualTo(400_000m).Within(3));
        Assert.That((decimal)todo["saldoAbierto"]!, Is.EqualTo(400_000m));
        Assert.That(todo["semanas"]!.AsArray().All(s => (decimal)s!["bajo"]! <= (decimal)s["esperado"]! && (decimal)s["esperado"]! <= (decimal)s["alto"]!));
    }

    [Test]
    public async Task Un_cliente_nuevo_toma_el_patron_de_su_segmento_y_uno_sin_segmento_con_historia_el_de_la_empresa()
    {
        await HistoriaAsync();
        var nuevo = (await Api.CrearClienteAsync(Datos.Cliente(segmento: "Retail"))).Id();
        var doc = await CrearDocumentoAsync(Factura(_folio++, 50_000, Hoy.AddDays(-5), Hoy.AddDays(25), nuevo));
        var otro = (await Api.CrearClienteAsync(Datos.Cliente(segmento: "Mayorista"))).Id();
        var doc2 = await CrearDocumentoAsync(Factura(_folio++, 70_000, Hoy.AddDays(-5), Hoy.AddDays(25), otro));

        var p = await PrediccionAsync("");
        // Retail = A (10 days), B (0) and C (~30), twelve receipts each: the weighted median is A's 10 days
        // (B's older receipts weigh a little less than A's, C's newer a little more, so B + A pass half the weight).
        var n = Fila(p, doc.Id());
        Assert.That(((string)n["base"]!, (int)n["diasAtrasoPrevisto"]!), Is.EqualTo(("segmento", 10)));
        var o = Fila(p, doc2.Id());
        Assert.That(((string)o["base"]!, (int)o["diasAtrasoPrevisto"]!), Is.EqualTo(("empresa", 10)));
        var soloSegmento = await PrediccionAsync("base=segmento");
        Assert.That(soloSegmento["items"]!.AsArray().Select(i => (string)i!["documentoId"]!), Is.EqualTo(new[] { doc.Id() }));
    }

    [Test]
    public async Task Un_compromiso_pendiente_reemplaza_al_historial_en_la_prediccion_y_el_pronostico()
    {
        await HistoriaAsync();
        // C (no payment today, which would keep a promise taken today) promises 100 000 in three days: it covers its oldest
        // open invoice (due 10 days ago); the newer one keeps its prediction from history.
        (await Api.PostAsJsonAsync("/api/v1/gestion/compromisos", new
        {
            clienteId = _c, cuotas = new[] { new { fecha = F(Hoy.AddDays(3)), monto = 100_000m } }, canal = "telefono",
        })).EnsureSuccessStatusCode();

        var items = (await PrediccionAsync($"clienteId={_c}"))["items"]!.AsArray();
        Assert.That(items.Select(i => ((string)i!["base"]!, Fecha(i, "fechaVencimiento"), Fecha(i, "fechaPrevista"), (decimal)i["montoCompromiso"]!)).First(),
            Is.EqualTo(("compromiso", Hoy.AddDays(-10), Hoy.AddDays(3), 100_000m)));
        Assert.That(items.Select(i => (string)i!["base"]!), Is.EqualTo(new[] { "compromiso", "historial del cliente" }));
        var pc = await (await Api.GetAsync($"/api/v1/reportes/pronostico?clienteId={_c}")).JsonAsync();
        var semana = pc["semanas"]![Semana(Hoy.AddDays(3))]!;
        Assert.That(((decimal)semana["esperado"]!, (decimal)semana["deCompromisos"]!), Is.EqualTo((100_000m, 100_000m)));
        Assert.That((decimal)pc["totalCompromisos"]!, Is.EqualTo(100_000m));
        Assert.That((decimal)pc["total"]!, Is.EqualTo(200_000m).Within(3));
    }

    /// <summary>
    /// The whole company's forecast is kept for the day: a client's segment (Clientes) and a promise (Gestión) are part of its key,
    /// so changing either gives the new figures.
    /// </summary>
    [Test]
    public async Task El_pronostico_guardado_de_la_empresa_cambia_con_el_segmento_de_un_cliente_y_con_un_compromiso()
    {
        _a = await ClienteConPatronAsync(_ => 10);
        _b = await ClienteConPatronAsync(_ => 0);
        _c = await ClienteConPatronAsync(k => 30 + Ruido[k], segmento: "Corporativo");
        var rut = Datos.RutNuevo();
        var nuevo = (await Api.CrearClienteAsync(Datos.Cliente(rut, "Nuevo SpA", segmento: "Mayorista"))).Id();
        var doc = await CrearDocumentoAsync(Factura(_folio++, 50_000, Hoy.AddDays(-5), Hoy.AddDays(25), nuevo));
        async Task<decimal[]> EsperadoAsync(string campo = "esperado") =>
            (await (await Api.GetAsync("/api/v1/reportes/pronostico")).JsonAsync())["semanas"]!.AsArray().Select(s => (decimal)s![campo]!).ToArray();
        var antes = await EsperadoAsync();
        Assert.That(await EsperadoAsync(), Is.EqualTo(antes), "la segunda lectura, guardada, es igual");

        // Mayorista has no history (the company's profile, C's month late included); Retail is A and B only (0 to 10 days).
        await (await Api.PutAsJsonAsync($"/api/v1/clientes/{nuevo}", Datos.Cliente(rut, "Nuevo SpA", segmento: "Retail"))).JsonAsync();
        var conSegmento = await EsperadoAsync();
        Assert.That(conSegmento, Is.Not.EqualTo(antes));
        Assert.That((string)Fila(await PrediccionAsync($"clienteId={nuevo}"), doc.Id())["base"]!, Is.EqualTo("segmento"));

        (await Api.PostAsJsonAsync("/api/v1/gestion/compromisos", new
        {
            clienteId = nuevo, cuotas = new[] { new { fecha = F(Hoy.AddDays(3)), monto = 50_000m } }, canal = "telefono",
        })).EnsureSuccessStatusCode();
        var compromisos = await EsperadoAsync("deCompromisos");
        Assert.That(compromisos, Is.EqualTo(Enumerable.Range(0, 13).Select(i => i == Semana(Hoy.AddDays(3)) ? 50_000m : 0m)));
    }

    [Test]
    public async Task El_backtest_no_usa_hechos_posteriores_a_cada_origen_y_le_gana_al_ingenuo()
    {
        await HistoriaAsync();
        var antes = await (await Api.GetAsync("/api/v1/reportes/pronostico/backtest")).JsonAsync();
        Assert.That((int)antes["origenes"]!, Is.EqualTo(26));
        Assert.That((int)antes["pares"]!, Is.GreaterThan(100));
        var maeModelo = (decimal)antes["maeModelo"]!;
        var maeIngenuo = (decimal)antes["maeIngenuo"]!;
        // C pays a month late: the naive baseline puts its money four weeks early; the model should be far closer.
        Assert.That(maeModelo, Is.LessThan(maeIngenuo * 0.6m), $"modelo {maeModelo}, ingenuo {maeIngenuo}");

        // A payment dated yesterday (C pays its open invoice 15 days early, a delay its history never had) and a new invoice
        // issued today: no origin before yesterday may change what it forecast.
        await PagarAsync(100_000, Hoy.AddDays(-1), [new { documentoId = _abierta[_c], monto = 100_000m }], _c);
        await CrearDocumentoAsync(Factura(_folio++, 900_000, Hoy, Hoy.AddDays(1), _b));
        var despues = await (await Api.GetAsync("/api/v1/reportes/pronostico/backtest")).JsonAsync();
        static IEnumerable<(string, int, decimal, decimal)> Pronosticos(JsonNode b, DateOnly hasta) => b["semanas"]!.AsArray()
            .Where(s => DateOnly.Parse((string)s!["origen"]!) <= hasta)
            .Select(s => ((string)s!["origen"]!, (int)s["horizonte"]!, (decimal)s["modelo"]!, (decimal)s["ingenuo"]!));
        Assert.That(Pronosticos(despues, Hoy.AddDays(-1)), Is.EqualTo(Pronosticos(antes, Hoy.AddDays(-1))));
        Assert.That(Pronosticos(despues, Hoy.AddDays(-1)).Count(), Is.GreaterThan(300));
    }

    [Test]
    public async Task El_historial_guardado_del_dia_se_recalcula_con_un_pago_con_fecha_pasada_y_con_su_reversa()
    {
        await HistoriaAsync();
        async Task<decimal[]> SemanasDeAAsync() =>
            (await (await Api.GetAsync($"/api/v1/reportes/pronostico?clienteId={_a}")).JsonAsync())["semanas"]!.AsArray().Select(s => (decimal)s!["esperado"]!).ToArray();
        var s24 = Semana(Hoy.AddDays(24));
        var s34 = Semana(Hoy.AddDays(34));

        // A new invoice of A, 70 days past due: beyond A's history (10 days), in week 1 with 0.5^(60/30) of its 50 000.
        var vieja = await CrearDocumentoAsync(Factura(_folio++, 50_000, Hoy.AddDays(-100), Hoy.AddDays(-70), _a));
        var antes = await SemanasDeAAsync();
        Assert.That((antes[0], antes[s24], antes[s34]), Is.EqualTo((12_500m, 100_000m, 0m)));

        // Paid back-dated 20 days after due: the invoice leaves and A's history gains a 20-day receipt, so part of the open
        // invoice moves to the week of its due date + 20 (the history read this morning must not be served again).
        var pago = await PagarAsync(50_000, Hoy.AddDays(-50), [new { documentoId = vieja.Id(), monto = 50_000m }], _a);
        var pagado = await SemanasDeAAsync();
        Assert.That(pagado[0], Is.Zero);
        Assert.That(pagado[s34], Is.GreaterThan(0m).And.LessThan(50_000m));
        Assert.That(pagado[s24] + pagado[s34], Is.EqualTo(100_000m).Within(1));

        // Reversed today: the receipt leaves the history and the invoice is open again, as before the payment.
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{pago["aplicaciones"]![0]!.Id()}/reversar", new { motivo = "Transferencia devuelta" })).JsonAsync();
        Assert.That(await SemanasDeAAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Otra_empresa_no_ve_las_predicciones_y_la_entrada_invalida_da_400_con_el_campo()
    {
        await HistoriaAsync();
        var ajena = await Fixture.CrearEmpresaAsync("Otra");
        var api = await Fixture.ClienteHttpAsync(ajena);
        var p = await PrediccionAsync($"clienteId={_a}", api);
        Assert.That(((int)p["total"]!, p["items"]!.AsArray().Count), Is.EqualTo((0, 0)));
        var pr = await (await api.GetAsync("/api/v1/reportes/pronostico")).JsonAsync();
        Assert.That((decimal)pr["total"]!, Is.EqualTo(0m));
        var bt = await (await api.GetAsync("/api/v1/reportes/pronostico/backtest")).JsonAsync();
        Assert.That(((decimal)bt["maeModelo"]!, (decimal)bt["realMedio"]!), Is.EqualTo((0m, 0m)));

        foreach (var (url, campo) in new[]
                 {
                     ("/api/v1/reportes/prediccion?base=otra", "base"), ("/api/v1/reportes/prediccion?tamanoPagina=0", "tamanoPagina"),
                     ("/api/v1/reportes/pronostico?semanas=0", "semanas"), ("/api/v1/reportes/pronostico?semanas=27", "semanas"),
                     ("/api/v1/reportes/pronostico?segmento=a%00b", "segmento"), ("/api/v1/reportes/pronostico/exportar?formato=doc", "formato"),
                 })
        {
            var r = await Api.GetAsync(url);
            Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), url);
            var errores = (await r.JsonAsync(400))["errors"]!.AsObject();
            Assert.That(errores.Select(e => e.Key), Has.Some.EqualTo(campo).IgnoreCase, url);
        }
    }

    [Test]
    public async Task Los_reportes_se_exportan_en_csv_xlsx_y_pdf()
    {
        await HistoriaAsync();
        var csv = await Api.GetAsync("/api/v1/reportes/prediccion/exportar?formato=csv");
        Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var texto = await csv.Content.ReadAsStringAsync();
        Assert.That(texto, Does.Contain("Fecha prevista").And.Contain("historial del cliente"));
        Assert.That(texto.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1 + 4));
        var xlsx = await Api.GetAsync("/api/v1/reportes/pronostico/exportar?formato=xlsx");
        Assert.That((xlsx.StatusCode, xlsx.Content.Headers.ContentType!.MediaType), Is.EqualTo((HttpStatusCode.OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
        var pdf = await Api.GetAsync("/api/v1/reportes/pronostico/backtest/exportar?formato=pdf");
        Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]), Is.EqualTo("%PDF"));
    }
}

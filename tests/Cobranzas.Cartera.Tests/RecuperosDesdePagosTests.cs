using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// A payment (or its saldo a favor) applied to a written-off document is a recovery of the write-off: the document stays written off,
/// the recovery never exceeds what was written off, and the payment's money adds up (applied + recovered + saldo a favor).
/// </summary>
public sealed class RecuperosDesdePagosTests : PruebaCartera
{
    private async Task<JsonNode> CastigadoAsync(long folio, decimal total, DateOnly fechaCastigo)
    {
        var doc = await CrearDocumentoAsync(Factura(folio, total, Hoy.AddDays(-500), Hoy.AddDays(-450)));
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/castigar", new { fecha = F(fechaCastigo), motivo = "Incobrable" })).JsonAsync();
        return doc;
    }

    private async Task<JsonNode> RecuperosAsync(DateOnly desde, DateOnly hasta) =>
        await (await Api.GetAsync($"/api/v1/castigos/recuperos?desde={F(desde)}&hasta={F(hasta)}")).JsonAsync();

    private async Task<decimal> SaldoAFavorAsync(DateOnly corte) =>
        (await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta?fechaCorte={F(corte)}")).JsonAsync())["saldoAFavor"]!.AsArray()
        .Where(s => (string)s!["moneda"]! == "CLP").Sum(s => (decimal)s!["monto"]!);

    private static void DineroCuadra(JsonNode pago) =>
        Assert.That((decimal)pago["aplicado"]! + pago["recuperos"]!.AsArray().Where(r => (bool)r!["activo"]!).Sum(r => (decimal)r!["monto"]!) + (decimal)pago["saldoAFavor"]!,
            Is.EqualTo((decimal)pago["monto"]!), "aplicado + recuperos + saldo a favor = monto del pago");

    private Task<HttpResponseMessage> PagoManualAsync(decimal monto, DateOnly fecha, params object[] aplicaciones) =>
        Api.PostAsJsonAsync("/api/v1/pagos", new { clienteId = ClienteId, fecha = F(fecha), monto, moneda = "CLP", canal = "transferencia", referencia = "Transferencia 77", aplicacion = "manual", aplicaciones });

    [Test]
    public async Task Un_pago_sobre_un_documento_castigado_es_un_recupero_que_no_reabre_el_documento_y_alimenta_los_informes()
    {
        var castigado = await CastigadoAsync(1, 900_000m, Hoy.AddDays(-70));
        var abierto = await CrearDocumentoAsync(Factura(2, 100_000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        var fecha = Hoy.AddDays(-5);

        var vista = await (await Api.PostAsJsonAsync("/api/v1/pagos/vista-previa", new
        {
            clienteId = ClienteId, fecha = F(fecha), monto = 400_000m, moneda = "CLP", canal = "transferencia", aplicacion = "manual",
            aplicaciones = new object[] { new { documentoId = castigado.Id(), monto = 250_000m }, new { documentoId = abierto.Id(), monto = 100_000m } },
        })).JsonAsync();
        Assert.That(((decimal)vista["aplicado"]!, (decimal)vista["saldoAFavor"]!), Is.EqualTo((100_000m, 50_000m)));
        Assert.That(vista["recuperos"]!.AsArray().Select(r => ((long)r!["folio"]!, (decimal)r["monto"]!)), Is.EqualTo(new[] { (1L, 250_000m) }));

        var pago = await (await PagoManualAsync(400_000m, fecha, new { documentoId = castigado.Id(), monto = 250_000m }, new { documentoId = abierto.Id(), monto = 100_000m }))
            .JsonAsync(201);
        Assert.That(((decimal)pago["aplicado"]!, (decimal)pago["saldoAFavor"]!), Is.EqualTo((100_000m, 50_000m)));
        Assert.That(pago["aplicaciones"]!.AsArray().Select(a => (string)a!["documentoId"]!), Is.EqualTo(new[] { abierto.Id() }), "El castigado no recibe una aplicación.");
        Assert.That(pago["recuperos"]!.AsArray().Select(r => ((string)r!["documentoId"]!, (decimal)r["monto"]!, (string)r["fecha"]!)),
            Is.EqualTo(new[] { (castigado.Id(), 250_000m, F(fecha)) }));
        DineroCuadra(pago);
        DineroCuadra(await (await Api.GetAsync($"/api/v1/pagos/{pago.Id()}")).JsonAsync());
        var listado = (await (await Api.GetAsync($"/api/v1/pagos?clienteId={ClienteId}")).JsonAsync())["items"]![0]!;
        Assert.That(((decimal)listado["aplicado"]!, (decimal)listado["recuperoCastigo"]!, (decimal)listado["saldoAFavor"]!), Is.EqualTo((100_000m, 250_000m, 50_000m)));

        var d = await DocumentoAsync(castigado);
        Assert.That(((decimal)d["saldo"]!, (string)d["estado"]!, (decimal)d["castigo"]!["monto"]!), Is.EqualTo((0m, "castigado", 900_000m)), "El documento sigue castigado.");
        Assert.That((decimal)(await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(Hoy)}")).JsonAsync())["total"]!, Is.EqualTo(0m));

        var recuperos = await RecuperosAsync(Hoy.AddDays(-70), Hoy);
        Assert.That(recuperos["recuperos"]!.AsArray().Select(r => ((string)r!["documentoId"]!, (decimal)r["monto"]!, (string?)r["referencia"])),
            Is.EqualTo(new[] { (castigado.Id(), 250_000m, (string?)"Transferencia 77") }));
        var historica = await (await Api.GetAsync($"/api/v1/reportes/recuperacion?fechaCorte={F(Hoy)}&meses=3")).JsonAsync();
        Assert.That((decimal)historica["recuperoCastigos"]!, Is.EqualTo(250_000m));

        Assert.That(await SaldoAFavorAsync(Hoy), Is.EqualTo(50_000m), "Lo recuperado no queda como saldo a favor del cliente.");
        Assert.That(await SaldoAFavorAsync(fecha.AddDays(-1)), Is.EqualTo(0m));

        // What is left to recover is 650,000: a payment over it, one dated before the write-off, or on an installment changes nothing.
        var filas = await Fixture.ContarFilasAsync();
        Assert.That((await (await PagoManualAsync(650_001m, Hoy, new { documentoId = castigado.Id(), monto = 650_001m })).ProblemaAsync(422)).CamposConError(),
            Is.EqualTo(new[] { "aplicaciones[0].monto" }));
        Assert.That((await (await PagoManualAsync(1_000m, Hoy.AddDays(-71), new { documentoId = castigado.Id(), monto = 1_000m })).ProblemaAsync(422)).CamposConError(),
            Is.EqualTo(new[] { "aplicaciones[0].documentoId" }));
        Assert.That((await (await PagoManualAsync(1_000m, Hoy, new { documentoId = castigado.Id(), cuota = 1, monto = 1_000m })).ProblemaAsync(422)).CamposConError(),
            Is.EqualTo(new[] { "aplicaciones[0].cuota" }));
        Assert.That((await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = castigado.Id(), fecha = F(Hoy), monto = 650_001m })).ProblemaAsync(422))
            .CamposConError(), Is.EqualTo(new[] { "monto" }), "The recoveries from payments count against the write-off.");
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
        await (await PagoManualAsync(650_000m, Hoy, new { documentoId = castigado.Id(), monto = 650_000m })).JsonAsync(201);
        Assert.That((decimal)(await RecuperosAsync(Hoy.AddDays(-70), Hoy))["total"]!, Is.EqualTo(900_000m));
    }

    [Test]
    public async Task El_saldo_a_favor_aplicado_a_un_castigado_es_un_recupero()
    {
        var castigado = await CastigadoAsync(11, 500_000m, Hoy.AddDays(-30));
        var pago = await PagarAsync(300_000m, Hoy.AddDays(-2));
        Assert.That((decimal)pago["saldoAFavor"]!, Is.EqualTo(300_000m), "La aplicación automática no toca documentos castigados.");

        var aplicado = await (await Api.PostAsJsonAsync($"/api/v1/pagos/{pago.Id()}/aplicaciones", new
        {
            aplicacion = "manual", aplicaciones = new[] { new { documentoId = castigado.Id(), monto = 200_000m } },
        })).JsonAsync();
        Assert.That(((decimal)aplicado["aplicado"]!, (decimal)aplicado["saldoAFavor"]!), Is.EqualTo((0m, 100_000m)));
        Assert.That(aplicado["recuperos"]!.AsArray().Select(r => ((decimal)r!["monto"]!, (string)r["fecha"]!)), Is.EqualTo(new[] { (200_000m, F(Hoy)) }));
        DineroCuadra(aplicado);
        Assert.That(await SaldoAFavorAsync(Hoy), Is.EqualTo(100_000m));
        Assert.That(await SaldoAFavorAsync(Hoy.AddDays(-1)), Is.EqualTo(300_000m), "A past cut-off keeps the saldo a favor it had.");
        Assert.That((decimal)(await DocumentoAsync(castigado))["saldo"]!, Is.EqualTo(0m));
    }

    [Test]
    public async Task El_protesto_del_cheque_deshace_el_recupero_y_los_cortes_pasados_no_cambian()
    {
        var castigado = await CastigadoAsync(21, 400_000m, Hoy.AddDays(-30));
        var cheque = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 150_000m, moneda = "CLP", canal = "cheque", referencia = "Cheque 5", aplicacion = "manual", fechaCheque = F(Hoy),
            aplicaciones = new[] { new { documentoId = castigado.Id(), monto = 150_000m } },
        })).JsonAsync(201);
        var dia = Hoy;
        Assert.That((decimal)(await RecuperosAsync(dia, dia))["total"]!, Is.EqualTo(150_000m));
        Fixture.Reloj.Advance(TimeSpan.FromDays(1));
        Api = await Fixture.ClienteHttpAsync(Empresa);

        var protestado = await (await Api.PostAsJsonAsync($"/api/v1/pagos/{cheque.Id()}/protestar", new { motivo = "Falta de fondos", costo = 0m })).JsonAsync();
        Assert.That(protestado["recuperos"]!.AsArray().Select(r => ((bool)r!["activo"]!, (string?)r["fechaReversa"])), Is.EqualTo(new[] { (false, (string?)F(Hoy)) }));
        Assert.That((decimal)(await RecuperosAsync(dia, Hoy))["total"]!, Is.EqualTo(0m), "Al corte de hoy el recupero ya no cuenta.");
        Assert.That((decimal)(await RecuperosAsync(dia, dia))["total"]!, Is.EqualTo(150_000m), "Al corte de ayer sigue contando, como se mostró ayer.");
        var historica = await (await Api.GetAsync($"/api/v1/reportes/recuperacion?fechaCorte={F(Hoy)}&meses=2")).JsonAsync();
        Assert.That((decimal)historica["recuperoCastigos"]!, Is.EqualTo(0m));
        Assert.That((decimal)(await DocumentoAsync(castigado))["castigo"]!["monto"]!, Is.EqualTo(400_000m));

        // The whole write-off can be recovered again.
        await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = castigado.Id(), fecha = F(Hoy), monto = 400_000m })).JsonAsync(201);
    }

    private Task<HttpResponseMessage> ReversarAsync(string recuperoId, object cuerpo, HttpClient? api = null) =>
        (api ?? Api).PostAsJsonAsync($"/api/v1/castigos/recuperos/{recuperoId}/reversar", cuerpo);

    [Test]
    public async Task Reversar_un_recupero_desde_un_pago_devuelve_su_dinero_al_pago_como_saldo_a_favor_y_los_cortes_pasados_no_cambian()
    {
        var castigado = await CastigadoAsync(41, 400_000m, Hoy.AddDays(-30));
        var fechaPago = Hoy.AddDays(-10);
        var fechaReversa = Hoy.AddDays(-4);
        var pago = await (await PagoManualAsync(150_000m, fechaPago, new { documentoId = castigado.Id(), monto = 100_000m })).JsonAsync(201);
        var recuperoId = (string)pago["recuperos"]![0]!["id"]!;
        Assert.That((decimal)pago["saldoAFavor"]!, Is.EqualTo(50_000m));

        // Each refusal names its field and changes nothing.
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Comercial del Sur"));
        var filas = await Fixture.ContarFilasAsync();
        Assert.That((await (await ReversarAsync(recuperoId, new { motivo = "Error", fecha = F(fechaPago.AddDays(-1)) })).ProblemaAsync(422)).CamposConError(),
            Is.EqualTo(new[] { "fecha" }), "antes del recupero");
        Assert.That((await (await ReversarAsync(recuperoId, new { motivo = "Error", fecha = F(Hoy.AddDays(1)) })).ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "fecha" }));
        Assert.That((await (await ReversarAsync(recuperoId, new { motivo = "" })).ProblemaAsync(400)).CamposConError().Single(), Does.EndWith("motivo").IgnoreCase);
        await (await ReversarAsync(recuperoId, new { motivo = "Er\u0000ror" })).ProblemaAsync(400);
        await (await ReversarAsync(Guid.NewGuid().ToString(), new { motivo = "Error" })).ProblemaAsync(404);
        await (await ReversarAsync(recuperoId, new { motivo = "Error" }, otra)).ProblemaAsync(404);
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
        var auditadas = (int)(await (await Api.GetAsync($"/api/v1/auditoria?entidad=RecuperoCastigo&entidadId={recuperoId}")).JsonAsync())["total"]!;

        var reversado = await (await ReversarAsync(recuperoId, new { motivo = "  Era de otra deuda ", fecha = F(fechaReversa) })).JsonAsync();
        Assert.That(((string?)reversado["fechaReversa"], (string?)reversado["motivoReversa"], (decimal)reversado["monto"]!), Is.EqualTo(((string?)F(fechaReversa), (string?)"Era de otra deuda", 100_000m)));
        var auditoria = await (await Api.GetAsync($"/api/v1/auditoria?entidad=RecuperoCastigo&entidadId={recuperoId}")).JsonAsync();
        Assert.That((int)auditoria["total"]!, Is.EqualTo(auditadas + 1), "la reversa queda en la auditoría");
        Assert.That(auditoria["items"]!.AsArray().Select(e => (string?)e!["despues"] ?? ""), Has.Some.Contains("Era de otra deuda"));

        var problema = await (await ReversarAsync(recuperoId, new { motivo = "Otra vez" })).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "id" }));
        Assert.That((string)problema["errors"]!["id"]![0]!, Does.Contain("ya fue reversado"));

        var despues = await (await Api.GetAsync($"/api/v1/pagos/{pago.Id()}")).JsonAsync();
        Assert.That(((decimal)despues["aplicado"]!, (decimal)despues["saldoAFavor"]!), Is.EqualTo((0m, 150_000m)), "el dinero vuelve al pago");
        Assert.That(despues["recuperos"]!.AsArray().Select(r => ((bool)r!["activo"]!, (string?)r["fechaReversa"], (string?)r["motivoReversa"])),
            Is.EqualTo(new[] { (false, (string?)F(fechaReversa), (string?)"Era de otra deuda") }));
        DineroCuadra(despues);
        Assert.That((await SaldoAFavorAsync(Hoy), await SaldoAFavorAsync(fechaReversa), await SaldoAFavorAsync(fechaReversa.AddDays(-1))), Is.EqualTo((150_000m, 150_000m, 50_000m)));

        // Cut-offs before the reversal show the recovery as they did; from its date on it no longer counts.
        Assert.That((decimal)(await RecuperosAsync(Hoy.AddDays(-30), fechaReversa.AddDays(-1)))["total"]!, Is.EqualTo(100_000m));
        Assert.That((await RecuperosAsync(Hoy.AddDays(-30), fechaReversa.AddDays(-1)))["recuperos"]![0]!["fechaReversa"]!.GetValue<string>(), Is.EqualTo(F(fechaReversa)));
        Assert.That((decimal)(await RecuperosAsync(Hoy.AddDays(-30), fechaReversa))["total"]!, Is.EqualTo(0m));
        async Task<decimal> HistoricaAsync(DateOnly corte) =>
            (decimal)(await (await Api.GetAsync($"/api/v1/reportes/recuperacion?fechaCorte={F(corte)}&meses=3")).JsonAsync())["recuperoCastigos"]!;
        Assert.That((await HistoricaAsync(fechaReversa.AddDays(-1)), await HistoricaAsync(Hoy)), Is.EqualTo((100_000m, 0m)));
        Assert.That((decimal)(await DocumentoAsync(castigado))["castigo"]!["monto"]!, Is.EqualTo(400_000m), "el documento sigue castigado por lo mismo");

        // The whole write-off can be recovered again, with the payment's saldo a favor among others.
        var aplicado = await (await Api.PostAsJsonAsync($"/api/v1/pagos/{pago.Id()}/aplicaciones", new
        {
            aplicacion = "manual", aplicaciones = new[] { new { documentoId = castigado.Id(), monto = 150_000m } },
        })).JsonAsync();
        DineroCuadra(aplicado);
        await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = castigado.Id(), fecha = F(Hoy), monto = 250_000m })).JsonAsync(201);
    }

    [Test]
    public async Task Un_recupero_manual_no_se_reversa_como_uno_desde_un_pago()
    {
        var castigado = await CastigadoAsync(42, 80_000m, Hoy.AddDays(-10));
        var manual = await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = castigado.Id(), fecha = F(Hoy), monto = 30_000m })).JsonAsync(201);
        var filas = await Fixture.ContarFilasAsync();
        Assert.That((await (await ReversarAsync(manual.Id(), new { motivo = "Error" })).ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "id" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
    }

    [Test]
    public async Task Un_recupero_se_registra_por_tipo_y_folio_del_documento()
    {
        var castigado = await CastigadoAsync(31, 80_000m, Hoy.AddDays(-10));
        var r = await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { tipo = "33", folio = 31, fecha = F(Hoy), monto = 30_000m })).JsonAsync(201);
        Assert.That(((string)r["documentoId"]!, (long)r["folio"]!), Is.EqualTo((castigado.Id(), 31L)));

        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Comercial del Sur"));
        var filas = await Fixture.ContarFilasAsync();
        await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { tipo = "33", folio = 999, fecha = F(Hoy), monto = 1m })).ProblemaAsync(404);
        Assert.That((await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = castigado.Id(), tipo = "33", folio = 31, fecha = F(Hoy), monto = 1m }))
            .ProblemaAsync(400)).CamposConError().Single(), Does.EndWith("documentoId").IgnoreCase);
        await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { fecha = F(Hoy), monto = 1m })).ProblemaAsync(400);
        await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { tipo = "3\u00003", folio = 31, fecha = F(Hoy), monto = 1m })).ProblemaAsync(400);
        await (await otra.PostAsJsonAsync("/api/v1/castigos/recuperos", new { tipo = "33", folio = 31, fecha = F(Hoy), monto = 1m })).ProblemaAsync(404);
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
    }

    [Test]
    public async Task Un_documento_en_uf_castigado_se_recupera_en_uf_y_los_informes_lo_suman_en_pesos_al_valor_de_su_fecha()
    {
        var doc = await CrearDocumentoAsync(new
        {
            tipo = "33", folio = 51L, clienteId = ClienteId, fechaEmision = F(Hoy.AddDays(-500)), fechaVencimiento = F(Hoy.AddDays(-450)), moneda = "UF",
            neto = 30.5m, exento = 0m, iva = 0m, total = 30.5m,
        });
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/castigar", new { fecha = F(Hoy.AddDays(-60)), motivo = "Incobrable" })).JsonAsync();

        // No UF value up to that date yet: the recovery cannot be put in pesos and nothing is recorded.
        var filas = await Fixture.ContarFilasAsync();
        Assert.That((await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = doc.Id(), fecha = F(Hoy.AddDays(-10)), monto = 10.5m })).ProblemaAsync(422))
            .CamposConError(), Is.EqualTo(new[] { "fecha" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy.AddDays(-12)), valor = 40_000m }, new { fecha = F(Hoy.AddDays(-2)), valor = 40_100m } }))
            .EsperarAsync(System.Net.HttpStatusCode.NoContent);

        var manual = await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = doc.Id(), fecha = F(Hoy.AddDays(-10)), monto = 10.5m })).JsonAsync(201);
        Assert.That(((string)manual["moneda"]!, (decimal)manual["monto"]!, (decimal)manual["montoClp"]!, (decimal)manual["montoCastigo"]!),
            Is.EqualTo(("UF", 10.5m, 420_000m, 30.5m)), "10,5 UF al valor del día 12 anterior (el último hasta la fecha).");
        Assert.That(manual["asiento"]!.AsArray().Sum(l => (decimal)l!["debe"]!), Is.EqualTo(420_000m), "El asiento va en pesos.");

        // A UF payment naming the document is a recovery in UF too, converted at the payment's date.
        var pago = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 20m, moneda = "UF", canal = "transferencia", aplicacion = "manual",
            aplicaciones = new[] { new { documentoId = doc.Id(), monto = 20m } },
        })).JsonAsync(201);
        Assert.That(((decimal)pago["recuperos"]![0]!["monto"]!, (decimal)pago["saldoAFavor"]!), Is.EqualTo((20m, 0m)));
        DineroCuadra(pago);

        var informe = await RecuperosAsync(Hoy.AddDays(-60), Hoy);
        Assert.That(informe["recuperos"]!.AsArray().Select(r => ((decimal)r!["monto"]!, (decimal)r["montoClp"]!)).OrderBy(x => x.Item1),
            Is.EqualTo(new[] { (10.5m, 420_000m), (20m, 802_000m) }));
        Assert.That((decimal)informe["total"]!, Is.EqualTo(1_222_000m), "El total del informe va en pesos.");
        var historica = await (await Api.GetAsync($"/api/v1/reportes/recuperacion?fechaCorte={F(Hoy)}&meses=3")).JsonAsync();
        Assert.That((decimal)historica["recuperoCastigos"]!, Is.EqualTo(1_222_000m));

        // 30.5 UF written off, 30.5 recovered: not one more ten-thousandth, and never more decimals than the UF has.
        filas = await Fixture.ContarFilasAsync();
        Assert.That((await (await Api.PostAsJsonAsync("/api/v1/castigos/recuperos", new { documentoId = doc.Id(), fecha = F(Hoy), monto = 0.0001m })).ProblemaAsync(422))
            .CamposConError(), Is.EqualTo(new[] { "monto" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(filas));
        Assert.That((decimal)(await DocumentoAsync(doc))["saldo"]!, Is.EqualTo(0m));
    }
}

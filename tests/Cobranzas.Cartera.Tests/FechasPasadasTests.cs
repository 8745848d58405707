using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// Money at past dates: every application is checked against the installment's balance at its own date and at every
/// later date, a reversal may be dated, a cheque a fecha waits for its clearing, and a cancelled document owes nothing.
/// Dates are in last year, so every one of them is in the past whatever the day the suite runs.
/// </summary>
public sealed class FechasPasadasTests : PruebaCartera
{
    private static readonly int Anio = Hoy.Year - 1;

    private static DateOnly Dia(int mes, int dia) => new(Anio, mes, dia);

    private static object[] Linea(JsonNode doc, decimal monto) => [new { documentoId = doc.Id(), monto }];

    private async Task<decimal> AntiguedadAsync(DateOnly corte) =>
        (decimal)(await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(corte)}")).JsonAsync())["total"]!;

    private async Task<(decimal Saldo, decimal AFavor)> EstadoCuentaAsync(DateOnly corte)
    {
        var estado = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta?fechaCorte={F(corte)}")).JsonAsync();
        return ((decimal)estado["saldo"]!, estado["saldoAFavor"]!.AsArray().Sum(s => (decimal)s!["monto"]!));
    }

    private async Task<HttpResponseMessage> ReversarAsync(string aplicacionId, DateOnly? fecha) =>
        await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacionId}/reversar", fecha is { } f
            ? new { motivo = "Error de imputación", fecha = F(f) } as object
            : new { motivo = "Error de imputación" });

    private async Task<HttpResponseMessage> PagoAsync(decimal monto, DateOnly fecha, object[]? aplicaciones) =>
        await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(fecha), monto, moneda = "CLP", canal = "transferencia",
            aplicacion = aplicaciones is null ? "automatica" : "manual", aplicaciones,
        });

    /// <summary>The invoice: 100.000 issued 1 March, paid on 1 April by a payment whose application is reversed today.</summary>
    private async Task<(JsonNode Factura, JsonNode Pago)> FacturaPagadaEnAbrilAsync()
    {
        var factura = await CrearDocumentoAsync(Factura(1, 100_000m, Dia(3, 1), Dia(4, 30)));
        var pago = await PagarAsync(100_000m, Dia(4, 1), Linea(factura, 100_000m));
        return (factura, pago);
    }

    [Test]
    public async Task Pago_fechado_antes_de_una_reversa_de_hoy_no_sobreaplica_la_factura_en_ningun_corte()
    {
        var (factura, pago) = await FacturaPagadaEnAbrilAsync();
        await (await ReversarAsync(pago["aplicaciones"]![0]!.Id(), null)).JsonAsync();

        // On 1 May the invoice was paid (the reversal is dated today): nothing of it is free at that date.
        var problema = await (await PagoAsync(100_000m, Dia(5, 1), Linea(factura, 100_000m))).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "aplicaciones[0].monto" }));
        var pagos = await (await Api.GetAsync($"/api/v1/pagos?clienteId={ClienteId}")).JsonAsync();
        Assert.That(pagos["items"]!.AsArray(), Has.Count.EqualTo(1), "el pago rechazado no se guardó");
        var junio = Dia(6, 30);
        Assert.That(await AntiguedadAsync(junio), Is.EqualTo(0m));
        Assert.That(await EstadoCuentaAsync(junio), Is.EqualTo((0m, 0m)), "al 30 de junio la factura estaba pagada por el pago de abril");
        Assert.That(await AntiguedadAsync(Hoy), Is.EqualTo(100_000m));
        Assert.That(await EstadoCuentaAsync(Hoy), Is.EqualTo((100_000m, 100_000m)), "hoy la factura se debe y el pago de abril es saldo a favor");
    }

    [Test]
    public async Task Reversa_fechada_libera_el_saldo_desde_su_fecha_y_el_pago_de_mayo_se_aplica()
    {
        var (factura, pago) = await FacturaPagadaEnAbrilAsync();
        var reversada = await (await ReversarAsync(pago["aplicaciones"]![0]!.Id(), Dia(4, 15))).JsonAsync();
        Assert.That((string?)reversada["fechaReversa"], Is.EqualTo(F(Dia(4, 15))));

        var mayo = await (await PagoAsync(100_000m, Dia(5, 1), Linea(factura, 100_000m))).JsonAsync(201);

        Assert.That((decimal?)mayo["aplicado"], Is.EqualTo(100_000m));
        Assert.That(await AntiguedadAsync(Dia(4, 10)), Is.EqualTo(0m));
        Assert.That(await EstadoCuentaAsync(Dia(4, 10)), Is.EqualTo((0m, 0m)));
        Assert.That(await AntiguedadAsync(Dia(4, 20)), Is.EqualTo(100_000m));
        Assert.That(await EstadoCuentaAsync(Dia(4, 20)), Is.EqualTo((100_000m, 100_000m)));
        foreach (var corte in new[] { Dia(6, 30), Hoy })
        {
            Assert.That(await AntiguedadAsync(corte), Is.EqualTo(0m), $"{corte}");
            Assert.That(await EstadoCuentaAsync(corte), Is.EqualTo((0m, 100_000m)), $"{corte}");
        }
    }

    [Test]
    public async Task Pago_automatico_fechado_toma_solo_lo_libre_desde_su_fecha()
    {
        var (factura, pago) = await FacturaPagadaEnAbrilAsync();
        await (await ReversarAsync(pago["aplicaciones"]![0]!.Id(), null)).JsonAsync();

        var enMayo = await (await PagoAsync(100_000m, Dia(5, 1), null)).JsonAsync(201);
        var vistaPrevia = await (await Api.PostAsJsonAsync("/api/v1/pagos/vista-previa", new
        {
            clienteId = ClienteId, fecha = F(Dia(5, 2)), monto = 100_000m, moneda = "CLP", canal = "transferencia", aplicacion = "automatica",
        })).JsonAsync();
        var deHoy = await (await PagoAsync(100_000m, Hoy, null)).JsonAsync(201);

        Assert.That(((decimal?)enMayo["aplicado"], (decimal?)enMayo["saldoAFavor"]), Is.EqualTo((0m, 100_000m)));
        Assert.That((decimal?)vistaPrevia["aplicado"], Is.EqualTo(0m));
        Assert.That((decimal?)deHoy["aplicado"], Is.EqualTo(100_000m));
        Assert.That(await SaldoAsync(factura), Is.EqualTo(0m));
        Assert.That(await EstadoCuentaAsync(Dia(6, 30)), Is.EqualTo((0m, 100_000m)));
        Assert.That(await EstadoCuentaAsync(Hoy), Is.EqualTo((0m, 200_000m)));
    }

    [Test]
    public async Task Pago_fechado_antes_de_emitirse_el_documento_no_se_le_aplica()
    {
        var factura = await CrearDocumentoAsync(Factura(1, 100_000m, Dia(6, 1), Dia(6, 30)));

        var manual = await (await PagoAsync(100_000m, Dia(5, 1), Linea(factura, 100_000m))).ProblemaAsync(422);
        var automatico = await (await PagoAsync(100_000m, Dia(5, 1), null)).JsonAsync(201);

        Assert.That(manual.CamposConError(), Is.EqualTo(new[] { "aplicaciones[0].documentoId" }));
        Assert.That(((decimal?)automatico["aplicado"], (decimal?)automatico["saldoAFavor"]), Is.EqualTo((0m, 100_000m)));
        Assert.That(await EstadoCuentaAsync(Dia(5, 15)), Is.EqualTo((0m, 100_000m)), "al 15 de mayo el pago existía y la factura no");
        Assert.That(await EstadoCuentaAsync(Dia(6, 15)), Is.EqualTo((100_000m, 100_000m)));
    }

    [Test]
    public async Task Pago_en_lote_fechado_antes_de_una_reversa_de_hoy_no_sobreaplica()
    {
        var (factura, pago) = await FacturaPagadaEnAbrilAsync();
        await (await ReversarAsync(pago["aplicaciones"]![0]!.Id(), null)).JsonAsync();

        var lote = await (await Api.PostAsJsonAsync("/api/v1/pagos/lote", new[]
        {
            new { clienteId = ClienteId, fecha = F(Dia(5, 1)), monto = 100_000m, moneda = "CLP", canal = "transferencia", referencia = "T-1", aplicacion = "automatica" },
        })).JsonAsync();

        Assert.That(((bool?)lote["aplicado"], (decimal?)lote["montoAplicado"]), Is.EqualTo((true, 0m)));
        Assert.That(await SaldoAsync(factura), Is.EqualTo(100_000m));
        Assert.That(await EstadoCuentaAsync(Dia(6, 30)), Is.EqualTo((0m, 100_000m)));
        Assert.That(await AntiguedadAsync(Dia(6, 30)), Is.EqualTo(0m));
    }

    [Test]
    public async Task Lote_con_pagos_de_varias_fechas_aplica_a_cada_uno_lo_libre_desde_su_fecha_como_si_llegaran_de_a_uno()
    {
        var (abril, pago) = await FacturaPagadaEnAbrilAsync();
        await (await ReversarAsync(pago["aplicaciones"]![0]!.Id(), null)).JsonAsync();
        var junio = await CrearDocumentoAsync(Factura(2, 50_000m, Dia(6, 1), Dia(6, 30)));

        // Today the April invoice owes again; on 1 May it was paid and June's did not exist; on 1 July only June's was owed. The
        // batch's earliest date (1 May) used to bound all three payments, and none of them applied anything.
        var lote = await (await Api.PostAsJsonAsync("/api/v1/pagos/lote", new[]
        {
            new { clienteId = ClienteId, fecha = F(Hoy), monto = 30_000m, moneda = "CLP", canal = "transferencia", referencia = "T-1", aplicacion = "automatica" },
            new { clienteId = ClienteId, fecha = F(Dia(5, 1)), monto = 80_000m, moneda = "CLP", canal = "transferencia", referencia = "T-2", aplicacion = "automatica" },
            new { clienteId = ClienteId, fecha = F(Dia(7, 1)), monto = 60_000m, moneda = "CLP", canal = "transferencia", referencia = "T-3", aplicacion = "automatica" },
        })).JsonAsync();

        Assert.That(((bool?)lote["aplicado"], (decimal?)lote["montoAplicado"]), Is.EqualTo((true, 80_000m)));
        Assert.That(await SaldoAsync(abril), Is.EqualTo(70_000m), "el pago de hoy tomó 30.000 de la factura de abril");
        Assert.That(await SaldoAsync(junio), Is.EqualTo(0m), "el de julio pagó la de junio y dejó 10.000 a favor");
        Assert.That(await EstadoCuentaAsync(Dia(6, 30)), Is.EqualTo((50_000m, 80_000m)), "al 30 de junio: la de junio se debía y el pago de mayo quedó a favor");
        Assert.That(await EstadoCuentaAsync(Dia(7, 15)), Is.EqualTo((0m, 90_000m)));
        Assert.That(await AntiguedadAsync(Dia(7, 15)), Is.EqualTo(0m));
        Assert.That(await EstadoCuentaAsync(Hoy), Is.EqualTo((70_000m, 190_000m)), "hoy: el pago de abril, el de mayo y lo que sobró del de julio, a favor");
        Assert.That(await AntiguedadAsync(Hoy), Is.EqualTo(70_000m));
    }

    [Test]
    public async Task Reversa_antes_de_la_aplicacion_o_futura_responde_422_nombrando_fecha_y_no_cambia_nada()
    {
        var (factura, pago) = await FacturaPagadaEnAbrilAsync();
        var aplicacion = pago["aplicaciones"]![0]!.Id();

        var antes = await (await ReversarAsync(aplicacion, Dia(3, 31))).ProblemaAsync(422);
        var futura = await (await ReversarAsync(aplicacion, Hoy.AddDays(1))).ProblemaAsync(422);

        Assert.That(antes.CamposConError(), Is.EqualTo(new[] { "fecha" }));
        Assert.That((string?)antes["errors"]!["fecha"]![0], Does.Contain("01-04-"));
        Assert.That(futura.CamposConError(), Is.EqualTo(new[] { "fecha" }));
        Assert.That(await SaldoAsync(factura), Is.EqualTo(0m));
        var doc = await DocumentoAsync(factura);
        Assert.That((bool?)doc["aplicaciones"]![0]!["activa"], Is.True);
        await (await ReversarAsync(aplicacion, Dia(4, 1))).JsonAsync();
        Assert.That(await SaldoAsync(factura), Is.EqualTo(100_000m));
    }

    [Test]
    public async Task Compensacion_se_reversa_con_fecha_y_los_cortes_intermedios_la_cuentan()
    {
        var inicio = Hoy;
        var factura = await CrearDocumentoAsync(Factura(1, 1000m, inicio.AddDays(-60), inicio.AddDays(-30)));
        var nota = await CrearDocumentoAsync(new { tipo = "61", folio = 90, clienteId = ClienteId, fechaEmision = F(inicio), moneda = "CLP", neto = 600m, exento = 0m, iva = 0m, total = 600m });
        var compensacion = await (await Api.PostAsJsonAsync("/api/v1/compensaciones", new
        {
            notaCreditoId = nota.Id(), aplicacion = "automatica", motivo = "Cruce de cuentas",
        })).JsonAsync(201);
        Fixture.Reloj.Advance(TimeSpan.FromDays(20));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        var url = $"/api/v1/compensaciones/{compensacion.Id()}/reversar";

        var antes = await (await Api.PostAsJsonAsync(url, new { motivo = "Cruce mal acordado", fecha = F(inicio.AddDays(-1)) })).ProblemaAsync(422);
        var futura = await (await Api.PostAsJsonAsync(url, new { motivo = "Cruce mal acordado", fecha = F(Hoy.AddDays(1)) })).ProblemaAsync(422);
        var reversada = await (await Api.PostAsJsonAsync(url, new { motivo = "Cruce mal acordado", fecha = F(inicio.AddDays(5)) })).JsonAsync();

        Assert.That(antes.CamposConError(), Is.EqualTo(new[] { "fecha" }));
        Assert.That(futura.CamposConError(), Is.EqualTo(new[] { "fecha" }));
        Assert.That(((bool?)reversada["vigente"], (string?)reversada["fechaReversa"]), Is.EqualTo((false, F(inicio.AddDays(5)))));
        var doc = await DocumentoAsync(factura);
        Assert.That((string?)doc["aplicaciones"]![0]!["fechaReversa"], Is.EqualTo(F(inicio.AddDays(5))));
        Assert.That(await AntiguedadAsync(inicio.AddDays(2)), Is.EqualTo(400m));
        Assert.That(await EstadoCuentaAsync(inicio.AddDays(2)), Is.EqualTo((400m, 0m)));
        Assert.That(await AntiguedadAsync(inicio.AddDays(6)), Is.EqualTo(1000m));
        Assert.That(await EstadoCuentaAsync(inicio.AddDays(6)), Is.EqualTo((1000m, 600m)));
    }

    [Test]
    public async Task Cheque_a_fecha_recibido_en_el_pasado_queda_en_cartera_hasta_cobrarse_y_se_aplica_al_cobro()
    {
        var factura = await CrearDocumentoAsync(Factura(1, 100_000m, Dia(3, 1), Dia(4, 30)));

        var cheque = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Dia(5, 1)), monto = 100_000m, moneda = "CLP", canal = "cheque", referencia = "Cheque 4411",
            fechaCheque = F(Dia(6, 1)), aplicacion = "automatica",
        })).JsonAsync(201);

        Assert.That(((string?)cheque["cheque"]!["estado"], (decimal?)cheque["aplicado"]), Is.EqualTo(("en_cartera", 0m)));
        Assert.That((string?)cheque["cheque"]!["fechaCobro"], Is.Null);
        foreach (var corte in new[] { Dia(5, 15), Dia(6, 10) })
        {
            Assert.That(await AntiguedadAsync(corte), Is.EqualTo(100_000m), $"{corte}");
            Assert.That(await EstadoCuentaAsync(corte), Is.EqualTo((100_000m, 0m)), $"{corte}");
        }

        var url = $"/api/v1/pagos/{cheque.Id()}";
        var antesDeSuFecha = await (await Api.PostAsJsonAsync($"{url}/depositar", new { cuentaDeposito = "BancoEstado 123", fecha = F(Dia(5, 31)) })).ProblemaAsync(422);
        Assert.That(antesDeSuFecha.CamposConError(), Is.EqualTo(new[] { "fecha" }));
        await (await Api.PostAsJsonAsync($"{url}/depositar", new { cuentaDeposito = "BancoEstado 123", fecha = F(Dia(6, 12)) })).JsonAsync();
        var cobrado = await (await Api.PostAsJsonAsync($"{url}/cobrar", new { fecha = F(Dia(6, 14)) })).JsonAsync();

        Assert.That(((string?)cobrado["cheque"]!["estado"], (decimal?)cobrado["aplicado"]), Is.EqualTo(("cobrado", 100_000m)));
        Assert.That(cobrado["aplicaciones"]!.AsArray().Select(a => (string)a!["fecha"]!), Is.EqualTo(new[] { F(Dia(6, 14)) }));
        Assert.That(await AntiguedadAsync(Dia(6, 13)), Is.EqualTo(100_000m));
        Assert.That(await AntiguedadAsync(Dia(6, 14)), Is.EqualTo(0m));
        Assert.That(await EstadoCuentaAsync(Dia(6, 14)), Is.EqualTo((0m, 0m)));
        Assert.That(await SaldoAsync(factura), Is.EqualTo(0m));
    }

    [Test]
    public async Task Documento_anulado_muestra_saldo_cero_y_su_historia_explica_el_monto()
    {
        var factura = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-20), Hoy.AddDays(10)));
        var pago = await PagarAsync(400m, Hoy.AddDays(-5), Linea(factura, 400m));
        await (await ReversarAsync(pago["aplicaciones"]![0]!.Id(), null)).JsonAsync();

        var anulado = await (await Api.PostAsJsonAsync($"/api/v1/documentos/{factura.Id()}/anular", new { motivo = "Emitida por error" })).JsonAsync();

        var obtenido = await DocumentoAsync(factura);
        var lista = await (await Api.GetAsync($"/api/v1/documentos?clienteId={ClienteId}&estado=anulado")).JsonAsync();
        foreach (var doc in new[] { anulado, obtenido, lista["items"]![0]! })
            Assert.That(((string?)doc["estado"], (decimal?)doc["saldo"], (decimal?)doc["total"]), Is.EqualTo(("anulado", 0m, 1000m)));
        Assert.That(obtenido["cuotas"]!.AsArray().Select(c => (decimal)c!["saldo"]!), Is.EqualTo(new[] { 0m }));
        Assert.That(((string?)obtenido["fechaAnulacion"], (string?)obtenido["motivoAnulacion"]), Is.EqualTo((F(Hoy), "Emitida por error")));
        Assert.That(obtenido["aplicaciones"]!.AsArray().Select(a => ((decimal)a!["monto"]!, (bool)a["activa"]!)), Is.EqualTo(new[] { (400m, false) }));
        Assert.That(await AntiguedadAsync(Hoy), Is.EqualTo(0m));
        Assert.That(await AntiguedadAsync(Hoy.AddDays(-1)), Is.EqualTo(600m), "ayer aún no estaba anulado y el pago de 400 seguía aplicado");
        Assert.That(await EstadoCuentaAsync(Hoy), Is.EqualTo((0m, 400m)));
    }
}

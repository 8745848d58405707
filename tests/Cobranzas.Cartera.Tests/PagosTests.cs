using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

public sealed class PagosTests : PruebaCartera
{
    private JsonNode _a = null!, _b = null!, _c = null!;

    /// <summary>A: 1.000 due 20 days ago; B: 2.000 due 10 days ago; C: two installments of 500, due 15 days ago and in 15 days.</summary>
    private async Task CrearCarteraAsync()
    {
        _a = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-60), Hoy.AddDays(-20)));
        _b = await CrearDocumentoAsync(Factura(2, 2000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        _c = await CrearDocumentoAsync(new
        {
            tipo = "33", folio = 3, clienteId = ClienteId, fechaEmision = F(Hoy.AddDays(-45)), moneda = "CLP", neto = 1000m, exento = 0m, iva = 0m, total = 1000m,
            cuotas = new[] { new { numero = 1, fechaVencimiento = F(Hoy.AddDays(-15)), monto = 500m }, new { numero = 2, fechaVencimiento = F(Hoy.AddDays(15)), monto = 500m } },
        });
    }

    [Test]
    public async Task Pago_automatico_aplica_al_vencimiento_mas_antiguo_cuota_por_cuota()
    {
        await CrearCarteraAsync();

        var pago = await PagarAsync(2200m, Hoy);

        var lineas = pago["aplicaciones"]!.AsArray().Select(a => ((long)a!["folio"]!, (int)a["cuota"]!, (decimal)a["monto"]!));
        Assert.That(lineas, Is.EquivalentTo(new[] { (1L, 1, 1000m), (3L, 1, 500m), (2L, 1, 700m) }));
        Assert.That(((decimal?)pago["aplicado"], (decimal?)pago["saldoAFavor"]), Is.EqualTo((2200m, 0m)));
        Assert.That(await SaldoAsync(_a), Is.EqualTo(0m));
        Assert.That(await SaldoAsync(_b), Is.EqualTo(1300m));
        var c = await DocumentoAsync(_c);
        Assert.That(c["cuotas"]!.AsArray().Select(q => (decimal)q!["saldo"]!), Is.EqualTo(new[] { 0m, 500m }));
        Assert.That((string?)c["estado"], Is.EqualTo("parcial"));
        Assert.That((string?)(await DocumentoAsync(_b))["estado"], Is.EqualTo("vencido"));
    }

    [Test]
    public async Task Pago_mayor_que_la_deuda_deja_el_resto_como_saldo_a_favor()
    {
        await CrearCarteraAsync();

        var pago = await PagarAsync(5000m, Hoy);

        Assert.That(((decimal?)pago["aplicado"], (decimal?)pago["saldoAFavor"]), Is.EqualTo((4000m, 1000m)));
        var conSaldo = await (await Api.GetAsync($"/api/v1/pagos?clienteId={ClienteId}&conSaldoAFavor=true")).JsonAsync();
        Assert.That(conSaldo["items"]!.AsArray().Select(p => p!.Id()), Is.EqualTo(new[] { pago.Id() }));
    }

    [Test]
    public async Task Vista_previa_muestra_la_aplicacion_sin_guardar_nada()
    {
        await CrearCarteraAsync();
        var antes = await Fixture.ContarFilasAsync();

        var vista = await (await Api.PostAsJsonAsync("/api/v1/pagos/vista-previa", new { clienteId = ClienteId, fecha = F(Hoy), monto = 1200m, moneda = "CLP", canal = "efectivo", aplicacion = "automatica" })).JsonAsync();

        Assert.That(vista["aplicaciones"]!.AsArray().Select(a => ((long)a!["folio"]!, (decimal)a["monto"]!)), Is.EqualTo(new[] { (1L, 1000m), (3L, 200m) }));
        Assert.That((decimal?)vista["saldoAFavor"], Is.EqualTo(0m));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
        Assert.That(await SaldoAsync(_a), Is.EqualTo(1000m));
    }

    [Test]
    public async Task Reversar_una_aplicacion_restaura_saldos_y_el_saldo_a_favor_se_aplica_despues()
    {
        await CrearCarteraAsync();
        var pago = await PagarAsync(2200m, Hoy);
        var aplicacionB = pago["aplicaciones"]!.AsArray().Single(a => (long)a!["folio"]! == 2)!;

        var reversa = await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacionB.Id()}/reversar", new { motivo = "Aplicado al documento equivocado" })).JsonAsync();

        Assert.That((bool?)reversa["activa"], Is.False);
        Assert.That(await SaldoAsync(_b), Is.EqualTo(2000m));
        var despues = await (await Api.GetAsync($"/api/v1/pagos/{pago.Id()}")).JsonAsync();
        Assert.That(((decimal?)despues["aplicado"], (decimal?)despues["saldoAFavor"]), Is.EqualTo((1500m, 700m)));
        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacionB.Id()}/reversar", new { motivo = "otra vez" })).ProblemaAsync(422);

        var aplicado = await (await Api.PostAsJsonAsync($"/api/v1/pagos/{pago.Id()}/aplicaciones", new
        {
            aplicacion = "manual", aplicaciones = new object[] { new { documentoId = _c.Id(), cuota = 2, monto = 500m }, new { documentoId = _b.Id(), monto = 200m } },
        })).JsonAsync();

        Assert.That((decimal?)aplicado["saldoAFavor"], Is.EqualTo(0m));
        Assert.That(await SaldoAsync(_c), Is.EqualTo(0m));
        Assert.That(await SaldoAsync(_b), Is.EqualTo(1800m));
    }

    [Test]
    public async Task Aplicacion_manual_mayor_que_el_saldo_del_documento_responde_422_nombrando_la_linea_y_no_guarda_nada()
    {
        await CrearCarteraAsync();
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 3000m, moneda = "CLP", canal = "cheque", aplicacion = "manual",
            aplicaciones = new[] { new { documentoId = _a.Id(), monto = 500m }, new { documentoId = _b.Id(), monto = 2500m } },
        })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "aplicaciones[1].monto" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Aplicaciones_que_superan_el_pago_responden_422_nombrando_aplicaciones()
    {
        await CrearCarteraAsync();

        var problema = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 100m, moneda = "CLP", canal = "cheque", aplicacion = "manual",
            aplicaciones = new[] { new { documentoId = _a.Id(), monto = 500m } },
        })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "aplicaciones" }));
    }

    [Test]
    public async Task Pago_con_canal_desconocido_y_decimales_en_pesos_responde_400()
    {
        var problema = await (await Api.PostAsJsonAsync("/api/v1/pagos", new { clienteId = ClienteId, fecha = F(Hoy), monto = 10.5m, moneda = "CLP", canal = "bitcoin", aplicacion = "automatica" })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EquivalentTo(new[] { "monto", "canal" }));
    }

    [Test]
    public async Task Pago_con_fecha_futura_responde_422_nombrando_fecha()
    {
        var problema = await (await Api.PostAsJsonAsync("/api/v1/pagos", new { clienteId = ClienteId, fecha = F(Hoy.AddDays(1)), monto = 10m, moneda = "CLP", canal = "efectivo", aplicacion = "automatica" })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "fecha" }));
    }
}

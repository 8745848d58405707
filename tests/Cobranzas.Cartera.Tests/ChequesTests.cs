using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

public sealed class ChequesTests : PruebaCartera
{
    private JsonNode _a = null!, _b = null!;

    private async Task CrearCarteraAsync()
    {
        _a = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-60), Hoy.AddDays(-20)));
        _b = await CrearDocumentoAsync(Factura(2, 2000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
    }

    private async Task<JsonNode> ChequeAsync(decimal monto, DateOnly fechaCheque, string referencia = "Cheque 000123 Banco Estado") =>
        await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto, moneda = "CLP", canal = "cheque", referencia, aplicacion = "automatica", fechaCheque = F(fechaCheque),
        })).JsonAsync(201);

    private async Task<JsonNode> AccionAsync(JsonNode pago, string accion, object? cuerpo, int estado = 200) =>
        await (await Api.PostAsJsonAsync($"/api/v1/pagos/{pago.Id()}/{accion}", cuerpo ?? new { })).JsonAsync(estado);

    [Test]
    public async Task Cheque_a_fecha_queda_en_cartera_sin_aplicar_y_al_cobrarse_paga_lo_mas_antiguo()
    {
        await CrearCarteraAsync();

        var cheque = await ChequeAsync(1500m, Hoy.AddDays(10));

        Assert.That(((decimal?)cheque["aplicado"], (decimal?)cheque["saldoAFavor"], (string?)cheque["cheque"]!["estado"]), Is.EqualTo((0m, 0m, "en_cartera")));
        Assert.That(await SaldoAsync(_a), Is.EqualTo(1000m));
        var credito = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/credito")).JsonAsync();
        Assert.That((decimal?)credito["exposicion"], Is.EqualTo(4500m), "saldo abierto + cheque sin cobrar");
        await (await Api.PostAsJsonAsync($"/api/v1/pagos/{cheque.Id()}/depositar", new { cuentaDeposito = "BancoEstado 123", fecha = F(Hoy) })).ProblemaAsync(422);
        await (await Api.PostAsJsonAsync($"/api/v1/pagos/{cheque.Id()}/cobrar", new { })).ProblemaAsync(422);

        Fixture.Reloj.Advance(TimeSpan.FromDays(10));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        var depositado = await AccionAsync(cheque, "depositar", new { cuentaDeposito = "BancoEstado 123" });
        Assert.That(((string?)depositado["cheque"]!["estado"], (string?)depositado["cheque"]!["cuentaDeposito"]), Is.EqualTo(("depositado", "BancoEstado 123")));
        var cobrado = await AccionAsync(cheque, "cobrar", null);

        Assert.That(((decimal?)cobrado["aplicado"], (string?)cobrado["cheque"]!["estado"]), Is.EqualTo((1500m, "cobrado")));
        Assert.That(cobrado["aplicaciones"]!.AsArray().Select(a => ((long)a!["folio"]!, (decimal)a["monto"]!, (string)a["fecha"]!)),
            Is.EqualTo(new[] { (1L, 1000m, F(Hoy)), (2L, 500m, F(Hoy)) }));
        Assert.That(await SaldoAsync(_b), Is.EqualTo(1500m));
    }

    [Test]
    public async Task Protesto_reversa_lo_que_pago_el_cheque_registra_el_costo_y_aparece_en_el_estado_de_cuenta()
    {
        await CrearCarteraAsync();
        var cheque = await ChequeAsync(1500m, Hoy);
        Assert.That((string?)cheque["cheque"]!["estado"], Is.EqualTo("cobrado"), "un cheque al día se aplica al recibirlo");
        var chequeAFecha = await ChequeAsync(700m, Hoy.AddDays(30), "Cheque 000124");
        await AccionAsync(chequeAFecha, "protestar", new { motivo = "x", costo = 0m }, 422);
        var manana = Hoy.AddDays(1);
        Fixture.Reloj.Advance(TimeSpan.FromDays(1));
        Api = await Fixture.ClienteHttpAsync(Empresa);

        var protestado = await AccionAsync(cheque, "protestar", new { motivo = "Falta de fondos", costo = 8500m });

        Assert.That(((decimal?)protestado["aplicado"], (decimal?)protestado["saldoAFavor"]), Is.EqualTo((0m, 0m)));
        Assert.That(((string?)protestado["cheque"]!["estado"], (decimal?)protestado["cheque"]!["costoProtesto"]), Is.EqualTo(("protestado", 8500m)));
        Assert.That(await SaldoAsync(_a), Is.EqualTo(1000m));
        Assert.That(await SaldoAsync(_b), Is.EqualTo(2000m));
        var estado = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta")).JsonAsync();
        var protesto = estado["protestos"]!.AsArray().Single()!;
        Assert.That(((string?)protesto["fechaProtesto"], (string?)protesto["motivo"], (decimal?)protesto["costo"]), Is.EqualTo((F(manana), "Falta de fondos", 8500m)));
        Assert.That(protesto["documentos"]!.AsArray().Select(d => ((long)d!["folio"]!, (decimal)d["monto"]!)), Is.EqualTo(new[] { (1L, 1000m), (2L, 500m) }));
        Assert.That((decimal?)estado["saldo"], Is.EqualTo(3000m));
        Assert.That(estado["saldoAFavor"]!.AsArray(), Is.Empty);
        var ayer = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta?fechaCorte={F(manana.AddDays(-1))}")).JsonAsync();
        Assert.That(((decimal?)ayer["saldo"], ayer["protestos"]!.AsArray().Count), Is.EqualTo((1500m, 0)));
        await AccionAsync(cheque, "protestar", new { motivo = "otra vez", costo = 0m }, 422);
    }

    [Test]
    public async Task Tablero_de_cheques_filtra_por_estado_y_vencimiento()
    {
        await CrearCarteraAsync();
        var pronto = await ChequeAsync(100m, Hoy.AddDays(3), "Cheque 1");
        await ChequeAsync(200m, Hoy.AddDays(40), "Cheque 2");
        await ChequeAsync(300m, Hoy, "Cheque 3");

        var semana = await (await Api.GetAsync($"/api/v1/cheques?estado=en_cartera&venceHasta={F(Hoy.AddDays(7))}")).JsonAsync();
        var enCartera = await (await Api.GetAsync("/api/v1/cheques?estado=en_cartera")).JsonAsync();
        var todos = await (await Api.GetAsync("/api/v1/cheques")).JsonAsync();

        Assert.That(semana["items"]!.AsArray().Select(c => (string)c!["pagoId"]!), Is.EqualTo(new[] { pronto.Id() }));
        Assert.That(enCartera["items"]!.AsArray().Select(c => (decimal)c!["monto"]!), Is.EqualTo(new[] { 100m, 200m }));
        Assert.That((int?)todos["total"], Is.EqualTo(3));
        await (await Api.GetAsync("/api/v1/cheques?estado=perdido")).ProblemaAsync(400);
        var conSaldo = await (await Api.GetAsync($"/api/v1/pagos?clienteId={ClienteId}&conSaldoAFavor=true")).JsonAsync();
        Assert.That(conSaldo["items"]!.AsArray(), Is.Empty, "un cheque en cartera no es saldo a favor");
    }

    [Test]
    public async Task Protesto_que_reabre_deuda_vencida_suspende_el_credito_y_el_cobro_de_otro_cheque_lo_restaura()
    {
        await (await Api.PutAsJsonAsync($"/api/v1/clientes/{ClienteId}/condiciones", new { limiteCredito = 1_000_000m, monedaLimite = "CLP" })).JsonAsync();
        await CrearCarteraAsync();
        var cheque = await ChequeAsync(3000m, Hoy);
        Assert.That((string?)(await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync())["estadoCredito"], Is.EqualTo("vigente"));

        await AccionAsync(cheque, "protestar", new { motivo = "Orden de no pago", costo = 5000m });

        var cliente = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync();
        Assert.That((string?)cliente["estadoCredito"], Is.EqualTo("suspendido"));
        var reemplazo = await ChequeAsync(3000m, Hoy.AddDays(2), "Cheque de reemplazo");
        Fixture.Reloj.Advance(TimeSpan.FromDays(2));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        await AccionAsync(reemplazo, "depositar", new { cuentaDeposito = "BancoEstado 123" });
        Assert.That((string?)(await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync())["estadoCredito"], Is.EqualTo("suspendido"));
        await AccionAsync(reemplazo, "cobrar", null);
        Assert.That((string?)(await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync())["estadoCredito"], Is.EqualTo("vigente"));
    }

    [Test]
    public async Task Protesto_de_un_cheque_que_pago_parte_de_un_documento_ya_castigado_agranda_el_castigo_sin_reabrirlo()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-400), Hoy.AddDays(-370)));
        var cheque = await ChequeAsync(400m, Hoy);
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/castigar", new { fecha = F(Hoy), motivo = "Incobrable" })).JsonAsync();

        var protestado = await AccionAsync(cheque, "protestar", new { motivo = "Cuenta cerrada", costo = 0m });

        var d = await DocumentoAsync(doc);
        Assert.That(((string?)d["estado"], (decimal?)d["saldo"], (decimal?)d["castigo"]!["monto"]), Is.EqualTo(("castigado", 0m, 1000m)));
        Assert.That(((decimal?)protestado["aplicado"], (decimal?)protestado["saldoAFavor"]), Is.EqualTo((0m, 0m)));
        Assert.That((decimal?)(await (await Api.GetAsync("/api/v1/cartera/antiguedad?agrupar=empresa")).JsonAsync())["total"], Is.EqualTo(0m));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Cartera.CargosMora;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

/// <summary>Late charges (issue 16 §4) against figures worked out by hand in the comments.</summary>
public sealed class CargosMoraTests : PruebaCartera
{
    // Ley 19.496 art. 37: 9% up to 10 UF, 6% from 10 to 50 UF, 3% above 50 UF, by parts.
    [TestCase(5, 0.45)] // 5 × 9%
    [TestCase(10, 0.9)] // 10 × 9%
    [TestCase(10.5, 0.93)] // 0.9 + 0.5 × 6%
    [TestCase(50, 3.3)] // 0.9 + 40 × 6%
    [TestCase(60, 3.6)] // 3.3 + 10 × 3%
    [TestCase(0, 0)]
    public void La_escala_de_gastos_del_consumidor_va_por_tramos(decimal deudaUf, decimal gastosUf) =>
        Assert.That(ReglasCargosMora.GastosConsumidorUf(deudaUf), Is.EqualTo(gastosUf));

    private async Task<string> ClienteEmpresaAsync() =>
        (await Api.CrearClienteAsync(new { rut = SharedKernel.Rut.Rut.Desde(76_000_000 + Fixture.Siguiente()).Canonico, razonSocial = "Comercial Andes SpA", segmento = "Retail", cuentaClave = false })).Id();

    private async Task ConfigurarAsync(decimal? maxima, decimal? tasa, decimal? comision = null) =>
        await (await Api.PutAsJsonAsync("/api/v1/cargos-mora/configuracion", new { tasaMaximaAnual = maxima, tasaAnual = tasa, porcentajeComision = comision })).JsonAsync();

    private async Task<JsonNode> CalcularAsync(string clienteId, DateOnly? fecha = null) =>
        await (await Api.GetAsync($"/api/v1/cargos-mora/clientes/{clienteId}" + (fecha is { } f ? $"?fecha={F(f)}" : ""))).JsonAsync();

    [Test]
    public async Task Una_empresa_paga_interes_sobre_el_saldo_de_cada_dia_y_la_comision_de_la_factura_tambien_a_una_fecha_pasada()
    {
        var hoy = Hoy;
        var cliente = await ClienteEmpresaAsync();
        await ConfigurarAsync(36m, 24m, 1m);
        var factura = await CrearDocumentoAsync(Factura(501, 1_000_000m, hoy.AddDays(-90), hoy.AddDays(-60), cliente));
        await PagarAsync(400_000m, hoy.AddDays(-30), clienteId: cliente);

        // Days hoy-59 .. hoy-31 (29) at 1,000,000 and hoy-30 .. hoy (31) at 600,000: 47,600,000 peso-days.
        // Interest 47,600,000 × 24% / 360 = 31,733.33 → 31,733; commission 1% × 600,000 = 6,000.
        var hoyCalculo = await CalcularAsync(cliente);
        Assert.That((string)hoyCalculo["regimen"]!, Is.EqualTo("empresa"));
        var cuota = hoyCalculo["cuotas"]![0]!;
        Assert.That(((string)cuota["documentoId"]!, (int)cuota["diasMora"]!, (decimal)cuota["saldo"]!), Is.EqualTo((factura.Id(), 60, 600_000m)));
        Assert.That(((decimal)hoyCalculo["interes"]!, (decimal)hoyCalculo["comision"]!, (decimal)hoyCalculo["gastosCobranza"]!, (decimal)hoyCalculo["total"]!),
            Is.EqualTo((31_733m, 6_000m, 0m, 37_733m)));
        Assert.That(cuota["pasos"]!.AsArray().Select(p => (string)p!["concepto"]!), Is.EqualTo(new[] { "interes", "comision" }));

        // Before the payment (hoy-40): 20 days at 1,000,000 = 20,000,000 → 13,333.33 → 13,333; commission 10,000.
        var antes = await CalcularAsync(cliente, hoy.AddDays(-40));
        Assert.That(((int)antes["cuotas"]![0]!["diasMora"]!, (decimal)antes["interes"]!, (decimal)antes["comision"]!, (decimal)antes["total"]!),
            Is.EqualTo((20, 13_333m, 10_000m, 23_333m)));

        // Not yet due at its due date: nothing to charge.
        Assert.That((await CalcularAsync(cliente, hoy.AddDays(-60)))["cuotas"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Un_consumidor_paga_gastos_desde_el_dia_21_con_tope_en_uf_y_rebaja_sin_aviso_gratuito()
    {
        var hoy = Hoy;
        var cliente = (await Api.CrearClienteAsync(new { rut = Datos.RutNuevo(), razonSocial = "Juan Soto", segmento = "Retail", cuentaClave = false, consumidor = true })).Id();
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(hoy), valor = 40_000m } })).EsperarAsync(HttpStatusCode.NoContent);
        var tipos = (await (await Api.GetAsync("/api/v1/gestion/tipos-actividad")).JsonAsync()).AsArray().ToDictionary(t => (string)t!["nombre"]!, t => (string)t!["id"]!);
        async Task AvisoAsync(string tipo, DateOnly dia, string resultado) =>
            await (await Api.PostAsJsonAsync("/api/v1/gestion/actividades", new
            {
                clienteId = cliente, tipoActividadId = tipos[tipo], fecha = Mediodia(dia), resultado, notas = "Aviso de deuda", motivoExcepcion = "Prueba de cargos de mora",
            })).JsonAsync(201);

        // A: 400,000 = 10 UF, 21 days, no notice: 0.9 UF - 0.2 = 0.7 UF = 28,000.
        await CrearDocumentoAsync(Factura(601, 400_000m, hoy.AddDays(-40), hoy.AddDays(-21), cliente));
        // B: 2,000,000 = 50 UF, 20 days: no charges yet.
        await CrearDocumentoAsync(Factura(602, 2_000_000m, hoy.AddDays(-40), hoy.AddDays(-20), cliente));
        // C: 2,400,000 = 60 UF, 30 days, an e-mail 5 days after the due date: 3.6 UF = 144,000.
        await CrearDocumentoAsync(Factura(603, 2_400_000m, hoy.AddDays(-60), hoy.AddDays(-30), cliente));
        await AvisoAsync("Correo", hoy.AddDays(-25), "contactado");
        // D: 2,000,000 = 50 UF, 45 days; a call nobody answered on day 3 and a letter on day 16 are no notice in time: 3.3 - 0.2 = 3.1 UF = 124,000.
        await CrearDocumentoAsync(Factura(604, 2_000_000m, hoy.AddDays(-70), hoy.AddDays(-45), cliente));
        await AvisoAsync("Llamada", hoy.AddDays(-42), "no_contesta");
        await AvisoAsync("Carta", hoy.AddDays(-29), "contactado");

        var calculo = await CalcularAsync(cliente);
        Assert.That(((string)calculo["regimen"]!, (decimal?)calculo["tasaAnual"], (decimal)calculo["valorUf"]!), Is.EqualTo(("consumidor", (decimal?)null, 40_000m)));
        var porFolio = calculo["cuotas"]!.AsArray().ToDictionary(c => (long)c!["folio"]!, c => ((int)c!["diasMora"]!, (decimal)c["gastosCobranza"]!, (bool)c["avisoGratuito"]!));
        Assert.That(porFolio, Is.EquivalentTo(new Dictionary<long, (int, decimal, bool)>
        {
            [601] = (21, 28_000m, false), [602] = (20, 0m, false), [603] = (30, 144_000m, true), [604] = (45, 124_000m, false),
        }));
        // Consumers owe no invoice commission, and with no rate configured no interest either.
        Assert.That(((decimal)calculo["comision"]!, (decimal)calculo["interes"]!, (decimal)calculo["total"]!), Is.EqualTo((0m, 0m, 296_000m)));
        Assert.That(calculo["notas"]!.AsArray().Select(n => (string)n!), Has.Some.Contains("no ha configurado la tasa"));
    }

    [Test]
    public async Task Sin_valor_uf_del_dia_un_consumidor_con_gastos_no_se_calcula()
    {
        var cliente = (await Api.CrearClienteAsync(new { rut = Datos.RutNuevo(), razonSocial = "Ana Rojas", segmento = "Retail", cuentaClave = false, consumidor = true })).Id();
        await CrearDocumentoAsync(Factura(701, 100_000m, Hoy.AddDays(-60), Hoy.AddDays(-30), cliente));
        var p = await (await Api.GetAsync($"/api/v1/cargos-mora/clientes/{cliente}")).ProblemaAsync(422);
        Assert.That(Regla(p), Is.EqualTo(("fecha", "falta_valor_uf")));
    }

    [Test]
    public async Task La_solicitud_de_nota_de_debito_congela_el_calculo_y_pedirla_dos_veces_a_la_vez_da_una_sola()
    {
        var hoy = Hoy;
        var cliente = await ClienteEmpresaAsync();
        await ConfigurarAsync(36m, null);
        await CrearDocumentoAsync(Factura(801, 360_000m, hoy.AddDays(-40), hoy.AddDays(-10), cliente));

        // 10 days × 360,000 × 36% / 360 = 3,600; commission 3,600.
        var a = Api.PostAsJsonAsync("/api/v1/cargos-mora/solicitudes", new { clienteId = cliente, notas = "Cobro de intereses" });
        var b = Api.PostAsJsonAsync("/api/v1/cargos-mora/solicitudes", new { clienteId = cliente });
        var respuestas = await Task.WhenAll(a, b);
        Assert.That(respuestas.Select(r => (int)r.StatusCode).Order(), Is.EqualTo(new[] { 200, 201 }));
        var creada = await respuestas.Single(r => r.StatusCode == HttpStatusCode.Created).JsonAsync(201);
        Assert.That((await respuestas.Single(r => r.StatusCode == HttpStatusCode.OK).JsonAsync()).Id(), Is.EqualTo(creada.Id()));
        Assert.That(((decimal)creada["interes"]!, (decimal)creada["comision"]!, (decimal)creada["total"]!, (string)creada["estado"]!), Is.EqualTo((3_600m, 3_600m, 7_200m, "pendiente")));

        // The frozen figure does not move when the debt is paid afterwards.
        await PagarAsync(360_000m, hoy, clienteId: cliente);
        var leida = await (await Api.GetAsync($"/api/v1/cargos-mora/solicitudes/{creada.Id()}")).JsonAsync();
        Assert.That(((decimal)leida["total"]!, (decimal)leida["detalle"]!["cuotas"]![0]!["saldo"]!), Is.EqualTo((7_200m, 360_000m)));

        var emitida = await (await Api.PutAsJsonAsync($"/api/v1/cargos-mora/solicitudes/{creada.Id()}/resolucion", new { estado = "emitida", folioNotaDebito = 9001 })).JsonAsync();
        Assert.That(((string)emitida["estado"]!, (long)emitida["folioNotaDebito"]!), Is.EqualTo(("emitida", 9001L)));
        await (await Api.PutAsJsonAsync($"/api/v1/cargos-mora/solicitudes/{creada.Id()}/resolucion", new { estado = "anulada", notas = "error" })).ProblemaAsync(409);
        var lista = (await (await Api.GetAsync($"/api/v1/cargos-mora/solicitudes?clienteId={cliente}")).JsonAsync()).AsArray();
        Assert.That(lista.Select(s => (string)s!["estado"]!), Is.EqualTo(new[] { "emitida" }));
    }

    [Test]
    public async Task Sin_cargos_no_hay_solicitud_y_la_entrada_invalida_no_cambia_nada()
    {
        var cliente = await ClienteEmpresaAsync();
        await CrearDocumentoAsync(Factura(901, 100_000m, Hoy.AddDays(-5), Hoy.AddDays(10), cliente));
        var sinCargos = await (await Api.PostAsJsonAsync("/api/v1/cargos-mora/solicitudes", new { clienteId = cliente })).ProblemaAsync(422);
        Assert.That(Regla(sinCargos), Is.EqualTo(("clienteId", "sin_cargos")));
        var nulo = await (await Api.PostAsJsonAsync("/api/v1/cargos-mora/solicitudes", new { clienteId = cliente, notas = "a\0b" })).ProblemaAsync(400);
        Assert.That(nulo.CamposConError(), Is.EqualTo(new[] { "notas" }));
        var futura = await (await Api.GetAsync($"/api/v1/cargos-mora/clientes/{cliente}?fecha={F(Hoy.AddDays(1))}")).ProblemaAsync(422);
        Assert.That(Regla(futura), Is.EqualTo(("fecha", "fecha_futura")));
        await (await Api.GetAsync($"/api/v1/cargos-mora/clientes/{Guid.NewGuid()}")).ProblemaAsync(404);

        var sobreMaxima = await (await Api.PutAsJsonAsync("/api/v1/cargos-mora/configuracion", new { tasaMaximaAnual = 30m, tasaAnual = 31m })).ProblemaAsync(400);
        Assert.That(sobreMaxima.CamposConError(), Is.EqualTo(new[] { "tasaAnual" }));
        var comision = await (await Api.PutAsJsonAsync("/api/v1/cargos-mora/configuracion", new { porcentajeComision = 1.5m })).ProblemaAsync(400);
        Assert.That(comision.CamposConError(), Is.EqualTo(new[] { "porcentajeComision" }));
        var configuracion = await (await Api.GetAsync("/api/v1/cargos-mora/configuracion")).JsonAsync();
        Assert.That(((decimal?)configuracion["tasaEfectiva"], (decimal)configuracion["porcentajeComision"]!), Is.EqualTo(((decimal?)null, 1m)));
        Assert.That((await (await Api.GetAsync("/api/v1/cargos-mora/solicitudes")).JsonAsync()).AsArray(), Is.Empty);
    }

    /// <summary>The field and rule code of a business-rule problem (its one error reads "regla: mensaje").</summary>
    private static (string Campo, string Regla) Regla(JsonObject problema)
    {
        var (campo, mensajes) = problema["errors"]!.AsObject().Single();
        return (campo, ((string)mensajes![0]!).Split(':')[0]);
    }

    private static DateTimeOffset Mediodia(DateOnly dia)
    {
        var local = dia.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(local, FechaNegocio.Santiago.GetUtcOffset(local));
    }
}

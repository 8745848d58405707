using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Cartera.Convenios;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using static Cobranzas.Testing.Concurrencia;

namespace Cobranzas.Cartera.Tests;

/// <summary>Convenios under parallel requests: the originals are settled once, the installments issued once, and a payment racing the signature never makes money appear or disappear.</summary>
public sealed class ConcurrenciaConveniosTests : PruebaConcurrenciaCartera
{
    private static object Cuerpo(string clienteId, IEnumerable<JsonNode> documentos, int cuotas, DateOnly primera, string tipo = TiposConvenio.PagoEnCuotas,
        decimal? condonacion = null, decimal? quita = null) =>
        new
        {
            clienteId, tipo, documentoIds = documentos.Select(d => d.Id()).ToArray(), porcentajeCondonacion = condonacion, montoQuita = quita,
            numeroCuotas = cuotas, primeraFecha = F(primera), frecuencia = "mensual",
        };

    private async Task<JsonNode> CrearAsync(object cuerpo) => await (await Api.PostAsJsonAsync("/api/v1/convenios", cuerpo)).JsonAsync(201);

    private async Task SolicitarAprobacionAsync(JsonNode convenio)
    {
        await (await Api.PutAsJsonAsync("/api/v1/valores-uf", new[] { new { fecha = F(Hoy), valor = 40_000m } })).EsperarAsync(HttpStatusCode.NoContent);
        await (await Api.PostAsync($"/api/v1/convenios/{convenio.Id()}/solicitar-aprobacion", null)).JsonAsync();
    }

    private async Task AprobarAsync(JsonNode convenio)
    {
        await SolicitarAprobacionAsync(convenio);
        await (await Api.PostAsJsonAsync($"/api/v1/convenios/{convenio.Id()}/decision", new { aprobar = true, comentario = "Visto bueno" })).JsonAsync();
    }

    private Func<Task<HttpResponseMessage>> Firmar(JsonNode convenio) =>
        () => OtroClienteConMiToken().PostAsJsonAsync($"/api/v1/convenios/{convenio.Id()}/firmar", new { fecha = (string?)null });

    private async Task<JsonNode> ConvenioAsync(JsonNode convenio) => await (await Api.GetAsync($"/api/v1/convenios/{convenio.Id()}")).JsonAsync();

    private async Task<decimal> AgingTotalAsync(DateOnly corte) =>
        (decimal)(await (await Api.GetAsync($"/api/v1/cartera/antiguedad?agrupar=empresa&fechaCorte={F(corte)}")).JsonAsync())["total"]!;

    [Test]
    public async Task Tres_firmas_a_la_vez_de_un_convenio_con_condonacion_y_quita_liquidan_una_vez_y_el_dinero_cuadra()
    {
        await (await Api.PutAsJsonAsync("/api/v1/cargos-mora/configuracion", new { tasaMaximaAnual = 36m, tasaAnual = 24m, porcentajeComision = 0m })).JsonAsync();
        var f1 = await CrearDocumentoAsync(Factura(101, 1_000_000m, Hoy.AddDays(-90), Hoy.AddDays(-60)));
        var f2 = await CrearDocumentoAsync(Factura(102, 500_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        // Interest 50,000, half waived (25,000), haircut 150,000: 1,500,000 + 50,000 - 25,000 - 150,000 = 1,375,000 in 5 × 275,000.
        var c = await CrearAsync(Cuerpo(ClienteId, [f1, f2], 5, Hoy.AddDays(30), TiposConvenio.QuitaCapital, condonacion: 50m, quita: 150_000m));
        Assert.That(((decimal)c["saldoDocumentos"]!, (decimal)c["interesMora"]!, (decimal)c["montoCondonacion"]!, (decimal)c["montoQuita"]!, (decimal)c["montoConvenido"]!),
            Is.EqualTo((1_500_000m, 50_000m, 25_000m, 150_000m, 1_375_000m)));
        await AprobarAsync(c);
        var ayer = await AgingTotalAsync(Hoy.AddDays(-1));

        var respuestas = await ALaVezAsync([Firmar(c), Firmar(c), Firmar(c)]);

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), resumen);
        foreach (var perdedora in respuestas.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            Assert.That((int)perdedora.StatusCode, Is.EqualTo(409), resumen);
            await PerdedoraEnEspanolAsync(perdedora);
        }

        var firmado = await ConvenioAsync(c);
        Assert.That((string)firmado["estado"]!, Is.EqualTo("vigente"));
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.documentos WHERE tipo = 'convenio'"), Is.EqualTo(1L), "las cuotas se emiten una vez");
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.cuotas k JOIN cartera.documentos d ON d.id = k.documento_id WHERE d.tipo = 'convenio'"), Is.EqualTo(5L));
        var cuotas = await (await Api.GetAsync($"/api/v1/documentos/{(string)firmado["documentoId"]!}")).JsonAsync();
        Assert.That(((decimal)cuotas["total"]!, (decimal)cuotas["saldo"]!), Is.EqualTo((1_375_000m, 1_375_000m)));
        foreach (var (doc, saldo) in new[] { (f1, 1_000_000m), (f2, 500_000m) })
        {
            var original = await DocumentoAsync(doc);
            Assert.That(((decimal)original["saldo"]!, original["aplicaciones"]!.AsArray().Count, original["aplicaciones"]!.AsArray().Sum(a => (decimal)a!["monto"]!)),
                Is.EqualTo((0m, 1, saldo)), "el original se liquida una vez");
        }

        Assert.That(await EscalarAsync<decimal>("SELECT sum(monto) FROM cartera.aplicaciones WHERE convenio_id IS NOT NULL"), Is.EqualTo(1_500_000m));
        var hoy = await AgingTotalAsync(Hoy);
        Assert.That((ayer, hoy), Is.EqualTo((1_500_000m, 1_375_000m)));
        Assert.That(ayer + 50_000m, Is.EqualTo(hoy + 25_000m + 150_000m), "Σ antes + interés = Σ después + condonación + quita");
        Assert.That(await AgingTotalAsync(Hoy.AddDays(-1)), Is.EqualTo(1_500_000m), "el corte de ayer no cambió con la firma");
    }

    [Test]
    public async Task Un_pago_al_documento_original_que_compite_con_la_firma_gana_uno_y_el_dinero_no_aparece_ni_desaparece()
    {
        var f = await CrearDocumentoAsync(Factura(701, 800_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var c = await CrearAsync(Cuerpo(ClienteId, [f], 4, Hoy.AddDays(30)));
        await AprobarAsync(c);

        var respuestas = await ALaVezAsync([
            Firmar(c),
            () => OtroClienteConMiToken().PostAsJsonAsync("/api/v1/pagos", new
            {
                clienteId = ClienteId, fecha = F(Hoy), monto = 100_000m, moneda = "CLP", canal = "transferencia", referencia = "TRF-1",
                aplicacion = "manual", aplicaciones = new[] { new { documentoId = f.Id(), monto = 100_000m } },
            }),
        ]);

        var resumen = await ResumenAsync(respuestas);
        var firmo = respuestas[0].StatusCode == HttpStatusCode.OK;
        var pago = respuestas[1].StatusCode == HttpStatusCode.Created;
        Assert.That(firmo ^ pago, Is.True, "gana uno de los dos: " + resumen);
        await PerdedoraEnEspanolAsync(firmo ? respuestas[1] : respuestas[0]);
        var pagado = await EscalarAsync<decimal>("SELECT COALESCE(sum(monto), 0) FROM cartera.pagos");
        var aplicadoPorPagos = await EscalarAsync<decimal>("SELECT COALESCE(sum(monto), 0) FROM cartera.aplicaciones WHERE pago_id IS NOT NULL AND fecha_reversa IS NULL");
        var aplicadoPorConvenio = await EscalarAsync<decimal>("SELECT COALESCE(sum(monto), 0) FROM cartera.aplicaciones WHERE convenio_id IS NOT NULL");
        if (firmo)
        {
            Assert.That((pagado, aplicadoPorPagos, aplicadoPorConvenio), Is.EqualTo((0m, 0m, 800_000m)), resumen);
            Assert.That((string)(await ConvenioAsync(c))["estado"]!, Is.EqualTo("vigente"));
            Assert.That(await SaldoAsync(f), Is.EqualTo(0m));
        }
        else
        {
            Assert.That((pagado, aplicadoPorPagos, aplicadoPorConvenio), Is.EqualTo((100_000m, 100_000m, 0m)), resumen);
            Assert.That((string)(await ConvenioAsync(c))["estado"]!, Is.EqualTo("aprobado"));
            Assert.That(await SaldoAsync(f), Is.EqualTo(700_000m));
            Assert.That(await EscalarAsync<long>("SELECT count(*) FROM cartera.documentos WHERE tipo = 'convenio'"), Is.EqualTo(0L));
        }

        Assert.That(await AgingTotalAsync(Hoy), Is.EqualTo(firmo ? 800_000m : 700_000m), "Σ = 800,000 - lo pagado, por cualquiera de los dos caminos");
        Assert.That(await AgingTotalAsync(Hoy.AddDays(-1)), Is.EqualTo(800_000m), "el corte de ayer no cambió");
    }

    [Test]
    public async Task Dos_aprobadores_a_la_vez_aprueban_el_convenio_una_vez()
    {
        var f = await CrearDocumentoAsync(Factura(801, 800_000m, Hoy.AddDays(-60), Hoy.AddDays(-30)));
        var c = await CrearAsync(Cuerpo(ClienteId, [f], 4, Hoy.AddDays(30)));
        await SolicitarAprobacionAsync(c);
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);

        var respuestas = await ALaVezAsync([
            () => OtroClienteConMiToken().PostAsJsonAsync($"/api/v1/convenios/{c.Id()}/decision", new { aprobar = true, comentario = "Visto bueno" }),
            () => supervisor.PostAsJsonAsync($"/api/v1/convenios/{c.Id()}/decision", new { aprobar = false, comentario = "Falta el aval" }),
        ]);

        var resumen = await ResumenAsync(respuestas);
        Assert.That(respuestas.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), resumen);
        await PerdedoraEnEspanolAsync(respuestas.Single(r => r.StatusCode != HttpStatusCode.OK));
        var aprobo = respuestas[0].StatusCode == HttpStatusCode.OK;
        var convenio = await ConvenioAsync(c);
        Assert.That((string)convenio["estado"]!, Is.EqualTo(aprobo ? "aprobado" : "borrador"), resumen + "\n" + convenio.ToJsonString());
        Assert.That(await EscalarAsync<string>("SELECT estado FROM clientes.aprobaciones"), Is.EqualTo(aprobo ? "aprobada" : "rechazada"), resumen);
        Assert.That(await EscalarAsync<long>("SELECT count(*) FROM clientes.decisiones_aprobacion"), Is.EqualTo(1L), resumen);
        Assert.That(await SaldoAsync(f), Is.EqualTo(800_000m), "aprobar no toca los documentos");
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cobranzas.Testing;
using Cobranzas.Testing.OpenApi;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// What the batch endpoints document: up to 100 000 rows of ordinary size, and more rows (or a larger body) refused whole.
/// Body size limits are the server's, so those cases go through a real Kestrel host (the in-memory test server has none).
/// </summary>
public sealed class LimitesLoteTests : PruebaCartera
{
    private const int FilasMaximas = 100_000;
    private static ApiFactory? _kestrel;

    [OneTimeTearDown]
    public async Task DetenerKestrelAsync()
    {
        if (_kestrel is not null)
            await _kestrel.DisposeAsync();
    }

    /// <summary>
    /// The in-memory host's administrator with time for a whole batch: the 100 001st row is only read after the 100 000 before it were
    /// staged and merged (then rolled back), which under a loaded full run took longer than HttpClient's 100 s default (one run: 3 min 21 s).
    /// </summary>
    private async Task<HttpClient> ClienteSinApuroAsync()
    {
        var cliente = await Fixture.ClienteHttpAsync(Empresa);
        cliente.Timeout = TimeSpan.FromMinutes(8);
        return cliente;
    }

    /// <summary>A second host on the same database, listening on a loopback port, logged in as the company's administrator.</summary>
    private async Task<HttpClient> KestrelAsync()
    {
        if (_kestrel is null)
        {
            _kestrel = new ApiFactory(Fixture.Conexion, Fixture.Correo.PuertoSmtp, Fixture.Reloj);
            _kestrel.UseKestrel(0);
            _kestrel.StartServer();
        }

        var cliente = _kestrel.CreateClient();
        cliente.Timeout = TimeSpan.FromMinutes(5);
        var sesion = await (await cliente.PostAsJsonAsync("/api/v1/auth/login", new { email = Empresa.EmailAdmin, password = Empresa.Password, empresaId = Empresa.Id })).JsonAsync();
        cliente.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)sesion["token"]!);
        return cliente;
    }

    private static ByteArrayContent Json(byte[] cuerpo)
    {
        var contenido = new ByteArrayContent(cuerpo);
        contenido.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return contenido;
    }

    /// <summary>An ordinary ERP row: RUT and client id, installments, external id and a line of notes (about 330 bytes).</summary>
    private object DocumentoRealista(int i, string rut) => new
    {
        tipo = "33", folio = (long)i, rut, clienteId = ClienteId, fechaEmision = F(Hoy.AddDays(-(i % 90))), fechaVencimiento = F(Hoy.AddDays(30 - i % 90)),
        moneda = "CLP", neto = 84_034m + i, exento = 0m, iva = 15_966m, total = 100_000m + i, origen = "erp",
        externalId = $"SAP-FAC-2026-{i:D8}", notas = $"Factura de venta {i} sucursal Santiago Centro, orden de compra OC-{i:D7}",
        cuotas = (object?)null,
    };

    [Test]
    public async Task Lote_de_100_000_documentos_realistas_se_acepta_entero()
    {
        var rut = (string)(await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync())["rut"]!;
        var cuerpo = JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(1, FilasMaximas).Select(i => DocumentoRealista(i, rut)));
        TestContext.Out.WriteLine($"{FilasMaximas} documentos: {cuerpo.Length / 1_000_000.0:0.0} MB");
        Assert.That(cuerpo.Length, Is.GreaterThan(30_000_000), "filas de tamaño real: más de los 30 MB que Kestrel admite por omisión");
        var api = await KestrelAsync();

        var respuesta = await api.PostAsync("/api/v1/documentos/lote", Json(cuerpo));

        var resultado = await respuesta.JsonAsync();
        Assert.That(((bool?)resultado["aplicado"], (int?)resultado["creados"]), Is.EqualTo((true, FilasMaximas)));
    }

    [Test]
    public async Task Cuerpo_de_lote_sobre_el_limite_responde_413_en_espanol_sin_guardar()
    {
        var api = await KestrelAsync();
        // As a well-behaved ERP sends a large body: the server refuses it on its headers, before any of it is sent.
        api.DefaultRequestHeaders.ExpectContinue = true;
        var antes = await Fixture.ContarFilasAsync();
        var cuerpo = new byte[65 * 1024 * 1024];
        Array.Fill(cuerpo, (byte)' ');
        cuerpo[0] = (byte)'[';
        cuerpo[^1] = (byte)']';

        foreach (var ruta in new[] { "/api/v1/documentos/lote", "/api/v1/pagos/lote" })
        {
            var problema = await (await api.PostAsync(ruta, Json(cuerpo))).ProblemaAsync(413);
            Assert.That((string?)problema["detail"], Does.Contain("64 MB"), problema.ToJsonString());
        }

        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Lote_de_mas_de_100_000_documentos_se_rechaza_entero(bool parcial)
    {
        var filas = Enumerable.Range(1, FilasMaximas + 1).Select(i => new
        {
            tipo = "33", folio = (long)i, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy), moneda = "CLP", neto = 1m, exento = 0m, iva = 0m, total = 1m,
        });
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await (await ClienteSinApuroAsync()).PostAsync($"/api/v1/documentos/lote?parcial={parcial}", Json(JsonSerializer.SerializeToUtf8Bytes(filas))))
            .ProblemaAsync(413);

        Assert.That((string?)problema["detail"], Does.Contain("100.000"), problema.ToJsonString());
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "lote" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Lote_de_mas_de_100_000_pagos_se_rechaza_entero_aun_parcial()
    {
        var filas = Enumerable.Range(1, FilasMaximas + 1).Select(i => new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 1m, moneda = "CLP", canal = "transferencia", aplicacion = "automatica",
        });
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await (await ClienteSinApuroAsync()).PostAsync("/api/v1/pagos/lote?parcial=true", Json(JsonSerializer.SerializeToUtf8Bytes(filas))))
            .ProblemaAsync(413);

        Assert.That((string?)problema["detail"], Does.Contain("100.000"), problema.ToJsonString());
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    /// <summary>
    /// Reads the committed document, which Cobranzas.Api.Tests (DocumentoOpenApiTests) proves is the one the host serves: building it
    /// in this host took 10-13 s of CPU for this one assertion.
    /// </summary>
    [Test]
    public void Los_limites_del_lote_estan_en_el_documento_openapi()
    {
        var documento = DocumentoOpenApi.DelRepositorio.Json;
        foreach (var ruta in new[] { "/api/v1/documentos/lote", "/api/v1/pagos/lote" })
        {
            var operacion = documento["paths"]![ruta]!["post"]!;
            Assert.That((string?)operacion["description"], Does.Contain("100.000 filas").And.Contain("64 MB"), ruta);
            Assert.That(operacion["responses"]!.AsObject().Select(r => r.Key), Does.Contain("413").And.Contain("422"), ruta);
        }
    }
}

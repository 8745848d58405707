using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cobranzas.Testing;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Cobranzas.Cartera.Tests;

/// <summary>The account statement as a PDF (HTML printed by the system Chromium) and as an XLSX workbook.</summary>
public sealed class EstadoCuentaArchivosTests : PruebaCartera
{
    private DateOnly _corte;
    private string _rut = null!;

    [SetUp]
    public async Task SembrarAsync()
    {
        _corte = Hoy;
        _rut = (string)(await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync())["rut"]!;
        await CrearDocumentoAsync(Factura(1001, 100_000m, _corte.AddDays(-70), _corte.AddDays(-40)));
        await CrearDocumentoAsync(Factura(1002, 250_000m, _corte.AddDays(-10), _corte.AddDays(20)));
        await PagarAsync(30_000m, _corte.AddDays(-5));
    }

    [Test]
    public async Task El_pdf_es_un_documento_pdf_con_el_rut_del_cliente()
    {
        var respuesta = await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta.pdf?fechaCorte={F(_corte)}");
        Assert.That(respuesta.StatusCode, Is.EqualTo(HttpStatusCode.OK), await respuesta.Content.ReadAsStringAsync());
        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(respuesta.Content.Headers.ContentDisposition?.FileNameStar ?? respuesta.Content.Headers.ContentDisposition?.FileName, Does.EndWith(".pdf"));

        var pdf = await respuesta.Content.ReadAsByteArrayAsync();
        Assert.That(Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(pdf, Has.Length.GreaterThan(5_000));
        // Chromium compresses the page text; the document title (HTML <title>) is kept as plain text in the PDF's info dictionary.
        Assert.That(Encoding.Latin1.GetString(pdf), Does.Contain(_rut), "el título del PDF lleva el RUT del cliente");
    }

    [Test]
    public async Task El_xlsx_tiene_resumen_documentos_y_pagos()
    {
        var estado = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta?fechaCorte={F(_corte)}")).JsonAsync();
        var respuesta = await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta.xlsx?fechaCorte={F(_corte)}");
        Assert.That(respuesta.StatusCode, Is.EqualTo(HttpStatusCode.OK), await respuesta.Content.ReadAsStringAsync());
        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

        using var xlsx = new MemoryStream(await respuesta.Content.ReadAsByteArrayAsync());
        Assert.That(MiniExcel.GetSheetNames(xlsx), Is.EqualTo(new[] { "Resumen", "Documentos", "Pagos" }));

        var resumen = xlsx.Query(useHeaderRow: true, sheetName: "Resumen").Cast<IDictionary<string, object?>>()
            .ToDictionary(f => (string)f["Concepto"]!, f => f["Valor"]);
        Assert.That(resumen["RUT cliente"], Is.EqualTo(_rut));
        Assert.That(resumen["Empresa"], Is.EqualTo(Empresa.RazonSocial));
        Assert.That(Convert.ToDecimal(resumen["Saldo"]), Is.EqualTo((decimal)estado["saldo"]!).And.EqualTo(320_000m));
        Assert.That(Convert.ToDecimal(resumen["Saldo vencido"]), Is.EqualTo((decimal)estado["saldoVencido"]!).And.EqualTo(70_000m));

        var documentos = xlsx.Query(useHeaderRow: true, sheetName: "Documentos").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(documentos.Select(d => Convert.ToInt64(d["Folio"])), Is.EquivalentTo(new[] { 1001L, 1002L }));
        var vencido = documentos.Single(d => Convert.ToInt64(d["Folio"]) == 1001);
        Assert.That(Convert.ToDecimal(vencido["Saldo"]), Is.EqualTo(70_000m));
        Assert.That(Convert.ToInt32(vencido["DiasVencido"]), Is.EqualTo(40));

        var pagos = xlsx.Query(useHeaderRow: true, sheetName: "Pagos").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(pagos, Has.Count.EqualTo(1));
        Assert.That(Convert.ToDecimal(pagos[0]["Monto"]), Is.EqualTo(30_000m));
    }

    [Test]
    public async Task Cliente_inexistente_da_404_y_formato_mal_dado_400()
    {
        await (await Api.GetAsync($"/api/v1/clientes/{Guid.NewGuid()}/estado-cuenta.pdf")).ProblemaAsync(404);
        await (await Api.GetAsync($"/api/v1/clientes/{Guid.NewGuid()}/estado-cuenta.xlsx")).ProblemaAsync(404);
        await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta.xlsx?desde={F(_corte)}&hasta={F(_corte.AddDays(-1))}")).ProblemaAsync(400);
    }

    [Test]
    public async Task El_pdf_muestra_las_mismas_cifras_que_el_estado_json_documento_por_documento_y_los_protestos()
    {
        var cheque = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 15_000m, moneda = "CLP", canal = "cheque", referencia = "Cheque 000777 Banco Estado", aplicacion = "automatica", fechaCheque = F(Hoy),
        })).JsonAsync(201);
        Fixture.Reloj.Advance(TimeSpan.FromDays(1));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        await (await Api.PostAsJsonAsync($"/api/v1/pagos/{cheque.Id()}/protestar", new { motivo = "Falta de fondos", costo = 8_500m })).JsonAsync();
        var corte = Hoy;
        var estado = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta?fechaCorte={F(corte)}")).JsonAsync();
        Assert.That(estado["protestos"]!.AsArray(), Has.Count.EqualTo(1), "la preparación deja un protesto");

        var respuesta = await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta.pdf?fechaCorte={F(corte)}");
        Assert.That(respuesta.StatusCode, Is.EqualTo(HttpStatusCode.OK), await respuesta.Content.ReadAsStringAsync());
        var texto = TextoPdf(await respuesta.Content.ReadAsByteArrayAsync());

        Assert.That(texto, Does.Contain(Junto("Saldo", Pesos(estado["saldo"]))));
        Assert.That(texto, Does.Contain(Junto("Saldo vencido", Pesos(estado["saldoVencido"]))));
        foreach (var tramo in estado["antiguedad"]!.AsArray())
            Assert.That(texto, Does.Contain(Junto(Pesos(tramo!["monto"]))));
        var documentos = estado["documentos"]!.AsArray();
        Assert.That(documentos, Has.Count.EqualTo(2));
        foreach (var d in documentos)
        {
            var dias = (int)d!["diasVencido"]! > 0 ? ((int)d["diasVencido"]!).ToString(CultureInfo.InvariantCulture) : "";
            Assert.That(texto, Does.Contain(Junto("Factura electrónica", d["folio"]!.ToString(), Fecha(d["fechaEmision"]), Fecha(d["fechaVencimiento"]), Pesos(d["total"]), Pesos(d["saldo"]), dias)),
                $"la línea del folio {d["folio"]}");
        }

        var protesto = estado["protestos"]!.AsArray().Single()!;
        var folios = string.Join(", ", protesto["documentos"]!.AsArray().Select(x => $"{x!["tipo"]}-{x["folio"]}"));
        Assert.That(texto, Does.Contain(Junto("Cheques protestados")));
        Assert.That(texto, Does.Contain(Junto(Fecha(protesto["fechaProtesto"]), "Cheque 000777 Banco Estado", Fecha(protesto["fechaCheque"]), Pesos(protesto["monto"]), "Falta de fondos",
            Pesos(protesto["costo"]), folios)), "la fila del protesto");
        Assert.That((decimal)protesto["costo"]!, Is.EqualTo(8_500m));
    }

    [Test]
    public async Task El_pdf_lleva_la_direccion_y_el_contacto_de_cobranza_del_cliente()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Ferretería Los Aromos Ltda", direccion: "Av. Apoquindo 1234", comuna: "Las Condes", region: "Metropolitana"));
        await Api.CrearContactoAsync(cliente.Id(), Datos.Contacto("Pedro Comercial", "pedro@aromos.test", rol: "comercial"));
        await Api.CrearContactoAsync(cliente.Id(), Datos.Contacto("Ana Tesorería", "ana@aromos.test", "+56 9 8765 4321", rol: "cobranza"));
        await CrearDocumentoAsync(Factura(3001, 15_863_890m, _corte.AddDays(-10), _corte.AddDays(20), cliente.Id()));

        var respuesta = await Api.GetAsync($"/api/v1/clientes/{cliente.Id()}/estado-cuenta.pdf?fechaCorte={F(_corte)}");
        Assert.That(respuesta.StatusCode, Is.EqualTo(HttpStatusCode.OK), await respuesta.Content.ReadAsStringAsync());
        var texto = TextoPdf(await respuesta.Content.ReadAsByteArrayAsync());

        Assert.That(texto, Does.Contain(Junto("Dirección", "Av. Apoquindo 1234, Las Condes, Metropolitana")));
        Assert.That(texto, Does.Contain(Junto("Contacto", "Ana Tesorería · ana@aromos.test · +56 9 8765 4321")));
        Assert.That(texto, Does.Contain(Junto("Saldo", "$15.863.890")));
    }

    [Test]
    public void El_estado_impreso_lleva_las_cuentas_de_deposito_el_logo_y_los_montos_como_la_pantalla()
    {
        var estado = new Cartera.EstadoCuenta.EstadoCuentaDto(
            new Cartera.Documentos.ClienteRefDto(Guid.NewGuid(), "76086428-5", "Comercial Andes SpA"), Hoy, Hoy.AddDays(-30), Hoy, "CLP", 15_863_890m, 1_000m,
            [new Cartera.EstadoCuenta.SaldoMonedaDto("UF", 5_000m)], [], [], [], []);
        var pago = new Notificaciones.Contracts.DatosPagoEmpresa(
            [new Notificaciones.Contracts.CuentaDepositoInfo("Banco Estado", "corriente", "123456789", "Cobranzas <Demo> SpA", "76086428-5", "pagos@empresa.test")],
            [0x89, 0x50, 0x4E, 0x47], "image/png");

        var html = Cartera.EstadoCuenta.EstadoCuentaHtml.Generar(estado, new SharedKernel.Contratos.DatosEmpresa(Guid.NewGuid(), "76086428-5", "Cobranzas Demo SpA"), null, pago);

        Assert.That(html, Does.Contain(">$15.863.890<").And.Not.Contain("$ 15.863.890"));
        Assert.That(html, Does.Contain("5.000 UF"));
        Assert.That(html, Does.Contain("Cuentas para depositar").And.Contain("Banco Estado").And.Contain("Cuenta corriente").And.Contain("76.086.428-5"));
        Assert.That(html, Does.Contain("Cobranzas &lt;Demo&gt; SpA"), "los datos de la cuenta van escapados");
        Assert.That(html, Does.Contain("src=\"data:image/png;base64,iVBORw==\""));
    }

    [Test]
    public async Task El_xlsx_es_ooxml_valido_con_sheetData_solo_de_filas_y_el_aplicado_en_pesos()
    {
        var respuesta = await Api.GetAsync($"/api/v1/clientes/{ClienteId}/estado-cuenta.xlsx?fechaCorte={F(_corte)}");
        Assert.That(respuesta.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var bytes = await respuesta.Content.ReadAsByteArrayAsync();

        Assert.That(LibroXlsx.ErroresDeHojas(bytes), Is.Empty);

        using var xlsx = new MemoryStream(bytes);
        var pago = xlsx.Query(useHeaderRow: true, sheetName: "Pagos").Cast<IDictionary<string, object?>>().Single();
        Assert.That(pago["AplicadoA"], Is.EqualTo("33-1001: $30.000"));
    }

    [Test]
    public async Task El_xlsx_neutraliza_formulas_en_la_razon_social_y_la_referencia()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "=HYPERLINK(\"http://x.test\";\"ver\")"));
        await CrearDocumentoAsync(Factura(2001, 50_000m, _corte.AddDays(-10), _corte.AddDays(20), cliente.Id()));
        await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = cliente.Id(), fecha = F(_corte), monto = 1_000m, moneda = "CLP", canal = "transferencia", referencia = "+SUM(1;2)", aplicacion = "automatica",
        })).JsonAsync(201);

        var respuesta = await Api.GetAsync($"/api/v1/clientes/{cliente.Id()}/estado-cuenta.xlsx?fechaCorte={F(_corte)}");
        Assert.That(respuesta.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var xlsx = new MemoryStream(await respuesta.Content.ReadAsByteArrayAsync());

        var resumen = xlsx.Query(useHeaderRow: true, sheetName: "Resumen").Cast<IDictionary<string, object?>>().ToDictionary(f => (string)f["Concepto"]!, f => f["Valor"]);
        Assert.That(resumen["Razón social"], Is.EqualTo("'=HYPERLINK(\"http://x.test\";\"ver\")"));
        var pago = xlsx.Query(useHeaderRow: true, sheetName: "Pagos").Cast<IDictionary<string, object?>>().Single();
        Assert.That(pago["Referencia"], Is.EqualTo("'+SUM(1;2)"));
    }

    private static readonly CultureInfo Chile = CultureInfo.GetCultureInfo("es-CL");

    private static string Pesos(JsonNode? monto) => "$" + ((decimal)monto!).ToString("N0", Chile);

    private static string Fecha(JsonNode? fecha) => DateOnly.ParseExact((string)fecha!, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>The cells of a row as the page draws them one after the other, whitespace aside (Chromium places each glyph run on its own).</summary>
    private static string Junto(params string[] celdas) => Regex.Replace(string.Concat(celdas), @"\s+", "");

    private static string TextoPdf(byte[] pdf)
    {
        using var documento = PdfDocument.Open(pdf);
        return Regex.Replace(string.Concat(documento.GetPages().Select(p => p.Text)), @"\s+", "");
    }
}

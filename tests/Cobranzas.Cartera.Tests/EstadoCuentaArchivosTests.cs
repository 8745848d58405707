using System.Net;
using System.Text;
using Cobranzas.Testing;
using MiniExcelLibs;

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
}

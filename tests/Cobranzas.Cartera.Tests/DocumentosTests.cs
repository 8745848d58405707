using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

public sealed class DocumentosTests : PruebaCartera
{
    [Test]
    public async Task Factura_en_cuotas_guarda_cuotas_y_vence_con_la_ultima()
    {
        var doc = await CrearDocumentoAsync(new
        {
            tipo = "33", folio = 1001, clienteId = ClienteId, fechaEmision = F(Hoy), moneda = "CLP", neto = 1000m, exento = 190m, iva = 190m, total = 1380m,
            cuotas = new[] { new { numero = 1, fechaVencimiento = F(Hoy.AddDays(30)), monto = 690m }, new { numero = 2, fechaVencimiento = F(Hoy.AddDays(60)), monto = 690m } },
            externalId = "ERP-1001", notas = "Venta a plazo",
        });

        Assert.That((string?)doc["estado"], Is.EqualTo("por_vencer"));
        Assert.That((string?)doc["fechaVencimiento"], Is.EqualTo(F(Hoy.AddDays(60))));
        Assert.That(doc["cuotas"]!.AsArray().Select(c => ((int)c!["numero"]!, (decimal)c["saldo"]!)), Is.EqualTo(new[] { (1, 690m), (2, 690m) }));
        Assert.That((decimal?)doc["saldo"], Is.EqualTo(1380m));
        Assert.That((string?)doc["cliente"]!["id"], Is.EqualTo(ClienteId));
    }

    [Test]
    public async Task Documento_por_rut_resuelve_el_cliente_en_cualquier_formato()
    {
        var cliente = await Api.CrearClienteAsync();
        var rut = (string)cliente["rut"]!;
        var conPuntos = SharedKernel.Rut.Rut.Parse(rut).Formateado;

        var doc = await CrearDocumentoAsync(new { tipo = "34", folio = 7, rut = conPuntos, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy), moneda = "CLP", neto = 0m, exento = 500m, iva = 0m, total = 500m });

        Assert.That((string?)doc["cliente"]!["id"], Is.EqualTo(cliente.Id()));
    }

    [Test]
    public async Task Estado_pasa_de_por_vencer_a_vencido_cuando_avanza_el_reloj()
    {
        var doc = await CrearDocumentoAsync(Factura(10, 5000m, Hoy, Hoy.AddDays(2)));
        Assert.That((string?)(await DocumentoAsync(doc))["estado"], Is.EqualTo("por_vencer"));

        Fixture.Reloj.Advance(TimeSpan.FromDays(3));
        var api = await Fixture.ClienteHttpAsync(Empresa); // the session token expired with the clock


        var ahora = await (await api.GetAsync($"/api/v1/documentos/{doc.Id()}")).JsonAsync();
        Assert.That((string?)ahora["estado"], Is.EqualTo("vencido"));
        Assert.That((int?)ahora["diasVencido"], Is.EqualTo(1));
        var vencidos = await (await api.GetAsync($"/api/v1/documentos?estado=vencido&clienteId={ClienteId}")).JsonAsync();
        Assert.That(vencidos["items"]!.AsArray().Select(d => d!.Id()), Is.EqualTo(new[] { doc.Id() }));
        var porVencer = await (await api.GetAsync("/api/v1/documentos?estado=por_vencer")).JsonAsync();
        Assert.That(porVencer["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Listado_filtra_por_tipo_y_vencimiento_y_ordena_y_pagina()
    {
        for (var i = 1; i <= 5; i++)
            await CrearDocumentoAsync(Factura(100 + i, 1000m * i, Hoy, Hoy.AddDays(i * 10)));
        await CrearDocumentoAsync(new { tipo = "39", folio = 900, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy), moneda = "CLP", neto = 840m, exento = 0m, iva = 160m, total = 1000m });

        var pagina = await (await Api.GetAsync($"/api/v1/documentos?tipo=33&vencimientoDesde={F(Hoy.AddDays(20))}&vencimientoHasta={F(Hoy.AddDays(50))}&orden=-total&pagina=1&tamanoPagina=2")).JsonAsync();

        Assert.That((int?)pagina["total"], Is.EqualTo(4));
        Assert.That(pagina["items"]!.AsArray().Select(d => (long)d!["folio"]!), Is.EqualTo(new[] { 105L, 104L }));
    }

    [Test]
    public async Task Totales_descuadrados_responden_400_nombrando_total_y_no_guardan_nada()
    {
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await Api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "33", folio = 1, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy), moneda = "CLP", neto = 1000m, exento = 0m, iva = 190m, total = 1200m,
        })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "total" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Pesos_con_decimales_responden_400_nombrando_los_montos()
    {
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await Api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "33", folio = 1, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy), moneda = "CLP", neto = 1000.5m, exento = 0m, iva = 0m, total = 1000.5m,
        })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EquivalentTo(new[] { "neto", "total" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Dolares_con_dos_decimales_se_aceptan()
    {
        var doc = await CrearDocumentoAsync(new { tipo = "110", folio = 5, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy), moneda = "USD", neto = 0m, exento = 1250.75m, iva = 0m, total = 1250.75m });

        Assert.That((decimal?)doc["total"], Is.EqualTo(1250.75m));
    }

    [Test]
    public async Task Cuotas_que_no_suman_el_total_responden_400_nombrando_cuotas()
    {
        var problema = await (await Api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "33", folio = 1, clienteId = ClienteId, fechaEmision = F(Hoy), moneda = "CLP", neto = 1000m, exento = 0m, iva = 0m, total = 1000m,
            cuotas = new[] { new { numero = 1, fechaVencimiento = F(Hoy.AddDays(30)), monto = 400m } },
        })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "cuotas" }));
    }

    [Test]
    public async Task Cliente_inexistente_responde_422_nombrando_clienteId_y_no_guarda_nada()
    {
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await Api.PostAsJsonAsync("/api/v1/documentos", Factura(1, 1000m, Hoy, Hoy, clienteId: Guid.NewGuid().ToString()))).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "clienteId" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }

    [Test]
    public async Task Folio_repetido_del_mismo_tipo_responde_409_nombrando_folio_y_no_guarda_nada()
    {
        await CrearDocumentoAsync(Factura(77, 1000m, Hoy, Hoy));
        var antes = await Fixture.ContarFilasAsync();

        var problema = await (await Api.PostAsJsonAsync("/api/v1/documentos", Factura(77, 2000m, Hoy, Hoy))).ProblemaAsync(409);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "folio" }));
        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
        await CrearDocumentoAsync(new { tipo = "34", folio = 77, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy), moneda = "CLP", neto = 0m, exento = 10m, iva = 0m, total = 10m });
    }

    [Test]
    public async Task ExternalId_repetido_responde_409_nombrando_externalId()
    {
        await CrearDocumentoAsync(new { tipo = "33", folio = 1, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy), moneda = "CLP", neto = 10m, exento = 0m, iva = 0m, total = 10m, externalId = "X-1", origen = "erp" });

        var problema = await (await Api.PostAsJsonAsync("/api/v1/documentos", new { tipo = "33", folio = 2, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy), moneda = "CLP", neto = 10m, exento = 0m, iva = 0m, total = 10m, externalId = "X-1", origen = "erp" })).ProblemaAsync(409);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "externalId" }));
    }

    [Test]
    public async Task Campo_desconocido_en_el_cuerpo_responde_400()
    {
        var problema = await (await Api.PostAsJsonAsync("/api/v1/documentos", new { tipo = "33", folio = 1, clienteId = ClienteId, fechaEmision = F(Hoy), fechaVencimiento = F(Hoy), moneda = "CLP", neto = 10m, exento = 0m, iva = 0m, total = 10m, saldo = 0m })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "saldo" }));
    }

    [Test]
    public async Task Anular_con_motivo_deja_el_documento_anulado_y_fuera_de_la_aplicacion_automatica()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1000m, Hoy, Hoy));

        var anulado = await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/anular", new { motivo = "Emitida por error" })).JsonAsync();
        var pago = await PagarAsync(1000m, Hoy);

        Assert.That((string?)anulado["estado"], Is.EqualTo("anulado"));
        Assert.That((string?)anulado["motivoAnulacion"], Is.EqualTo("Emitida por error"));
        Assert.That((decimal?)pago["saldoAFavor"], Is.EqualTo(1000m));
        var sinMotivo = await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/anular", new { motivo = "" })).ProblemaAsync(400);
        Assert.That(sinMotivo.CamposConError(), Is.EqualTo(new[] { "motivo" }));
    }

    [Test]
    public async Task Anular_un_documento_con_pagos_aplicados_responde_422()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1000m, Hoy, Hoy));
        await PagarAsync(300m, Hoy);

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/anular", new { motivo = "x" })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "id" }));
    }

    [Test]
    public async Task Documento_de_otra_empresa_no_existe()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1000m, Hoy, Hoy));
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));

        await (await otra.GetAsync($"/api/v1/documentos/{doc.Id()}")).ProblemaAsync(404);
        Assert.That((await (await otra.GetAsync("/api/v1/documentos")).JsonAsync())["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Nota_de_credito_con_referencia_rebaja_el_documento_y_el_exceso_queda_a_favor()
    {
        var factura = await CrearDocumentoAsync(Factura(50, 1000m, Hoy, Hoy.AddDays(30)));

        var nc = await CrearDocumentoAsync(new
        {
            tipo = "61", folio = 9, clienteId = ClienteId, fechaEmision = F(Hoy), moneda = "CLP", neto = 1500m, exento = 0m, iva = 0m, total = 1500m,
            referencia = new { tipo = "33", folio = 50 },
        });

        Assert.That(await SaldoAsync(factura), Is.EqualTo(0m));
        Assert.That((string?)(await DocumentoAsync(factura))["estado"], Is.EqualTo("pagado"));
        Assert.That((decimal?)nc["saldo"], Is.EqualTo(500m));
        Assert.That((string?)nc["referencia"]!["id"], Is.EqualTo(factura.Id()));
        var aplicacion = nc["aplicaciones"]!.AsArray().Single()!;
        Assert.That(((decimal)aplicacion["monto"]!, (string?)aplicacion["documentoId"]), Is.EqualTo((1000m, factura.Id())));
    }

    [Test]
    public async Task Nota_de_credito_sin_referencia_queda_entera_como_saldo_a_favor()
    {
        var factura = await CrearDocumentoAsync(Factura(50, 1000m, Hoy, Hoy.AddDays(30)));

        var nc = await CrearDocumentoAsync(new { tipo = "61", folio = 9, clienteId = ClienteId, fechaEmision = F(Hoy), moneda = "CLP", neto = 300m, exento = 0m, iva = 0m, total = 300m });

        Assert.That((decimal?)nc["saldo"], Is.EqualTo(300m));
        Assert.That(await SaldoAsync(factura), Is.EqualTo(1000m));
    }

    [Test]
    public async Task Referencia_a_documento_inexistente_responde_422_nombrando_referencia()
    {
        var problema = await (await Api.PostAsJsonAsync("/api/v1/documentos", new
        {
            tipo = "61", folio = 9, clienteId = ClienteId, fechaEmision = F(Hoy), moneda = "CLP", neto = 300m, exento = 0m, iva = 0m, total = 300m,
            referencia = new { documentoId = Guid.NewGuid() },
        })).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "referencia" }));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;

namespace Cobranzas.Cartera.Tests;

public sealed class FactoringTests : PruebaCartera
{
    private static readonly object Factor = new { nombre = "Factoring del Sur S.A.", rut = "76.086.428-5" };

    private async Task<JsonNode> CederAsync(JsonNode doc) =>
        await (await Api.PostAsJsonAsync($"/api/v1/documentos/{doc.Id()}/ceder", new { factor = Factor, fecha = F(Hoy) })).JsonAsync();

    private async Task<JsonNode> CondicionesAsync(JsonNode doc, bool solidaria, bool delegada, int estado = 200) =>
        await (await Api.PutAsJsonAsync($"/api/v1/factoring/cesiones/{doc.Id()}/condiciones", new { responsabilidadSolidaria = solidaria, administracionDelegada = delegada }))
            .JsonAsync(estado);

    private async Task<JsonNode> FactorUnicoAsync() => (await (await Api.GetAsync("/api/v1/factoring/factores")).JsonAsync()).AsArray().Single()!;

    private async Task<(decimal Saldo, decimal Vencido)> DeudaClienteAsync()
    {
        var cliente = (await (await Api.GetAsync("/api/v1/clientes")).JsonAsync())["items"]!.AsArray().Single(c => (string?)c!["id"] == ClienteId)!;
        return ((decimal)cliente["saldo"]!, (decimal)cliente["vencido"]!);
    }

    private async Task<JsonArray> PendientesAsync() => (await (await Api.GetAsync("/api/v1/factoring/administracion-delegada/pendientes")).JsonAsync()).AsArray();

    private async Task<HttpResponseMessage> ConciliarAsync(string factorId, string csv, HttpClient? api = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(factorId), "factorId");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "archivo", "estado-factor.csv");
        return await (api ?? Api).PostAsync("/api/v1/factoring/conciliacion", form);
    }

    [Test]
    public async Task Administracion_delegada_mantiene_el_documento_en_la_deuda_y_el_pago_queda_por_transferir_al_factor_sin_perder_pesos()
    {
        var cedida = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        await CrearDocumentoAsync(Factura(2, 500m, Hoy.AddDays(-5), Hoy.AddDays(25)));
        await CederAsync(cedida);
        var factor = await FactorUnicoAsync();
        Assert.That(((string?)factor["rut"], (int?)factor["documentosCedidos"], (decimal?)factor["saldoCedido"]), Is.EqualTo(("76086428-5", 1, 1000m)));
        Assert.That(await DeudaClienteAsync(), Is.EqualTo((500m, 0m)), "cedida sin administración delegada: la cobra el factor");
        var rechazado = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 300m, moneda = "CLP", canal = "transferencia", aplicacion = "manual",
            aplicaciones = new[] { new { documentoId = cedida.Id(), monto = 300m } },
        })).ProblemaAsync(422);
        Assert.That(rechazado.CamposConError(), Is.EqualTo(new[] { "aplicaciones[0].documentoId" }));

        var cesion = await CondicionesAsync(cedida, solidaria: true, delegada: true);

        Assert.That(((bool?)cesion["responsabilidadSolidaria"], (bool?)cesion["administracionDelegada"]), Is.EqualTo((true, true)));
        Assert.That(await DeudaClienteAsync(), Is.EqualTo((1500m, 1000m)), "con administración delegada sigue en la lista de trabajo");
        var calendario = await (await Api.GetAsync($"/api/v1/gestion/calendario?desde={F(Hoy.AddDays(-15))}&hasta={F(Hoy.AddDays(30))}&equipo=true")).JsonAsync();
        Assert.That(calendario["dias"]!.AsArray().SelectMany(d => d!["vencimientos"]!.AsArray()).Select(v => (long)v!["folio"]!), Is.EqualTo(new[] { 1L, 2L }),
            "su vencimiento sigue en el calendario del cobrador");
        var pago = await PagarAsync(300m, Hoy, [new { documentoId = cedida.Id(), monto = 300m }]);

        Assert.That(((decimal?)pago["aplicado"], (decimal?)pago["saldoAFavor"]), Is.EqualTo((300m, 0m)), "todo el pago quedó aplicado");
        Assert.That(await SaldoAsync(cedida), Is.EqualTo(700m));
        var pendientes = await PendientesAsync();
        Assert.That(pendientes.Select(p => ((string?)p!["documentoId"], (string?)p["pagoId"], (decimal?)p["monto"])),
            Is.EqualTo(new[] { (cedida.Id(), pago.Id(), 300m) }));
        factor = await FactorUnicoAsync();
        Assert.That(((decimal?)factor["porTransferir"], (decimal?)factor["saldoConResponsabilidad"], (decimal?)factor["vencidoConResponsabilidad"]),
            Is.EqualTo((300m, 700m, 700m)));
        Assert.That(await DeudaClienteAsync(), Is.EqualTo((1200m, 700m)));
        var quitar = await (await Api.PutAsJsonAsync($"/api/v1/factoring/cesiones/{cedida.Id()}/condiciones", new { responsabilidadSolidaria = true, administracionDelegada = false }))
            .ProblemaAsync(422);
        Assert.That(quitar.CamposConError(), Is.EqualTo(new[] { "administracionDelegada" }));

        var transferencia = await (await Api.PostAsJsonAsync("/api/v1/factoring/transferencias", new { factorId = factor.Id(), fecha = F(Hoy), moneda = "CLP", referencia = "TEF 991" }))
            .JsonAsync(201);

        Assert.That(((decimal?)transferencia["monto"], transferencia["lineas"]!.AsArray().Count), Is.EqualTo((300m, 1)));
        Assert.That(await PendientesAsync(), Is.Empty);
        Assert.That((decimal?)(await FactorUnicoAsync())["porTransferir"], Is.EqualTo(0m));
        var transferencias = (await (await Api.GetAsync($"/api/v1/factoring/transferencias?factorId={factor.Id()}")).JsonAsync()).AsArray();
        Assert.That(transferencias.Select(t => (decimal?)t!["monto"]), Is.EqualTo(new decimal?[] { 300m }));
        var aplicacion = (string)transferencia["lineas"]![0]!["aplicacionId"]!;
        var reversa = await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{aplicacion}/reversar", new { motivo = "error" })).ProblemaAsync(422);
        Assert.That(reversa.CamposConError(), Is.EqualTo(new[] { "id" }));
        Assert.That(await SaldoAsync(cedida), Is.EqualTo(700m), "la reversa rechazada no cambió nada");
        var otraVez = await (await Api.PostAsJsonAsync("/api/v1/factoring/transferencias", new { factorId = factor.Id(), fecha = F(Hoy), moneda = "CLP" })).ProblemaAsync(422);
        Assert.That(otraVez.CamposConError(), Is.EqualTo(new[] { "factorId" }));
    }

    [Test]
    public async Task Un_cheque_cuyo_cobro_ya_se_transfirio_al_factor_no_se_protesta_aqui_y_nada_cambia()
    {
        var cedida = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-40), Hoy.AddDays(-10)));
        await CederAsync(cedida);
        await CondicionesAsync(cedida, solidaria: true, delegada: true);
        var cheque = await (await Api.PostAsJsonAsync("/api/v1/pagos", new
        {
            clienteId = ClienteId, fecha = F(Hoy), monto = 400m, moneda = "CLP", canal = "cheque", referencia = "Cheque 000777", fechaCheque = F(Hoy),
            aplicacion = "manual", aplicaciones = new[] { new { documentoId = cedida.Id(), monto = 400m } },
        })).JsonAsync(201);
        Assert.That((string?)cheque["cheque"]!["estado"], Is.EqualTo("cobrado"));
        var factor = await FactorUnicoAsync();
        await (await Api.PostAsJsonAsync("/api/v1/factoring/transferencias", new { factorId = factor.Id(), fecha = F(Hoy), moneda = "CLP" })).JsonAsync(201);

        var protesto = await (await Api.PostAsJsonAsync($"/api/v1/pagos/{cheque.Id()}/protestar", new { motivo = "Falta de fondos", costo = 0m })).ProblemaAsync(422);

        Assert.That(protesto.CamposConError(), Is.EqualTo(new[] { "id" }));
        Assert.That(await SaldoAsync(cedida), Is.EqualTo(600m), "el documento sigue pagado en lo que cobró el cheque");
        var pago = await (await Api.GetAsync($"/api/v1/pagos/{cheque.Id()}")).JsonAsync();
        Assert.That(((string?)pago["cheque"]!["estado"], (decimal?)pago["aplicado"]), Is.EqualTo(("cobrado", 400m)));
        Assert.That((decimal?)(await FactorUnicoAsync())["porTransferir"], Is.EqualTo(0m), "lo transferido sigue transferido");
    }

    [Test]
    public async Task Conciliacion_con_el_estado_del_factor_separa_coincidencias_diferencias_de_monto_y_estado_y_lo_que_falta_en_cada_lado()
    {
        var rut = (string)(await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync())["rut"]!;
        foreach (var folio in new long[] { 10, 11, 12, 13 })
            await CederAsync(await CrearDocumentoAsync(Factura(folio, 1000m * folio, Hoy.AddDays(-20), Hoy.AddDays(10))));
        var factor = await FactorUnicoAsync();
        var csv = $"""
            folio;rut_deudor;monto;estado
            10;{rut};10000;pendiente
            11;{rut};11500;pendiente
            12;{rut};12000;pagado
            99;{rut};5000;pendiente
            abc;{rut};1;pendiente
            """;

        var r = await (await ConciliarAsync(factor.Id(), csv)).JsonAsync();

        Assert.That(((int?)r["coinciden"], (int?)r["diferencias"], (int?)r["soloEnNuestros"], (int?)r["soloEnFactor"]), Is.EqualTo((1, 2, 1, 1)));
        var lineas = r["lineas"]!.AsArray().ToDictionary(l => (long)l!["folio"]!, l => l!);
        Assert.That((string?)lineas[10]["resultado"], Is.EqualTo("coincide"));
        Assert.That(((string?)lineas[11]["resultado"], (bool?)lineas[11]["diferenciaMonto"], (bool?)lineas[11]["diferenciaEstado"], (decimal?)lineas[11]["montoNuestro"], (decimal?)lineas[11]["montoFactor"]),
            Is.EqualTo(("diferencia", true, false, 11000m, 11500m)));
        Assert.That(((string?)lineas[12]["resultado"], (bool?)lineas[12]["diferenciaEstado"], (string?)lineas[12]["estadoNuestro"], (string?)lineas[12]["estadoFactor"]),
            Is.EqualTo(("diferencia", true, "pendiente", "pagado")));
        Assert.That((string?)lineas[13]["resultado"], Is.EqualTo("solo_en_nuestros"));
        Assert.That(((string?)lineas[99]["resultado"], (string?)lineas[99]["documentoId"]), Is.EqualTo(("solo_en_factor", (string?)null)));
        Assert.That(r["errores"]!.AsArray().Select(e => (int)e!["fila"]!), Is.EqualTo(new[] { 6 }));

        var sinColumnas = await (await ConciliarAsync(factor.Id(), "folio;monto\n1;2\n")).ProblemaAsync(422);
        Assert.That(sinColumnas.CamposConError(), Is.EqualTo(new[] { "archivo" }));
        await (await ConciliarAsync(Guid.NewGuid().ToString(), csv)).ProblemaAsync(404);
    }

    [Test]
    public async Task La_notificacion_al_deudor_se_registra_con_fecha_medio_y_evidencia_y_lo_invalido_no_cambia_nada()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-10), Hoy.AddDays(20)));
        var noCedido = await (await Api.PutAsJsonAsync($"/api/v1/factoring/cesiones/{doc.Id()}/notificacion", new { fecha = F(Hoy), medio = "notario", evidencia = "Certificado 1" }))
            .ProblemaAsync(422);
        Assert.That(noCedido.CamposConError(), Is.EqualTo(new[] { "documentoId" }));
        await CederAsync(doc);

        var cesion = await (await Api.PutAsJsonAsync($"/api/v1/factoring/cesiones/{doc.Id()}/notificacion", new { fecha = F(Hoy), medio = "notario", evidencia = "Certificado notarial 4411" }))
            .JsonAsync();

        Assert.That(((string?)cesion["notificacion"]!["fecha"], (string?)cesion["notificacion"]!["medio"], (string?)cesion["notificacion"]!["evidencia"]),
            Is.EqualTo((F(Hoy), "notario", "Certificado notarial 4411")));
        var nul = await (await Api.PutAsJsonAsync($"/api/v1/factoring/cesiones/{doc.Id()}/notificacion", new { fecha = F(Hoy), medio = "notario", evidencia = "a\u0000b" }))
            .ProblemaAsync(400);
        Assert.That(nul.CamposConError().Single(), Does.Contain("evidencia").IgnoreCase);
        var medio = await (await Api.PutAsJsonAsync($"/api/v1/factoring/cesiones/{doc.Id()}/notificacion", new { fecha = F(Hoy), medio = "paloma", evidencia = "x" })).ProblemaAsync(400);
        Assert.That(medio.CamposConError().Single(), Does.Contain("medio").IgnoreCase);
        var antes = await (await Api.PutAsJsonAsync($"/api/v1/factoring/cesiones/{doc.Id()}/notificacion", new { fecha = F(Hoy.AddDays(-1)), medio = "email", evidencia = "x" })).ProblemaAsync(422);
        Assert.That(antes.CamposConError(), Is.EqualTo(new[] { "fecha" }));
        var lista = (await (await Api.GetAsync("/api/v1/factoring/cesiones")).JsonAsync()).AsArray().Single()!;
        Assert.That((string?)lista["notificacion"]!["evidencia"], Is.EqualTo("Certificado notarial 4411"), "lo rechazado no cambió nada");
        var nulFactor = await (await Api.PostAsJsonAsync("/api/v1/factoring/factores", new { nombre = "F\u0000", rut = "76.086.428-5" })).ProblemaAsync(400);
        Assert.That(nulFactor.CamposConError().Single(), Does.Contain("nombre").IgnoreCase);
    }

    [Test]
    public async Task Consulta_lee_pero_no_escribe_un_cobrador_no_transfiere_y_otra_empresa_no_ve_ni_toca_nada()
    {
        var doc = await CrearDocumentoAsync(Factura(1, 1000m, Hoy.AddDays(-10), Hoy.AddDays(20)));
        await CederAsync(doc);
        await CondicionesAsync(doc, solidaria: false, delegada: true);
        await PagarAsync(100m, Hoy, [new { documentoId = doc.Id(), monto = 100m }]);
        var factor = await FactorUnicoAsync();
        var consulta = await Fixture.ClienteHttpAsync(Empresa, Roles.Consulta);
        var cobrador = await Fixture.ClienteHttpAsync(Empresa, Roles.Cobrador);

        await (await consulta.GetAsync("/api/v1/factoring/cesiones")).JsonAsync();
        await (await consulta.PostAsJsonAsync("/api/v1/factoring/factores", new { nombre = "Otro", rut = "77.777.777-7" })).EsperarAsync(HttpStatusCode.Forbidden);
        await (await consulta.PutAsJsonAsync($"/api/v1/factoring/cesiones/{doc.Id()}/condiciones", new { responsabilidadSolidaria = true, administracionDelegada = true }))
            .EsperarAsync(HttpStatusCode.Forbidden);
        await (await ConciliarAsync(factor.Id(), "folio;rut;monto;estado\n", consulta)).EsperarAsync(HttpStatusCode.Forbidden);
        await (await cobrador.PostAsJsonAsync("/api/v1/factoring/transferencias", new { factorId = factor.Id(), fecha = F(Hoy), moneda = "CLP" })).EsperarAsync(HttpStatusCode.Forbidden);
        Assert.That((await PendientesAsync()).Count, Is.EqualTo(1), "nada se transfirió");

        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));
        Assert.That((await (await otra.GetAsync("/api/v1/factoring/factores")).JsonAsync()).AsArray(), Is.Empty);
        Assert.That((await (await otra.GetAsync("/api/v1/factoring/cesiones")).JsonAsync()).AsArray(), Is.Empty);
        Assert.That((await (await otra.GetAsync("/api/v1/factoring/administracion-delegada/pendientes")).JsonAsync()).AsArray(), Is.Empty);
        await (await otra.PutAsJsonAsync($"/api/v1/factoring/cesiones/{doc.Id()}/notificacion", new { fecha = F(Hoy), medio = "notario", evidencia = "x" })).ProblemaAsync(404);
        await (await otra.PostAsJsonAsync("/api/v1/factoring/transferencias", new { factorId = factor.Id(), fecha = F(Hoy), moneda = "CLP" })).ProblemaAsync(404);
        await (await ConciliarAsync(factor.Id(), "folio;rut;monto;estado\n1;1-9;1;pagado\n", otra)).ProblemaAsync(404);
        Assert.That((decimal?)(await FactorUnicoAsync())["porTransferir"], Is.EqualTo(100m), "otra empresa no cambió nada");
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Portal.Tests;

/// <summary>What the client sees (its own things only), its requests reaching the collector, and the document PDF.</summary>
public sealed class VistaClienteTests : PruebaPortal
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    private static MultipartFormDataContent Archivo(byte[] contenido, string nombre = "factura.pdf")
    {
        var archivo = new ByteArrayContent(contenido);
        archivo.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { archivo, "archivo", nombre } };
    }

    [Test]
    public async Task El_cliente_ve_su_saldo_sus_documentos_con_dias_de_atraso_y_el_pdf_adjunto()
    {
        var vencida = await FacturaAsync(101, 119_000m, Hoy.AddDays(-10));
        await FacturaAsync(102, 50_000m, Hoy.AddDays(20));
        (await (await Api.PutAsync($"/api/v1/documentos/{vencida.Id()}/archivo", Archivo(Pdf))).JsonAsync()).ToString();
        var portal = await SesionAsync();

        var estado = await (await portal.GetAsync("/api/v1/portal/estado-cuenta")).JsonAsync();

        Assert.That((decimal)estado["saldo"]!, Is.EqualTo(169_000m));
        Assert.That((decimal)estado["saldoVencido"]!, Is.EqualTo(119_000m));
        var documentos = (JsonArray)estado["documentos"]!;
        Assert.That(documentos.Select(d => ((long)d!["folio"]!, (int)d["diasVencido"]!, (bool)d["tieneArchivo"]!)),
            Is.EqualTo(new[] { (101L, 10, true), (102L, 0, false) }));
        var descarga = await portal.GetAsync($"/api/v1/portal/documentos/{vencida.Id()}/archivo");
        Assert.That(descarga.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await descarga.Content.ReadAsByteArrayAsync(), Is.EqualTo(Pdf));
        Assert.That(descarga.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        var xlsx = await portal.GetAsync("/api/v1/portal/estado-cuenta.xlsx");
        Assert.That(xlsx.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await xlsx.Content.ReadAsByteArrayAsync())[..2], Is.EqualTo("PK"u8.ToArray()));
    }

    [Test]
    public async Task El_archivo_de_un_documento_debe_ser_pdf()
    {
        var doc = await FacturaAsync(103, 10_000m, Hoy);

        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0 };
        var problema = await (await Api.PutAsync($"/api/v1/documentos/{doc.Id()}/archivo", Archivo(png, "foto.png"))).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Does.Contain("archivo"));
        await (await Api.GetAsync($"/api/v1/documentos/{doc.Id()}/archivo")).EsperarAsync(HttpStatusCode.NotFound);
        await (await Api.PutAsync($"/api/v1/documentos/{doc.Id()}/archivo", Archivo(Pdf))).JsonAsync();
        Assert.That(await (await Api.GetAsync($"/api/v1/documentos/{doc.Id()}/archivo")).Content.ReadAsByteArrayAsync(), Is.EqualTo(Pdf));
    }

    [Test]
    public async Task La_sesion_de_un_cliente_no_alcanza_nada_de_otro_cliente_ni_de_otra_empresa()
    {
        await FacturaAsync(201, 10_000m, Hoy.AddDays(-5));
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var ajeno = await FacturaAsync(202, 20_000m, Hoy.AddDays(-5), otroCliente);
        await (await Api.PutAsync($"/api/v1/documentos/{ajeno.Id()}/archivo", Archivo(Pdf))).JsonAsync();
        var otraEmpresa = await Fixture.CrearEmpresaAsync("Otra Empresa");
        var apiOtra = await Fixture.ClienteHttpAsync(otraEmpresa);
        var clienteOtra = (await apiOtra.CrearClienteAsync()).Id();
        var deOtraEmpresa = await FacturaAsync(203, 30_000m, Hoy.AddDays(-5), clienteOtra, apiOtra);
        await (await apiOtra.PutAsync($"/api/v1/documentos/{deOtraEmpresa.Id()}/archivo", Archivo(Pdf))).JsonAsync();
        var portal = await SesionAsync();

        var estado = await (await portal.GetAsync("/api/v1/portal/estado-cuenta")).JsonAsync();
        Assert.That(((JsonArray)estado["documentos"]!).Select(d => (long)d!["folio"]!), Is.EqualTo(new[] { 201L }));
        foreach (var doc in new[] { ajeno.Id(), deOtraEmpresa.Id() })
        {
            await (await portal.GetAsync($"/api/v1/portal/documentos/{doc}/archivo")).EsperarAsync(HttpStatusCode.NotFound);
            await (await portal.PostAsJsonAsync("/api/v1/portal/reclamos", new { documentoId = doc, mensaje = "No corresponde" })).ProblemaAsync(422);
            await (await portal.PostAsJsonAsync("/api/v1/portal/pagos", new { documentoIds = new[] { doc } })).ProblemaAsync(422);
        }

        Assert.That((JsonArray)(await (await portal.GetAsync("/api/v1/portal/solicitudes")).JsonAsync())!, Is.Empty);
        Assert.That((JsonArray)(await (await apiOtra.GetAsync($"/api/v1/gestion/disputas?clienteId={clienteOtra}")).JsonAsync())!, Is.Empty);
        // The other client's own portal session sees its document, not this one's requests.
        var emailOtro = Fixture.EmailUnico("otro", "cliente.test");
        await Api.CrearContactoAsync(otroCliente, Datos.Contacto(email: emailOtro));
        var portalOtro = await SesionAsync(emailOtro);
        await (await portal.PostAsJsonAsync("/api/v1/portal/solicitudes", new { tipo = "consulta", mensaje = "¿Cuánto debo?" })).JsonAsync(201);
        Assert.That((JsonArray)(await (await portalOtro.GetAsync("/api/v1/portal/solicitudes")).JsonAsync())!, Is.Empty);
        Assert.That(((JsonArray)(await (await portalOtro.GetAsync("/api/v1/portal/estado-cuenta")).JsonAsync())["documentos"]!).Select(d => (long)d!["folio"]!),
            Is.EqualTo(new[] { 202L }));
    }

    [Test]
    public async Task Una_solicitud_de_convenio_y_un_reclamo_llegan_al_cobrador_y_el_cliente_ve_la_respuesta()
    {
        var cobrador = (await (await Api.PostAsJsonAsync("/api/v1/gestion/cobradores", new { nombre = "Juan Soto", email = "juan@andina.test" })).JsonAsync(201)).Id();
        await (await Api.PutAsJsonAsync($"/api/v1/gestion/asignaciones/{ClienteId}", new { cobradorId = cobrador })).JsonAsync();
        var doc = await FacturaAsync(301, 300_000m, Hoy.AddDays(-40));
        var portal = await SesionAsync();

        var convenio = await (await portal.PostAsJsonAsync("/api/v1/portal/solicitudes",
            new { tipo = "convenio", mensaje = "Propongo pagar en 3 cuotas", documentoIds = new[] { doc.Id() }, cuotas = 3 })).JsonAsync(201);
        var reclamo = await (await portal.PostAsJsonAsync("/api/v1/portal/reclamos", new { documentoId = doc.Id(), mensaje = "La mercadería llegó dañada" })).JsonAsync(201);

        var tareas = (JsonArray)(await (await Api.GetAsync($"/api/v1/gestion/tareas?clienteId={ClienteId}&estado=pendiente")).JsonAsync())["items"]!;
        Assert.That(tareas.Select(t => ((string)t!["origen"]!, (string?)t["cobradorId"])),
            Is.EquivalentTo(new[] { ("portal", cobrador), ("disputa", cobrador) }));
        var disputas = (JsonArray)(await (await Api.GetAsync($"/api/v1/gestion/disputas?clienteId={ClienteId}")).JsonAsync())!;
        Assert.That(disputas, Has.Count.EqualTo(1));
        Assert.That((string)disputas[0]!["creadaPor"]!, Does.StartWith("portal:"));

        var tareaConvenio = tareas.Single(t => (string)t!["origen"]! == "portal")!;
        await (await Api.PostAsJsonAsync($"/api/v1/gestion/tareas/{tareaConvenio.Id()}/completar", new { resultado = "Aprobado: 3 cuotas desde el 5 del próximo mes." })).JsonAsync();
        await (await Api.PostAsJsonAsync($"/api/v1/gestion/disputas/{disputas[0]!.Id()}/estado", new { estado = "en_revision", notas = "Enviamos a bodega a revisar." })).JsonAsync();

        var solicitudes = (JsonArray)(await (await portal.GetAsync("/api/v1/portal/solicitudes")).JsonAsync())!;
        var vistaConvenio = solicitudes.Single(s => s!.Id() == convenio.Id())!;
        Assert.That((string)vistaConvenio["estado"]!, Is.EqualTo("respondida"));
        Assert.That((string)vistaConvenio["respuesta"]!, Is.EqualTo("Aprobado: 3 cuotas desde el 5 del próximo mes."));
        var vistaReclamo = solicitudes.Single(s => s!.Id() == reclamo.Id())!;
        Assert.That((string)vistaReclamo["estado"]!, Is.EqualTo("en_revision"));
        Assert.That((string)vistaReclamo["respuesta"]!, Is.EqualTo("Enviamos a bodega a revisar."));
    }

    [Test]
    public async Task Un_compromiso_de_pago_desde_el_portal_queda_en_gestion_con_canal_portal()
    {
        await FacturaAsync(401, 100_000m, Hoy.AddDays(-15));
        var portal = await SesionAsync();

        await (await portal.PostAsJsonAsync("/api/v1/portal/compromisos", new { fecha = F(Hoy.AddDays(7)), monto = 60_000m, mensaje = "Pago el viernes" })).JsonAsync(201);

        var compromisos = (JsonArray)(await (await Api.GetAsync($"/api/v1/gestion/compromisos?clienteId={ClienteId}")).JsonAsync())!;
        Assert.That(compromisos, Has.Count.EqualTo(1));
        Assert.That((string)compromisos[0]!["canal"]!, Is.EqualTo("portal"));
        Assert.That((decimal)compromisos[0]!["monto"]!, Is.EqualTo(60_000m));
        var solicitudes = (JsonArray)(await (await portal.GetAsync("/api/v1/portal/solicitudes")).JsonAsync())!;
        Assert.That((string)solicitudes[0]!["tipo"]!, Is.EqualTo("compromiso"));
    }

    [TestCase("/api/v1/portal/solicitudes", "mensaje")]
    [TestCase("/api/v1/portal/solicitudes", "tipo")]
    [TestCase("/api/v1/portal/reclamos", "mensaje")]
    [TestCase("/api/v1/portal/compromisos", "mensaje")]
    public async Task Un_nul_en_un_campo_de_texto_del_portal_da_400_y_no_cambia_nada(string ruta, string campo)
    {
        var doc = await FacturaAsync(501, 10_000m, Hoy.AddDays(-5));
        var portal = await SesionAsync();
        var cuerpo = new JsonObject
        {
            ["tipo"] = "consulta", ["mensaje"] = "Hola", ["documentoId"] = doc.Id(), ["fecha"] = F(Hoy.AddDays(3)), ["monto"] = 1000,
        };
        cuerpo[campo] = "a\0b";
        var antes = await Fixture.ContarFilasAsync();

        await (await portal.PostAsJsonAsync(ruta, cuerpo)).ProblemaAsync(400);

        Assert.That(await Fixture.ContarFilasAsync(), Is.EqualTo(antes));
    }
}

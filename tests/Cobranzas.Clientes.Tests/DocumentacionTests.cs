using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;

namespace Cobranzas.Clientes.Tests;

/// <summary>Client documentation: typed documents with files and expiry, and the segment's guarantee required before a line is approved.</summary>
public sealed class DocumentacionTests : PruebaClientes
{
    private static DateOnly Hoy => FechaNegocio.Hoy(Fixture.Reloj);

    private static string F(DateOnly d) => d.ToString("yyyy-MM-dd");

    private async Task<JsonNode> RegistrarAsync(string clienteId, object cuerpo) =>
        await (await Api.PostAsJsonAsync($"/api/v1/clientes/{clienteId}/documentacion", cuerpo)).JsonAsync(201);

    private async Task<JsonNode> SolicitudAsync(string clienteId, decimal uf) =>
        await (await Api.PostAsJsonAsync("/api/v1/credito/solicitudes", new { clienteId, limiteSolicitado = uf, moneda = "UF", plazoDias = 60 })).JsonAsync(201);

    [TestCase("Mayorista", "Pagaré", "pagare")]
    [TestCase("Corporativo", "Boleta de garantía", "boleta_garantia")]
    [TestCase("Gobierno", "Orden de compra", "orden_compra")]
    public async Task La_garantia_del_segmento_debe_estar_en_la_documentacion_antes_de_enviar_la_linea(string segmento, string nombre, string tipo)
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: segmento));
        var s = await SolicitudAsync(cliente.Id(), 50m);

        var sinGarantia = await (await Api.PostAsync($"/api/v1/credito/solicitudes/{s.Id()}/enviar", null)).ProblemaAsync(422);

        Assert.That(sinGarantia.CamposConError(), Is.EqualTo(new[] { "garantia" }));
        Assert.That((string?)sinGarantia["errors"]!["garantia"]![0], Does.StartWith("garantia_faltante:").And.Contain(nombre));
        var doc = await (await Api.GetAsync($"/api/v1/clientes/{cliente.Id()}/documentacion")).JsonAsync();
        Assert.That(((string?)doc["garantiaRequerida"], (bool?)doc["garantiaVigente"]), Is.EqualTo(((string?)tipo, (bool?)false)));
        Assert.That((string?)(await (await Api.GetAsync($"/api/v1/credito/solicitudes/{s.Id()}")).JsonAsync())["estado"], Is.EqualTo("borrador"));

        await RegistrarAsync(cliente.Id(), new { tipo, descripcion = nombre, monto = 100m, moneda = "UF", vencimiento = F(Hoy.AddDays(200)) });
        var enviada = await (await Api.PostAsync($"/api/v1/credito/solicitudes/{s.Id()}/enviar", null)).JsonAsync();

        Assert.That((string?)enviada["estado"], Is.EqualTo("en_aprobacion"));
    }

    [Test]
    public async Task Una_boleta_vencida_no_cuenta_como_garantia()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: "Corporativo"));
        await RegistrarAsync(cliente.Id(), new { tipo = "boleta_garantia", descripcion = "Boleta Banco Estado", monto = 10_000_000m, moneda = "CLP", vencimiento = F(Hoy.AddDays(-1)) });
        var s = await SolicitudAsync(cliente.Id(), 50m);

        var problema = await (await Api.PostAsync($"/api/v1/credito/solicitudes/{s.Id()}/enviar", null)).ProblemaAsync(422);

        Assert.That((string?)problema["errors"]!["garantia"]![0], Does.Contain("Boleta de garantía"));
    }

    [Test]
    public async Task Garantia_que_vence_mientras_espera_aprobacion_impide_aprobar_y_no_registra_la_decision()
    {
        var cliente = await Api.CrearClienteAsync(Datos.Cliente(segmento: "Mayorista"));
        await RegistrarAsync(cliente.Id(), new { tipo = "pagare", descripcion = "Pagaré a la vista", vencimiento = F(Hoy.AddDays(3)) });
        var s = await SolicitudAsync(cliente.Id(), 50m);
        await (await Api.PostAsync($"/api/v1/credito/solicitudes/{s.Id()}/enviar", null)).JsonAsync();
        Fixture.Reloj.Advance(TimeSpan.FromDays(5));
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);

        var problema = await (await supervisor.PostAsJsonAsync($"/api/v1/credito/solicitudes/{s.Id()}/decision", new { aprueba = true, comentario = "ok" })).ProblemaAsync(422);

        Assert.That((string?)problema["errors"]!["garantia"]![0], Does.StartWith("garantia_faltante:").And.Contain("Pagaré"));
        var despues = await (await supervisor.GetAsync($"/api/v1/credito/solicitudes/{s.Id()}")).JsonAsync();
        Assert.That((string?)despues["estado"], Is.EqualTo("en_aprobacion"));
        Assert.That(despues["aprobacion"]!["decisiones"]!.AsArray(), Is.Empty);
        Assert.That((string?)despues["garantiaFaltante"], Is.EqualTo("Pagaré"));
    }

    [Test]
    public async Task Documentos_avisan_antes_de_vencer()
    {
        var cliente = await Api.CrearClienteAsync();
        await RegistrarAsync(cliente.Id(), new { tipo = "boleta_garantia", descripcion = "Boleta por vencer", monto = 1_000_000m, moneda = "CLP", vencimiento = F(Hoy.AddDays(10)) });
        await RegistrarAsync(cliente.Id(), new { tipo = "poliza", descripcion = "Póliza vigente", vencimiento = F(Hoy.AddDays(31)) });
        await RegistrarAsync(cliente.Id(), new { tipo = "contrato", descripcion = "Contrato vencido", vencimiento = F(Hoy.AddDays(-1)) });
        await RegistrarAsync(cliente.Id(), new { tipo = "poder", descripcion = "Poder notarial", representante = "Juan Soto, 9.876.543-3" });

        var docs = (await (await Api.GetAsync($"/api/v1/clientes/{cliente.Id()}/documentacion")).JsonAsync())["documentos"]!.AsArray()
            .ToDictionary(d => (string)d!["descripcion"]!, d => ((string?)d!["alerta"], (int?)d["diasParaVencer"]));
        var porVencer = (await (await Api.GetAsync("/api/v1/documentacion/por-vencer")).JsonAsync()).AsArray().Select(d => (string?)d!["descripcion"]);

        Assert.That(docs["Boleta por vencer"], Is.EqualTo(("por_vencer", (int?)10)));
        Assert.That(docs["Póliza vigente"], Is.EqualTo(("vigente", (int?)31)));
        Assert.That(docs["Contrato vencido"], Is.EqualTo(("vencido", (int?)-1)));
        Assert.That(docs["Poder notarial"], Is.EqualTo(("sin_vencimiento", (int?)null)));
        Assert.That(porVencer, Is.EqualTo(new[] { "Contrato vencido", "Boleta por vencer" }));
    }

    [Test]
    public async Task Boleta_de_garantia_sin_monto_ni_vencimiento_se_rechaza()
    {
        var cliente = await Api.CrearClienteAsync();

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/documentacion", new { tipo = "boleta_garantia", descripcion = "Boleta" })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EquivalentTo(new[] { "monto", "vencimiento" }));
    }

    [Test]
    public async Task NUL_en_la_descripcion_da_400_y_nada_se_guarda()
    {
        var cliente = await Api.CrearClienteAsync();

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/clientes/{cliente.Id()}/documentacion", new { tipo = "contrato", descripcion = "Contrato\u0000marco" })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "descripcion" }));
        Assert.That((await (await Api.GetAsync($"/api/v1/clientes/{cliente.Id()}/documentacion")).JsonAsync())["documentos"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task El_archivo_del_documento_se_guarda_en_el_almacen_de_adjuntos_y_se_descarga_igual()
    {
        var cliente = await Api.CrearClienteAsync();
        var doc = await RegistrarAsync(cliente.Id(), new { tipo = "pagare", descripcion = "Pagaré firmado" });
        var pdf = "%PDF-1.4\n% pagaré de prueba\n"u8.ToArray();

        var subido = await (await Api.PostAsync($"/api/v1/clientes/{cliente.Id()}/documentacion/{doc.Id()}/archivo", Formulario(pdf, "../../pagaré firmado.pdf"))).JsonAsync();
        var descarga = await Api.GetAsync($"/api/v1/clientes/{cliente.Id()}/documentacion/{doc.Id()}/archivo");
        var ejecutable = await (await Api.PostAsync($"/api/v1/clientes/{cliente.Id()}/documentacion/{doc.Id()}/archivo", Formulario("MZ\u0090\u0000binario"u8.ToArray(), "x.pdf"))).ProblemaAsync(422);

        Assert.That((bool?)subido["tieneArchivo"], Is.True);
        Assert.That((string?)subido["archivoNombre"], Is.EqualTo("pagaré firmado.pdf"));
        Assert.That(descarga.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(await descarga.Content.ReadAsByteArrayAsync(), Is.EqualTo(pdf));
        Assert.That(ejecutable.CamposConError(), Is.EqualTo(new[] { "archivo" }));
    }

    [Test]
    public async Task Documentacion_de_otra_empresa_no_se_ve()
    {
        var cliente = await Api.CrearClienteAsync();
        var doc = await RegistrarAsync(cliente.Id(), new { tipo = "contrato", descripcion = "Contrato marco" });
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));

        Assert.That((int)(await otra.GetAsync($"/api/v1/clientes/{cliente.Id()}/documentacion")).StatusCode, Is.EqualTo(404));
        Assert.That((int)(await otra.DeleteAsync($"/api/v1/clientes/{cliente.Id()}/documentacion/{doc.Id()}")).StatusCode, Is.EqualTo(404));
        Assert.That((await (await otra.GetAsync("/api/v1/documentacion/por-vencer?dias=365")).JsonAsync()).AsArray(), Is.Empty);
    }

    private static MultipartFormDataContent Formulario(byte[] contenido, string nombre)
    {
        var archivo = new ByteArrayContent(contenido);
        archivo.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { archivo, "archivo", nombre } };
    }
}

using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Cobranzas.Gestion.Tests.Actividades;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;

namespace Cobranzas.Gestion.Tests.Judicial;

/// <summary>The antecedentes package a law firm receives with a lawsuit: one ZIP with the statement, documents, activity log and guarantees.</summary>
public sealed class AntecedentesTests : PruebaActividades
{
    private static readonly byte[] PdfDocumento = "%PDF-1.4\n% factura 701\n"u8.ToArray();
    private static readonly byte[] PdfPagare = "%PDF-1.4\n% pagaré\n"u8.ToArray();

    private static MultipartFormDataContent Formulario(byte[] contenido, string nombre)
    {
        var archivo = new ByteArrayContent(contenido);
        archivo.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { archivo, "archivo", nombre } };
    }

    private async Task<string> JuicioAsync(HttpClient api, string clienteId, string rol)
    {
        var estudio = (await (await api.PostAsJsonAsync("/api/v1/judicial/estudios", new { nombre = "Estudio Larraín", rut = "78.123.456-7" })).JsonAsync(201)).Id();
        return (await (await api.PostAsJsonAsync("/api/v1/judicial/juicios", new
        {
            clienteId, estudioId = estudio, tribunal = "1° Juzgado Civil de Santiago", rol, procedimiento = "Ejecutivo", etapaProcesal = "Preparación", montoDemandado = 300_000m,
            fechaInicio = F(Hoy),
        })).JsonAsync(201)).Id();
    }

    [Test]
    public async Task El_zip_trae_estado_de_cuenta_documentos_actividades_y_garantias_del_cliente_y_nada_de_otro()
    {
        var factura = await FacturaAsync(701, 300_000m, Hoy.AddDays(-120), Hoy.AddDays(-90));
        await (await Api.PutAsync($"/api/v1/documentos/{factura.Id()}/archivo", Formulario(PdfDocumento, "factura.pdf"))).JsonAsync();
        (await RegistrarAsync("Llamada", M("2026-11-04T11:00:00-03:00"))).EnsureSuccessStatusCode();
        await (await Api.PostAsJsonAsync("/api/v1/gestion/actividades", new
        {
            clienteId = ClienteId, tipoActividadId = Tipos["Carta"], fecha = M("2026-11-05T11:00:00-03:00"), notas = "=HYPERLINK(\"http://x\")",
        })).JsonAsync(201);
        var pagare = await (await Api.PostAsJsonAsync($"/api/v1/clientes/{ClienteId}/documentacion", new { tipo = "pagare", descripcion = "Pagaré a la vista", monto = 300_000m, moneda = "CLP" })).JsonAsync(201);
        await (await Api.PostAsync($"/api/v1/clientes/{ClienteId}/documentacion/{pagare.Id()}/archivo", Formulario(PdfPagare, "pagaré.pdf"))).JsonAsync();
        await (await Api.PostAsJsonAsync($"/api/v1/clientes/{ClienteId}/documentacion", new { tipo = "correspondencia", descripcion = "Carta del cliente" })).JsonAsync(201);
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        await FacturaAsync(702, 999_999m, Hoy.AddDays(-120), Hoy.AddDays(-90), otroCliente);
        var juicio = await JuicioAsync(Api, ClienteId, "C-777-2026");

        var respuesta = await Api.GetAsync($"/api/v1/judicial/juicios/{juicio}/antecedentes");

        Assert.That(respuesta.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(respuesta.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
        using var zip = new ZipArchive(new MemoryStream(await respuesta.Content.ReadAsByteArrayAsync()));
        Assert.That(zip.Entries.Select(e => e.FullName), Is.EquivalentTo(new[]
        {
            "estado-de-cuenta.pdf", "documentos.csv", "documentos/33-701.pdf", "actividades.csv", "garantias.csv", "garantias/01-pagaré.pdf",
        }));
        string Texto(string nombre)
        {
            using var lector = new StreamReader(zip.GetEntry(nombre)!.Open(), Encoding.UTF8);
            return lector.ReadToEnd();
        }

        byte[] Bytes(string nombre)
        {
            using var m = new MemoryStream();
            zip.GetEntry(nombre)!.Open().CopyTo(m);
            return m.ToArray();
        }

        Assert.That(Encoding.ASCII.GetString(Bytes("estado-de-cuenta.pdf")[..4]), Is.EqualTo("%PDF"));
        Assert.That(Bytes("documentos/33-701.pdf"), Is.EqualTo(PdfDocumento));
        Assert.That(Bytes("garantias/01-pagaré.pdf"), Is.EqualTo(PdfPagare));
        var documentos = Texto("documentos.csv");
        Assert.That(documentos, Does.Contain("701").And.Not.Contain("702"));
        var actividades = Texto("actividades.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(actividades, Has.Length.EqualTo(3));
        Assert.That(actividades[2], Does.Contain("'=HYPERLINK").Or.Contain("\"'=HYPERLINK"));
        var garantias = Texto("garantias.csv");
        Assert.That(garantias, Does.Contain("Pagaré a la vista").And.Not.Contain("Carta del cliente"));
    }

    [Test]
    public async Task Otra_empresa_no_descarga_los_antecedentes_y_un_juicio_inexistente_es_404()
    {
        var juicio = await JuicioAsync(Api, ClienteId, "C-1-2026");
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));
        var sinPermiso = Fixture.ClienteAnonimo();

        Assert.That((await otra.GetAsync($"/api/v1/judicial/juicios/{juicio}/antecedentes")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Api.GetAsync($"/api/v1/judicial/juicios/{Guid.NewGuid()}/antecedentes")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await sinPermiso.GetAsync($"/api/v1/judicial/juicios/{juicio}/antecedentes")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await (await Fixture.ClienteHttpAsync(Empresa, Roles.Consulta)).GetAsync($"/api/v1/judicial/juicios/{juicio}/antecedentes")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Gestion.Disputas;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Testing;

namespace Cobranzas.Gestion.Tests;

public sealed class DisputasTests : PruebaCompromisos
{
    private async Task<string> MotivoAsync(string nombre, HttpClient? api = null) =>
        (await (await (api ?? Api).GetAsync("/api/v1/gestion/motivos-disputa")).JsonAsync()).AsArray().Single(m => (string)m!["nombre"]! == nombre)!.Id();

    private async Task<JsonNode> DisputaAsync(params string[] documentoIds) =>
        await (await Api.PostAsJsonAsync("/api/v1/gestion/disputas", new { clienteId = ClienteId, documentoIds, motivoId = await MotivoAsync("Precio incorrecto"), notas = "Cobran de más" }))
            .JsonAsync(201);

    [Test]
    public async Task Los_motivos_vienen_sembrados_y_se_editan()
    {
        var motivos = await (await Api.GetAsync("/api/v1/gestion/motivos-disputa")).JsonAsync();
        Assert.That(motivos.AsArray().Select(m => (string)m!["nombre"]!),
            Is.EquivalentTo(new[] { "Mercadería defectuosa", "No recibido", "Precio incorrecto", "Documento duplicado", "Ya pagado", "Otro" }));

        var nuevo = await (await Api.PostAsJsonAsync("/api/v1/gestion/motivos-disputa", new { nombre = "Fuera de plazo" })).JsonAsync(201);
        var editado = await (await Api.PutAsJsonAsync($"/api/v1/gestion/motivos-disputa/{nuevo.Id()}", new { nombre = "Entregado fuera de plazo" })).JsonAsync();
        Assert.That((string)editado["nombre"]!, Is.EqualTo("Entregado fuera de plazo"));
        await (await Api.PostAsJsonAsync("/api/v1/gestion/motivos-disputa", new { nombre = "Otro" })).ProblemaAsync(409);
        await (await Api.PostAsync($"/api/v1/gestion/motivos-disputa/{nuevo.Id()}/desactivar", null)).JsonAsync();
        var activos = await (await Api.GetAsync("/api/v1/gestion/motivos-disputa")).JsonAsync();
        Assert.That(activos.AsArray().Select(m => m!.Id()), Does.Not.Contain(nuevo.Id()));
        var problema = await (await Api.PostAsJsonAsync("/api/v1/gestion/disputas", new
        {
            clienteId = ClienteId, documentoIds = new[] { (await FacturaAsync(1, 1000, Hoy, Hoy)).Id() }, motivoId = nuevo.Id(),
        })).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "motivoId" }));
    }

    [Test]
    public async Task Abrir_una_disputa_pausa_sus_documentos_y_crea_la_tarea_de_revision()
    {
        var cobrador = await CobradorAsync("Ana", null, ClienteId);
        var a = await FacturaAsync(1, 10_000, Hoy.AddDays(-30), Hoy.AddDays(-1));
        var b = await FacturaAsync(2, 20_000, Hoy.AddDays(-30), Hoy.AddDays(-1));
        var d = await DisputaAsync(a.Id(), b.Id());

        Assert.That(((string)d["estado"]!, (string)d["motivo"]!, (string)d["asignadoAId"]!, d["historial"]!.AsArray().Count),
            Is.EqualTo(("abierta", "Precio incorrecto", cobrador.ToString(), 1)));
        var pausas = await PausasAsync(d.Id());
        Assert.That(pausas.Select(p => (p.DocumentoId, p.Motivo, p.Hasta)), Is.EquivalentTo(new[]
        {
            ((Guid?)Guid.Parse(a.Id()), "disputa", (DateOnly?)null), ((Guid?)Guid.Parse(b.Id()), "disputa", (DateOnly?)null),
        }));
        var tarea = (await TareasAsync(d.Id())).Single();
        Assert.That((tarea.Tipo, tarea.Origen, tarea.CobradorId, tarea.Estado), Is.EqualTo((TiposTareaDisputa.Revisar, OrigenesTarea.Disputa, (Guid?)cobrador, EstadosTarea.Pendiente)));

        // The disputed document stays in the portfolio as it was.
        var documento = await (await Api.GetAsync($"/api/v1/documentos/{a.Id()}")).JsonAsync();
        Assert.That((decimal)documento["saldo"]!, Is.EqualTo(10_000m));
    }

    [Test]
    public async Task La_resolucion_masiva_quita_las_pausas_en_una_transaccion()
    {
        var f1 = await FacturaAsync(1, 10_000, Hoy.AddDays(-30), Hoy.AddDays(-1));
        var f2 = await FacturaAsync(2, 10_000, Hoy.AddDays(-30), Hoy.AddDays(-1));
        var f3 = await FacturaAsync(3, 10_000, Hoy.AddDays(-30), Hoy.AddDays(-1));
        var d1 = await DisputaAsync(f1.Id());
        var d2 = await DisputaAsync(f2.Id());
        var d3 = await DisputaAsync(f3.Id());
        await (await Api.PostAsJsonAsync($"/api/v1/gestion/disputas/{d3.Id()}/estado", new { estado = "resuelta_empresa", notas = "Precio correcto" })).JsonAsync();

        // One already resolved: nothing changes.
        var fallida = await Api.PostAsJsonAsync("/api/v1/gestion/disputas/resolver", new { ids = new[] { d1.Id(), d3.Id() }, estado = "resuelta_cliente", notas = "NC emitida" });
        Assert.That((await fallida.ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "ids[1]" }));
        Assert.That(await PausasAsync(d1.Id()), Has.Count.EqualTo(1));

        var resueltas = await (await Api.PostAsJsonAsync("/api/v1/gestion/disputas/resolver", new { ids = new[] { d1.Id(), d2.Id() }, estado = "resuelta_cliente", notas = "NC emitida" }))
            .JsonAsync();
        Assert.That(resueltas.AsArray().Select(d => ((string)d!["estado"]!, (string)d["resolucion"]!)), Is.EqualTo(new[] { ("resuelta_cliente", "NC emitida"), ("resuelta_cliente", "NC emitida") }));
        Assert.That(await PausasAsync(d1.Id()), Is.Empty);
        Assert.That(await PausasAsync(d2.Id()), Is.Empty);
        Assert.That((await TareasAsync(d1.Id())).Single().Estado, Is.EqualTo(EstadosTarea.Completada));
        var abiertas = await (await Api.GetAsync("/api/v1/gestion/disputas?estado=abierta")).JsonAsync();
        Assert.That(abiertas.AsArray(), Is.Empty);
    }

    [Test]
    public async Task En_revision_mantiene_la_pausa_y_queda_en_el_historial()
    {
        var d = await DisputaAsync((await FacturaAsync(1, 10_000, Hoy.AddDays(-30), Hoy.AddDays(-1))).Id());
        var r = await (await Api.PostAsJsonAsync($"/api/v1/gestion/disputas/{d.Id()}/estado", new { estado = "en_revision", notas = "Pedimos la guía" })).JsonAsync();
        Assert.That(r["historial"]!.AsArray().Select(e => (string)e!["estado"]!), Is.EqualTo(new[] { "abierta", "en_revision" }));
        Assert.That(await PausasAsync(d.Id()), Has.Count.EqualTo(1));
        var invalido = await (await Api.PostAsJsonAsync($"/api/v1/gestion/disputas/{d.Id()}/estado", new { estado = "cerrada" })).ProblemaAsync(400);
        Assert.That(invalido.CamposConError(), Is.EqualTo(new[] { "estado" }));
    }

    [Test]
    public async Task Entrada_invalida_de_disputa_nombra_el_campo()
    {
        var motivo = await MotivoAsync("Otro");
        var sinDocumentos = await (await Api.PostAsJsonAsync("/api/v1/gestion/disputas", new { clienteId = ClienteId, documentoIds = Array.Empty<string>(), motivoId = motivo })).ProblemaAsync(400);
        Assert.That(sinDocumentos.CamposConError(), Is.EqualTo(new[] { "documentoIds" }));
        var otro = (await Api.CrearClienteAsync()).Id();
        var ajena = await FacturaAsync(1, 1000, Hoy, Hoy, otro);
        var deOtro = await (await Api.PostAsJsonAsync("/api/v1/gestion/disputas", new { clienteId = ClienteId, documentoIds = new[] { ajena.Id() }, motivoId = motivo })).ProblemaAsync(422);
        Assert.That(deOtro.CamposConError(), Is.EqualTo(new[] { "documentoIds[0]" }));
        var nul = await (await Api.PostAsJsonAsync("/api/v1/gestion/disputas", new { clienteId = ClienteId, documentoIds = new[] { ajena.Id() }, motivoId = motivo, notas = "x\0" }))
            .ProblemaAsync(400);
        Assert.That(nul.CamposConError(), Is.EqualTo(new[] { "notas" }));
    }

    [Test]
    public async Task Un_adjunto_se_reconoce_por_su_contenido_y_se_descarga()
    {
        var d = await DisputaAsync((await FacturaAsync(1, 10_000, Hoy.AddDays(-30), Hoy.AddDays(-1))).Id());
        var pdf = "%PDF-1.4 guia de despacho firmada"u8.ToArray();
        using var formulario = new MultipartFormDataContent { { new ByteArrayContent(pdf) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "archivo", "../guia.pdf" } };
        var adjunto = await (await Api.PostAsync($"/api/v1/gestion/disputas/{d.Id()}/adjuntos", formulario)).JsonAsync(201);
        Assert.That(((string)adjunto["nombre"]!, (string)adjunto["tipoContenido"]!, (long)adjunto["tamano"]!), Is.EqualTo(("guia.pdf", "application/pdf", (long)pdf.Length)));
        var descarga = await Api.GetAsync($"/api/v1/gestion/disputas/{d.Id()}/adjuntos/{adjunto.Id()}");
        Assert.That(await descarga.Content.ReadAsByteArrayAsync(), Is.EqualTo(pdf));
        var leida = await (await Api.GetAsync($"/api/v1/gestion/disputas/{d.Id()}")).JsonAsync();
        Assert.That(leida["adjuntos"]!.AsArray().Select(a => a!.Id()), Is.EqualTo(new[] { adjunto.Id() }));

        using var texto = new MultipartFormDataContent { { new ByteArrayContent("hola, no soy un pdf"u8.ToArray()), "archivo", "nota.pdf" } };
        var rechazo = await (await Api.PostAsync($"/api/v1/gestion/disputas/{d.Id()}/adjuntos", texto)).ProblemaAsync(422);
        Assert.That(rechazo.CamposConError(), Is.EqualTo(new[] { "archivo" }));
    }

    [Test]
    public async Task Un_cobrador_no_ve_las_disputas_de_otro_cobrador()
    {
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var usuario = await Fixture.CrearUsuarioAsync(Empresa, "Cobrador");
        await CobradorAsync("Propio", usuario.Id, ClienteId);
        var otro = await CobradorAsync("Otro", null, otroCliente);
        var propia = await DisputaAsync((await FacturaAsync(1, 10_000, Hoy.AddDays(-30), Hoy.AddDays(-1))).Id());
        var ajena = await (await Api.PostAsJsonAsync("/api/v1/gestion/disputas", new
        {
            clienteId = otroCliente, documentoIds = new[] { (await FacturaAsync(2, 10_000, Hoy.AddDays(-30), Hoy.AddDays(-1), otroCliente)).Id() },
            motivoId = await MotivoAsync("No recibido"),
        })).JsonAsync(201);
        Assert.That((string)ajena["asignadoAId"]!, Is.EqualTo(otro.ToString()));
        var cobrador = await Fixture.IniciarSesionAsync(usuario.Email, usuario.Password, Empresa.Id);

        var lista = await (await cobrador.GetAsync("/api/v1/gestion/disputas")).JsonAsync();
        Assert.That(lista.AsArray().Select(x => x!.Id()), Is.EqualTo(new[] { propia.Id() }));
        await (await cobrador.GetAsync($"/api/v1/gestion/disputas/{ajena.Id()}")).ProblemaAsync(404);
        var resolver = await cobrador.PostAsJsonAsync("/api/v1/gestion/disputas/resolver", new { ids = new[] { ajena.Id() }, estado = "resuelta_empresa" });
        Assert.That((await resolver.ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "ids[0]" }));
        await (await cobrador.PostAsJsonAsync("/api/v1/gestion/motivos-disputa", new { nombre = "Nuevo" })).EsperarAsync(System.Net.HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Otra_empresa_no_ve_las_disputas()
    {
        var d = await DisputaAsync((await FacturaAsync(1, 10_000, Hoy.AddDays(-30), Hoy.AddDays(-1))).Id());
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));
        await (await otra.GetAsync($"/api/v1/gestion/disputas/{d.Id()}")).ProblemaAsync(404);
        Assert.That((await (await otra.GetAsync("/api/v1/gestion/disputas")).JsonAsync()).AsArray(), Is.Empty);
        var motivoAjeno = await MotivoAsync("Otro");
        var problema = await (await otra.PostAsJsonAsync("/api/v1/gestion/disputas", new
        {
            clienteId = (await otra.CrearClienteAsync()).Id(), documentoIds = new[] { Guid.NewGuid() }, motivoId = motivoAjeno,
        })).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "documentoIds[0]" }));
    }
}

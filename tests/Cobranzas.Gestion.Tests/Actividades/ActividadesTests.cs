using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Tests.Actividades;

public sealed class ActividadesTests : PruebaActividades
{
    [Test]
    public async Task Una_empresa_nueva_tiene_los_tipos_de_actividad_con_su_canal()
    {
        var tipos = (await (await Api.GetAsync("/api/v1/gestion/tipos-actividad")).JsonAsync()).AsArray()
            .ToDictionary(t => (string)t!["nombre"]!, t => (string)t!["canal"]!);
        Assert.That(tipos, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["Llamada"] = "telefono", ["Correo"] = "escrito", ["Visita"] = "presencial", ["Reunión"] = "presencial", ["Carta"] = "escrito",
            ["WhatsApp/SMS"] = "escrito", ["Compromiso de pago"] = "telefono",
        }));
    }

    [Test]
    public async Task Un_tipo_desactivado_no_se_ofrece_ni_admite_actividades()
    {
        var nuevo = await (await Api.PostAsJsonAsync("/api/v1/gestion/tipos-actividad", new { nombre = "Notificación notarial", tipo = "carta", descripcion = "Por notario", canal = "escrito" })).JsonAsync(201);
        await (await Api.PostAsJsonAsync("/api/v1/gestion/tipos-actividad", new { nombre = "Notificación notarial", tipo = "carta", canal = "escrito" })).ProblemaAsync(409);
        await (await Api.PostAsync($"/api/v1/gestion/tipos-actividad/{nuevo.Id()}/desactivar", null)).JsonAsync();
        var activos = (await (await Api.GetAsync("/api/v1/gestion/tipos-actividad")).JsonAsync()).AsArray();
        Assert.That(activos.Select(t => (string)t!["nombre"]!), Does.Not.Contain("Notificación notarial"));
        var r = await Api.PostAsJsonAsync("/api/v1/gestion/actividades", new { clienteId = ClienteId, tipoActividadId = nuevo.Id(), fecha = M("2026-11-04T11:00:00-03:00") });
        Assert.That((await r.ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "tipoActividadId" }));
    }

    [Test]
    public async Task El_historial_del_cliente_va_del_mas_nuevo_al_mas_antiguo()
    {
        await (await RegistrarAsync("Correo", M("2026-11-04T10:00:00-03:00"))).JsonAsync(201);
        await (await RegistrarAsync("Llamada", M("2026-11-13T10:00:00-03:00"))).JsonAsync(201);
        await (await RegistrarAsync("Carta", M("2026-11-09T10:00:00-03:00"))).JsonAsync(201);

        var pagina = await (await Api.GetAsync($"/api/v1/gestion/actividades?clienteId={ClienteId}")).JsonAsync();
        Assert.That(pagina["items"]!.AsArray().Select(a => (string)a!["tipoNombre"]!), Is.EqualTo(new[] { "Llamada", "Carta", "Correo" }));
        Assert.That((int)pagina["total"]!, Is.EqualTo(3));
        var filtrada = await (await Api.GetAsync($"/api/v1/gestion/actividades?clienteId={ClienteId}&desde=2026-11-05&hasta=2026-11-09")).JsonAsync();
        Assert.That(filtrada["items"]!.AsArray().Select(a => (string)a!["tipoNombre"]!), Is.EqualTo(new[] { "Carta" }));
    }

    [Test]
    public async Task La_proxima_accion_crea_una_tarea_para_el_cobrador_del_cliente()
    {
        var cobradorId = Guid.Empty;
        await EnEmpresaAsync(async db =>
        {
            var cobrador = new Cobrador { Nombre = "Ana Cobradora", Creado = DateTimeOffset.UtcNow };
            db.Cobradores.Add(cobrador);
            db.Asignaciones.Add(new AsignacionCliente { ClienteId = Guid.Parse(ClienteId), CobradorId = cobrador.Id, Origen = OrigenesAsignacion.Manual });
            await db.SaveChangesAsync();
            cobradorId = cobrador.Id;
        });
        var proxima = F(Hoy.AddDays(3));
        var a = await (await RegistrarAsync("Visita", M("2026-11-04T11:00:00-03:00"), resultado: "no_contesta", proximaAccion: proxima)).JsonAsync(201);
        Assert.That(((string?)a["cobradorId"], (string?)a["proximaAccion"]), Is.EqualTo((cobradorId.ToString(), proxima)));

        Tarea? tarea = null;
        await EnEmpresaAsync(async db => tarea = await db.Tareas.SingleOrDefaultAsync(t => t.OrigenId == Guid.Parse(a.Id())));
        Assert.That(tarea, Is.Not.Null);
        Assert.That((tarea!.Origen, tarea.Tipo, tarea.Fecha, tarea.CobradorId, tarea.ClienteId), Is.EqualTo((OrigenesTarea.Actividad, "visita", Hoy.AddDays(3), (Guid?)cobradorId, Guid.Parse(ClienteId))));
    }

    [Test]
    public async Task Una_actividad_no_puede_fecharse_en_el_futuro()
    {
        var r = await RegistrarAsync("Llamada", Fixture.Reloj.GetUtcNow().AddHours(2));
        Assert.That((await r.ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "fecha" }));
    }

    [Test]
    public async Task Los_documentos_deben_ser_del_mismo_cliente()
    {
        var otro = (await Api.CrearClienteAsync()).Id();
        var documento = await FacturaAsync(1001, 119_000, Hoy.AddDays(-40), Hoy.AddDays(-10), otro);
        var r = await Api.PostAsJsonAsync("/api/v1/gestion/actividades", new { clienteId = ClienteId, tipoActividadId = Tipos["Carta"], fecha = M("2026-11-04T11:00:00-03:00"), documentoIds = new[] { documento.Id() } });
        Assert.That((await r.ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "documentoIds" }));

        var propio = await FacturaAsync(1002, 119_000, Hoy.AddDays(-40), Hoy.AddDays(-10));
        var a = await (await Api.PostAsJsonAsync("/api/v1/gestion/actividades", new { clienteId = ClienteId, tipoActividadId = Tipos["Carta"], fecha = M("2026-11-04T11:00:00-03:00"), documentoIds = new[] { propio.Id() } })).JsonAsync(201);
        Assert.That(a["documentoIds"]!.AsArray().Select(d => (string)d!), Is.EqualTo(new[] { propio.Id() }));
    }

    [Test]
    public async Task Un_caracter_nulo_en_las_notas_es_un_400()
    {
        var r = await Api.PostAsJsonAsync("/api/v1/gestion/actividades", new { clienteId = ClienteId, tipoActividadId = Tipos["Llamada"], fecha = M("2026-11-04T11:00:00-03:00"), notas = "hola\u0000" });
        Assert.That((await r.ProblemaAsync(400)).CamposConError(), Does.Contain("notas"));
    }

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 5000).Select(i => (byte)(i % 251))];

    private async Task<HttpResponseMessage> AdjuntarAsync(string actividadId, byte[] contenido, string nombre, HttpClient? api = null)
    {
        using var form = new MultipartFormDataContent();
        var archivo = new ByteArrayContent(contenido);
        archivo.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(archivo, "archivo", nombre);
        return await (api ?? Api).PostAsync($"/api/v1/gestion/actividades/{actividadId}/adjuntos", form);
    }

    [Test]
    public async Task Un_adjunto_se_reconoce_por_su_contenido_y_se_descarga_igual()
    {
        var a = await (await RegistrarAsync("Carta", M("2026-11-04T11:00:00-03:00"))).JsonAsync(201);
        var adjunto = await (await AdjuntarAsync(a.Id(), Pdf, "../../carta cobranza.exe")).JsonAsync(201);
        Assert.That(((string?)adjunto["contentType"], (string?)adjunto["nombre"], (long)adjunto["tamano"]!), Is.EqualTo(("application/pdf", "carta cobranza.pdf", (long)Pdf.Length)));

        var descarga = await Api.GetAsync($"/api/v1/gestion/actividades/{a.Id()}/adjuntos/{adjunto.Id()}");
        Assert.That(descarga.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That(await descarga.Content.ReadAsByteArrayAsync(), Is.EqualTo(Pdf));
        Assert.That(descarga.Content.Headers.ContentDisposition?.FileNameStar ?? descarga.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("carta cobranza.pdf"));

        var leida = await (await Api.GetAsync($"/api/v1/gestion/actividades/{a.Id()}")).JsonAsync();
        Assert.That(leida["adjuntos"]!.AsArray().Select(x => (string)x!["id"]!), Is.EqualTo(new[] { adjunto.Id() }));

        var otraEmpresa = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));
        await (await otraEmpresa.GetAsync($"/api/v1/gestion/actividades/{a.Id()}/adjuntos/{adjunto.Id()}")).ProblemaAsync(404);
        await (await AdjuntarAsync(a.Id(), Pdf, "x.pdf", otraEmpresa)).ProblemaAsync(404);
    }

    [Test]
    public async Task Un_adjunto_de_tipo_no_permitido_o_demasiado_grande_se_rechaza()
    {
        var a = await (await RegistrarAsync("Carta", M("2026-11-04T11:00:00-03:00"))).JsonAsync(201);
        var texto = await (await AdjuntarAsync(a.Id(), "MZ ejecutable disfrazado"u8.ToArray(), "carta.pdf")).ProblemaAsync(422);
        Assert.That((string)texto["detail"]!, Does.Contain("no está permitido"));

        var grande = new byte[(20 * 1024 * 1024) + 1];
        Pdf.CopyTo(grande, 0);
        var p = await (await AdjuntarAsync(a.Id(), grande, "grande.pdf")).ProblemaAsync(413);
        Assert.That((string)p["detail"]!, Does.Contain("20 MB"));
        var leida = await (await Api.GetAsync($"/api/v1/gestion/actividades/{a.Id()}")).JsonAsync();
        Assert.That(leida["adjuntos"]!.AsArray(), Is.Empty);
    }
}

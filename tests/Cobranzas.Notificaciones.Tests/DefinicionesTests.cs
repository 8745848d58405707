using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Notificaciones.Tests;

public sealed class DefinicionesTests : PruebaNotificaciones
{
    private const string Ruta = "/api/v1/notificaciones/definiciones";

    private const string Plantilla = """
        <p>Estimado cliente {{ cliente.nombre }} (RUT {{ cliente.rut }}):</p>
        <p>Su deuda vencida es {{ deuda.vencida }} desde el {{ deuda.vencimiento_mas_antiguo }}.</p>
        {{ tabla_documentos }}
        <p>Su ejecutivo: {{ cobrador.nombre }}</p>
        """;

    private static JsonObject Definicion(Action<JsonObject>? cambio = null)
    {
        var d = new JsonObject
        {
            ["tipo"] = "documentos_vencidos", ["asunto"] = "Documentos vencidos de {{ cliente.nombre }}", ["descripcion"] = "Semanal", ["incluirCuentas"] = true,
            ["cuentaIds"] = new JsonArray(), ["frecuencia"] = "semanal", ["diasSemana"] = new JsonArray(1, 4), ["diaMes"] = null, ["hora"] = "09:00:00",
            ["diasAntes"] = null, ["diasVencidoMinimo"] = 1, ["modo"] = "cliente",
            ["destinatarios"] = new JsonObject { ["rolesContacto"] = new JsonArray("cobranza", "pagos"), ["montoVencidoMinimo"] = 0 },
            ["plantilla"] = Plantilla, ["firma"] = "Equipo de cobranzas", ["responderA"] = "cobranzas@cobranzasdelsur.cl",
        };
        cambio?.Invoke(d);
        return d;
    }

    private async Task<JsonNode> CrearAsync(JsonObject? d = null) => await (await Api.PostAsJsonAsync(Ruta, d ?? Definicion())).JsonAsync(201);

    private async Task CuentaAsync() =>
        await (await Api.PostAsJsonAsync("/api/v1/notificaciones/cuentas-deposito", new
        {
            banco = "Banco Estado", tipoCuenta = "rut", numero = "76086428", titular = "Cobranzas del Sur SpA", rutTitular = "76086428-5", emailNotificacion = (string?)null,
        })).JsonAsync(201);

    private static bool Campo(JsonObject problema, string campo) =>
        problema.CamposConError().Any(c => c.EndsWith(campo, StringComparison.OrdinalIgnoreCase));

    private static string Errores(JsonObject problema) => problema["errors"]!.ToJsonString();

    [Test]
    public async Task Se_crea_lista_edita_desactiva_y_activa_con_su_programacion()
    {
        var d = await CrearAsync();
        Assert.That((string)d["programacion"]!, Is.EqualTo("0 0 9 ? * MON,THU"));
        Assert.That((string)d["destinatarios"]!["rolesContacto"]![0]!, Is.EqualTo("cobranza"));

        var editada = await (await Api.PutAsJsonAsync($"{Ruta}/{d.Id()}", Definicion(x =>
        {
            x["tipo"] = "recordatorio_preventivo";
            x["frecuencia"] = "mensual";
            x["diaMes"] = 31;
            x["diasAntes"] = 5;
            x["hora"] = "08:30:00";
        }))).JsonAsync();
        Assert.That((string)editada["programacion"]!, Is.EqualTo("0 30 8 L * ?"));
        Assert.That(editada["diasSemana"]!.AsArray(), Is.Empty);

        await (await Api.PostAsync($"{Ruta}/{d.Id()}/desactivar", null)).JsonAsync();
        Assert.That((await (await Api.GetAsync(Ruta)).JsonAsync()).AsArray(), Is.Empty);
        Assert.That((await (await Api.GetAsync($"{Ruta}?incluirInactivas=true")).JsonAsync()).AsArray(), Has.Count.EqualTo(1));
        var activa = await (await Api.PostAsync($"{Ruta}/{d.Id()}/activar", null)).JsonAsync();
        Assert.That((bool)activa["activa"]!, Is.True);
    }

    [Test]
    public async Task Un_error_de_la_plantilla_se_informa_en_su_campo_con_la_linea()
    {
        var problema = await (await Api.PostAsJsonAsync(Ruta, Definicion(x => x["plantilla"] = "<p>Hola</p>\n<p>{{ if cliente.nombre }} sin cerrar</p>\n"))).ProblemaAsync(400);
        Assert.That(Campo(problema, "plantilla"), Is.True, Errores(problema));
        Assert.That(Errores(problema), Does.Contain("línea 2").Or.Contain("l\\u00EDnea 2"));

        problema = await (await Api.PostAsJsonAsync(Ruta, Definicion(x => x["asunto"] = "Deuda {{ end }}"))).ProblemaAsync(400);
        Assert.That(Campo(problema, "asunto"), Is.True, Errores(problema));
    }

    [Test]
    public async Task La_programacion_y_el_tipo_se_validan()
    {
        var p = await (await Api.PostAsJsonAsync(Ruta, Definicion(x => x["diasSemana"] = new JsonArray()))).ProblemaAsync(400);
        Assert.That(Campo(p, "diasSemana"), Is.True, Errores(p));
        p = await (await Api.PostAsJsonAsync(Ruta, Definicion(x => x["diasSemana"] = new JsonArray(0, 8)))).ProblemaAsync(400);
        Assert.That(Campo(p, "diasSemana"), Is.True, Errores(p));
        p = await (await Api.PostAsJsonAsync(Ruta, Definicion(x => x["frecuencia"] = "mensual"))).ProblemaAsync(400);
        Assert.That(Campo(p, "diaMes"), Is.True, Errores(p));
        p = await (await Api.PostAsJsonAsync(Ruta, Definicion(x => x["tipo"] = "recordatorio_preventivo"))).ProblemaAsync(400);
        Assert.That(Campo(p, "diasAntes"), Is.True, Errores(p));
        p = await (await Api.PostAsJsonAsync(Ruta, Definicion(x => x["destinatarios"]!["rolesContacto"] = new JsonArray("jefe")))).ProblemaAsync(400);
        Assert.That(Campo(p, "rolesContacto"), Is.True, Errores(p));
        p = await (await Api.PostAsJsonAsync(Ruta, Definicion(x => x["descripcion"] = "Con\0nulo"))).ProblemaAsync(400);
        Assert.That(p.CamposConError(), Is.Not.Empty);
    }

    [Test]
    public async Task Una_cuenta_o_un_cobrador_de_otra_empresa_no_se_acepta_y_su_definicion_no_existe()
    {
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));
        var cuentaAjena = await (await otra.PostAsJsonAsync("/api/v1/notificaciones/cuentas-deposito", new
        {
            banco = "Banco", tipoCuenta = "vista", numero = "1", titular = "Otra", rutTitular = "76086428-5", emailNotificacion = (string?)null,
        })).JsonAsync(201);
        await (await Api.PostAsJsonAsync(Ruta, Definicion(x => x["cuentaIds"] = new JsonArray(cuentaAjena.Id())))).ProblemaAsync(422);
        await (await Api.PostAsJsonAsync(Ruta, Definicion(x => x["destinatarios"]!["cobradorIds"] = new JsonArray(Guid.NewGuid().ToString())))).ProblemaAsync(422);

        var d = await CrearAsync();
        await (await otra.GetAsync($"{Ruta}/{d.Id()}")).ProblemaAsync(404);
        await (await otra.PutAsJsonAsync($"{Ruta}/{d.Id()}", Definicion())).ProblemaAsync(404);
        await (await otra.PostAsJsonAsync($"{Ruta}/{d.Id()}/vista-previa", new { clienteId = (string?)null })).ProblemaAsync(404);
    }

    [Test]
    public async Task La_vista_previa_con_un_cliente_real_llena_las_etiquetas_y_el_bloque_de_cuentas()
    {
        await CuentaAsync();
        await FacturaAsync(4711, 250_000m, Hoy.AddDays(-40), Hoy.AddDays(-10));
        await FacturaAsync(4712, 100_000m, Hoy.AddDays(-5), Hoy.AddDays(20));
        var d = await CrearAsync();

        var vista = await (await Api.PostAsJsonAsync($"{Ruta}/{d.Id()}/vista-previa", new { clienteId = (string?)null })).JsonAsync();
        var html = (string)vista["html"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string)vista["clienteId"]!, Is.EqualTo(ClienteId));
            Assert.That((string)vista["asunto"]!, Does.StartWith("Documentos vencidos de "));
            Assert.That(html, Does.Contain("Su deuda vencida es $250.000"));
            Assert.That(html, Does.Contain(">4711<"));
            Assert.That(html, Does.Not.Contain(">4712<"));
            Assert.That(html, Does.Contain("Datos para depósito"));
            Assert.That(html, Does.Contain("76.086.428-5"));
            Assert.That((string)vista["texto"]!, Does.Contain("Equipo de cobranzas"));
        });

        var borrador = await (await Api.PostAsJsonAsync($"{Ruta}/vista-previa", new
        {
            definicion = Definicion(x => x["plantilla"] = "<p>{{ deuda.total }} de {{ cliente.nombre }}</p>"), clienteId = ClienteId,
        })).JsonAsync();
        Assert.That((string)borrador["html"]!, Does.Contain("$350.000 de "));

        var ajeno = (await (await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"))).CrearClienteAsync()).Id();
        await (await Api.PostAsJsonAsync($"{Ruta}/{d.Id()}/vista-previa", new { clienteId = ajeno })).ProblemaAsync(404);
    }

    [Test]
    public async Task La_prueba_llega_al_correo_del_usuario_marcada_y_queda_registrada()
    {
        await FacturaAsync(5001, 80_000m, Hoy.AddDays(-30), Hoy.AddDays(-3));
        var d = await CrearAsync();

        var r = await (await Api.PostAsJsonAsync($"{Ruta}/{d.Id()}/prueba", new { clienteId = ClienteId })).JsonAsync();
        Assert.That((string)r["para"]!, Is.EqualTo(Empresa.EmailAdmin));

        var correo = await Fixture.Correo.EsperarCorreoAsync(Empresa.EmailAdmin);
        Assert.That(correo.Asunto, Does.StartWith("[PRUEBA] Documentos vencidos de "));
        Assert.That(correo.Html, Does.Contain(">5001<"));
        Assert.That(correo.Texto, Does.Contain("Su deuda vencida es $80.000"));
    }

    [Test]
    public async Task El_logo_acepta_png_jpeg_o_gif_de_hasta_1_mb_y_se_ve_sin_sesion()
    {
        await FacturaAsync(6001, 10_000m, Hoy.AddDays(-30), Hoy.AddDays(-3));
        var d = await CrearAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

        await (await Api.PutAsync($"{Ruta}/{d.Id()}/logo", Archivo("texto.png"u8.ToArray(), "logo.png"))).ProblemaAsync(422);
        var pdf = "%PDF-1.4 no es imagen"u8.ToArray();
        await (await Api.PutAsync($"{Ruta}/{d.Id()}/logo", Archivo(pdf, "logo.png"))).ProblemaAsync(422);
        var grande = new byte[1024 * 1024 + 1];
        png.CopyTo(grande, 0);
        await (await Api.PutAsync($"{Ruta}/{d.Id()}/logo", Archivo(grande, "logo.png"))).ProblemaAsync(422);

        var conLogo = await (await Api.PutAsync($"{Ruta}/{d.Id()}/logo", Archivo(png, "logo.bin"))).JsonAsync();
        Assert.That((bool)conLogo["tieneLogo"]!, Is.True);
        var propio = await Api.GetAsync($"{Ruta}/{d.Id()}/logo");
        Assert.That(propio.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        Assert.That(await propio.Content.ReadAsByteArrayAsync(), Is.EqualTo(png));
        var gif = await (await Api.PutAsync($"{Ruta}/{d.Id()}/logo", Archivo([.. "GIF89a"u8.ToArray(), 1, 0, 1, 0], "x.gif"))).JsonAsync();
        Assert.That((bool)gif["tieneLogo"]!, Is.True);

        var vista = await (await Api.PostAsJsonAsync($"{Ruta}/{d.Id()}/vista-previa", new { clienteId = ClienteId })).JsonAsync();
        var url = System.Text.RegularExpressions.Regex.Match((string)vista["html"]!, "<img src=\"([^\"]+)\"").Groups[1].Value;
        Assert.That(url, Does.StartWith("http").And.Contain("/api/v1/notificaciones/logos/"));
        var publico = await Fixture.ClienteAnonimo().GetAsync(new Uri(url).PathAndQuery);
        Assert.That((int)publico.StatusCode, Is.EqualTo(200));
        Assert.That(publico.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/gif"));
        await (await Fixture.ClienteAnonimo().GetAsync("/api/v1/notificaciones/logos/falso" + Guid.NewGuid().ToString("N"))).ProblemaAsync(404);

        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));
        await (await otra.GetAsync($"{Ruta}/{d.Id()}/logo")).ProblemaAsync(404);
        await (await otra.PutAsync($"{Ruta}/{d.Id()}/logo", Archivo(png, "logo.png"))).ProblemaAsync(404);
    }

    [Test]
    public async Task El_catalogo_de_etiquetas_se_entrega()
    {
        var etiquetas = (await (await Api.GetAsync("/api/v1/notificaciones/plantillas/etiquetas")).JsonAsync()).AsArray();
        Assert.That(etiquetas.Select(e => (string)e!["etiqueta"]!), Does.Contain("cliente.nombre").And.Contain("cuentas_deposito"));
    }

    private static MultipartFormDataContent Archivo(byte[] contenido, string nombre) =>
        new() { { new ByteArrayContent(contenido) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "archivo", nombre } };
}

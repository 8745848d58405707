using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Platform.Tests.Usuarios;

/// <summary>A role change rules the sessions the user already has, at once, and the API keys the user created.</summary>
public sealed class CambioRolTests : PruebaApi
{
    [Test]
    public async Task Supervisor_rebajado_a_consulta_ya_no_crea_grupos_con_el_mismo_token()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var supervisor = await Fixture.CrearUsuarioAsync(empresa, "Supervisor");
        var api = await Fixture.IniciarSesionAsync(supervisor.Email, supervisor.Password);
        await (await api.PostAsJsonAsync("/api/v1/grupos-clientes", new { nombre = "Zona Sur", descripcion = (string?)null })).JsonAsync(201);

        await (await admin.PutAsJsonAsync($"/api/v1/usuarios/{supervisor.Id}/rol", new { rol = "Consulta" })).JsonAsync();

        await (await api.PostAsJsonAsync("/api/v1/grupos-clientes", new { nombre = "Zona Norte", descripcion = (string?)null })).TextoAsync(403);
        var grupos = await (await api.GetAsync("/api/v1/grupos-clientes")).JsonAsync();
        Assert.That(grupos.AsArray().Select(g => (string?)g!["nombre"]), Is.EqualTo(new[] { "Zona Sur" }));
        var sesion = await (await api.GetAsync("/api/v1/auth/sesion")).JsonAsync();
        Assert.That((string?)sesion["empresa"]!["rol"], Is.EqualTo("Consulta"));
        Assert.That(sesion["permisos"]!.AsArray().Select(p => (string?)p), Is.EqualTo(new[] { "ver" }));
    }

    [Test]
    public async Task Administrador_rebajado_a_consulta_ya_no_crea_api_keys_con_el_mismo_token()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var otroAdmin = await Fixture.CrearUsuarioAsync(empresa, "Administrador");
        var api = await Fixture.IniciarSesionAsync(otroAdmin.Email, otroAdmin.Password);
        await (await api.PostAsJsonAsync("/api/v1/api-keys", new { nombre = "ERP", alcance = "lectura_escritura" })).JsonAsync(201);

        var admin = await Fixture.ClienteHttpAsync(empresa);
        await (await admin.PutAsJsonAsync($"/api/v1/usuarios/{otroAdmin.Id}/rol", new { rol = "Consulta" })).JsonAsync();

        await (await api.PostAsJsonAsync("/api/v1/api-keys", new { nombre = "ERP 2", alcance = "lectura_escritura" })).TextoAsync(403);
        await (await api.GetAsync("/api/v1/api-keys")).TextoAsync(403);
        await (await api.GetAsync("/api/v1/clientes")).JsonAsync();
    }

    [Test]
    public async Task Rebajar_al_creador_revoca_sus_api_keys_que_conceden_mas_que_su_nuevo_rol_y_lo_audita()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var otroAdmin = await Fixture.CrearUsuarioAsync(empresa, "Administrador");
        var api = await Fixture.IniciarSesionAsync(otroAdmin.Email, otroAdmin.Password);
        var escritura = await (await api.PostAsJsonAsync("/api/v1/api-keys", new { nombre = "ERP escritura", alcance = "lectura_escritura" })).JsonAsync(201);
        var lectura = await (await api.PostAsJsonAsync("/api/v1/api-keys", new { nombre = "BI lectura", alcance = "lectura" })).JsonAsync(201);
        var delAdmin = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { nombre = "ERP del admin", alcance = "lectura_escritura" })).JsonAsync(201);
        var erp = Fixture.ConApiKey((string)escritura["clave"]!);
        var bi = Fixture.ConApiKey((string)lectura["clave"]!);
        var erpDelAdmin = Fixture.ConApiKey((string)delAdmin["clave"]!);
        await erp.CrearClienteAsync();

        await (await admin.PutAsJsonAsync($"/api/v1/usuarios/{otroAdmin.Id}/rol", new { rol = "Supervisor" })).JsonAsync();
        await erp.CrearClienteAsync();

        await (await admin.PutAsJsonAsync($"/api/v1/usuarios/{otroAdmin.Id}/rol", new { rol = "Consulta" })).JsonAsync();

        await (await erp.GetAsync("/api/v1/clientes")).TextoAsync(401);
        await (await bi.GetAsync("/api/v1/clientes")).JsonAsync();
        await erpDelAdmin.CrearClienteAsync();
        var claves = await (await admin.GetAsync("/api/v1/api-keys")).JsonAsync();
        Assert.That(claves.AsArray().Where(k => k!["revocada"] is not null).Select(k => (string?)k!["nombre"]), Is.EqualTo(new[] { "ERP escritura" }));
        var auditoria = await (await admin.GetAsync($"/api/v1/auditoria?entidad=ApiKey&entidadId={(string)escritura["apiKey"]!["id"]!}")).JsonAsync();
        var revocacion = auditoria["items"]!.AsArray().Single(e => (string?)e!["operacion"] == "modificar")!;
        Assert.That((string?)revocacion["actor"], Is.EqualTo(empresa.EmailAdmin));
        Assert.That(JsonNode.Parse((string)revocacion["despues"]!)!["Revocada"], Is.Not.Null);
    }

    [Test]
    public async Task Desactivar_al_creador_revoca_sus_api_keys()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var otroAdmin = await Fixture.CrearUsuarioAsync(empresa, "Administrador");
        var api = await Fixture.IniciarSesionAsync(otroAdmin.Email, otroAdmin.Password);
        var lectura = await (await api.PostAsJsonAsync("/api/v1/api-keys", new { nombre = "BI lectura", alcance = "lectura" })).JsonAsync(201);
        var bi = Fixture.ConApiKey((string)lectura["clave"]!);

        await (await admin.PostAsync($"/api/v1/usuarios/{otroAdmin.Id}/desactivar", null)).JsonAsync();

        await (await bi.GetAsync("/api/v1/clientes")).TextoAsync(401);
    }

    [Test]
    public async Task Subir_el_rol_rige_en_la_sesion_abierta()
    {
        var empresa = await Fixture.CrearEmpresaAsync("Ferretería Austral");
        var admin = await Fixture.ClienteHttpAsync(empresa);
        var usuario = await Fixture.CrearUsuarioAsync(empresa, "Consulta");
        var api = await Fixture.IniciarSesionAsync(usuario.Email, usuario.Password);
        await (await api.PostAsJsonAsync("/api/v1/clientes", Datos.Cliente())).TextoAsync(403);

        await (await admin.PutAsJsonAsync($"/api/v1/usuarios/{usuario.Id}/rol", new { rol = "Cobrador" })).JsonAsync();
        await api.CrearClienteAsync();

        await (await admin.PutAsJsonAsync($"/api/v1/usuarios/{usuario.Id}/rol", new { rol = "Administrador" })).JsonAsync();
        await (await api.GetAsync("/api/v1/usuarios")).JsonAsync();
    }
}

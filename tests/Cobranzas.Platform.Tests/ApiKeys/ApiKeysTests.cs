using System.Net.Http.Json;
using Cobranzas.Testing;

namespace Cobranzas.Platform.Tests.ApiKeys;

public sealed class ApiKeysTests : PruebaApi
{
    private EmpresaPrueba _empresa = null!;
    private HttpClient _admin = null!;

    [SetUp]
    public async Task CrearEmpresaAsync()
    {
        _empresa = await Fixture.CrearEmpresaAsync("Textiles Maipo");
        _admin = await Fixture.ClienteHttpAsync(_empresa);
    }

    private async Task<(string Id, string Clave)> CrearClaveAsync(string alcance, string nombre = "ERP Softland")
    {
        var creada = await (await _admin.PostAsJsonAsync("/api/v1/api-keys", new { nombre, alcance })).JsonAsync(201);
        return ((string)creada["apiKey"]!["id"]!, (string)creada["clave"]!);
    }

    [Test]
    public async Task La_clave_se_muestra_solo_al_crearla_y_el_listado_nunca_trae_el_secreto()
    {
        var creada = await (await _admin.PostAsJsonAsync("/api/v1/api-keys", new { nombre = "ERP Softland", alcance = "lectura" })).JsonAsync(201);
        var clave = (string)creada["clave"]!;
        var prefijo = (string)creada["apiKey"]!["prefijo"]!;

        Assert.That(clave, Does.StartWith($"ck_{prefijo}_"));
        var secreto = clave[$"ck_{prefijo}_".Length..];
        var listado = await (await _admin.GetAsync("/api/v1/api-keys")).TextoAsync(200);
        Assert.That(listado, Does.Contain(prefijo));
        Assert.That(listado, Does.Not.Contain(secreto).And.Not.Contain("\"clave\""));
        var auditoria = await (await _admin.GetAsync("/api/v1/auditoria?entidad=ApiKey")).TextoAsync(200);
        Assert.That(auditoria, Does.Contain(prefijo).And.Not.Contain(secreto));
    }

    [Test]
    public async Task Clave_de_solo_lectura_lee_pero_no_escribe()
    {
        var (_, clave) = await CrearClaveAsync("lectura");
        var erp = Fixture.ConApiKey(clave);

        await (await erp.GetAsync("/api/v1/clientes")).JsonAsync(200);
        await (await erp.PostAsJsonAsync("/api/v1/clientes", Datos.Cliente())).TextoAsync(403);
    }

    [Test]
    public async Task Clave_de_lectura_y_escritura_escribe_y_queda_como_actor_en_la_auditoria()
    {
        var (_, clave) = await CrearClaveAsync("lectura_escritura", "ERP Defontana");
        var erp = Fixture.ConApiKey(clave);

        var cliente = await erp.CrearClienteAsync();

        var auditoria = await (await _admin.GetAsync($"/api/v1/auditoria?entidad=Cliente&entidadId={cliente.Id()}")).JsonAsync();
        Assert.That(auditoria["items"]!.AsArray().Select(e => (string?)e!["actor"]), Is.EqualTo(new[] { "api-key:ERP Defontana" }));
    }

    [Test]
    public async Task Clave_revocada_responde_401()
    {
        var (id, clave) = await CrearClaveAsync("lectura");
        var erp = Fixture.ConApiKey(clave);
        await (await erp.GetAsync("/api/v1/clientes")).JsonAsync(200);

        var revocada = await (await _admin.DeleteAsync($"/api/v1/api-keys/{id}")).JsonAsync();

        Assert.That((string?)revocada["revocada"], Is.Not.Null);
        await (await erp.GetAsync("/api/v1/clientes")).TextoAsync(401);
    }

    [Test]
    public async Task Clave_inventada_o_mal_formada_responde_401()
    {
        var (_, clave) = await CrearClaveAsync("lectura");

        await (await Fixture.ConApiKey(clave[..^2] + "xx").GetAsync("/api/v1/clientes")).TextoAsync(401);
        await (await Fixture.ConApiKey("no-es-una-clave").GetAsync("/api/v1/clientes")).TextoAsync(401);
    }

    [Test]
    public async Task Se_registra_el_ultimo_uso_de_la_clave()
    {
        var (id, clave) = await CrearClaveAsync("lectura");
        var erp = Fixture.ConApiKey(clave);
        Assert.That(await UltimoUsoAsync(id), Is.Null);

        await (await erp.GetAsync("/api/v1/clientes")).JsonAsync(200);
        var primerUso = Fixture.Reloj.GetUtcNow();
        Assert.That(await UltimoUsoAsync(id), Is.EqualTo(primerUso).Within(TimeSpan.FromMilliseconds(1)));

        Fixture.Reloj.Advance(TimeSpan.FromMinutes(5));
        await (await erp.GetAsync("/api/v1/politicas-credito")).JsonAsync(200);
        Assert.That(await UltimoUsoAsync(id), Is.EqualTo(Fixture.Reloj.GetUtcNow()).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task Una_api_key_no_administra_usuarios_ni_claves_ni_cierra_sesiones()
    {
        var (_, clave) = await CrearClaveAsync("lectura_escritura");
        var erp = Fixture.ConApiKey(clave);

        await (await erp.GetAsync("/api/v1/usuarios")).TextoAsync(403);
        await (await erp.PostAsJsonAsync("/api/v1/api-keys", new { nombre = "Otra", alcance = "lectura_escritura" })).TextoAsync(403);
        await (await erp.PostAsync("/api/v1/auth/logout", null)).TextoAsync(403);
    }

    [Test]
    public async Task Alcance_desconocido_se_rechaza_nombrando_el_campo()
    {
        var problema = await (await _admin.PostAsJsonAsync("/api/v1/api-keys", new { nombre = "ERP", alcance = "todo" })).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "alcance" }));
    }

    private async Task<DateTimeOffset?> UltimoUsoAsync(string id)
    {
        var claves = await (await _admin.GetAsync("/api/v1/api-keys")).JsonAsync();
        var uso = (string?)claves.AsArray().Single(k => (string?)k!["id"] == id)!["ultimoUso"];
        return uso is null ? null : DateTimeOffset.Parse(uso);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Testing;

namespace Cobranzas.Gestion.Tests;

public sealed class AsignacionTests : PruebaGestion
{
    private async Task<string> CobradorAsync(string nombre, string[]? comunas = null, string[]? regiones = null, string? usuarioId = null, HttpClient? api = null) =>
        (await (await (api ?? Api).PostAsJsonAsync("/api/v1/gestion/cobradores", new
        {
            nombre, email = $"{nombre.Replace(' ', '.').ToLowerInvariant()}@empresa.test", telefono = "+56 9 5555 0000", usuarioId, regiones = regiones ?? [], comunas = comunas ?? [],
        })).JsonAsync(201)).Id();

    private async Task<string> ClienteAsync(string? comuna = null, string? region = null, string segmento = "Retail", bool cuentaClave = false) =>
        (await Api.CrearClienteAsync(Datos.Cliente(comuna: comuna, region: region, segmento: segmento, cuentaClave: cuentaClave))).Id();

    private async Task<JsonNode> ResponsableAsync(string clienteId, HttpClient? api = null) =>
        await (await (api ?? Api).GetAsync($"/api/v1/gestion/asignaciones/{clienteId}")).JsonAsync();

    private async Task<string> CarteraAsync(string nombre, string? cobradorId, int prioridad, params string[] clienteIds)
    {
        var id = (await (await Api.PostAsJsonAsync("/api/v1/gestion/carteras", new { nombre, descripcion = (string?)null, cobradorId, prioridad })).JsonAsync(201)).Id();
        if (clienteIds.Length > 0)
            await (await Api.PostAsJsonAsync($"/api/v1/gestion/carteras/{id}/clientes", new { clienteIds })).JsonAsync();
        return id;
    }

    private async Task ReglasAsync(params object[] reglas) =>
        await (await Api.PutAsJsonAsync("/api/v1/gestion/reglas-asignacion", new { reglas })).JsonAsync();

    private static (string? Cobrador, string? Origen) De(JsonNode r) => ((string?)r["cobradorId"], (string?)r["origen"]);

    [Test]
    public async Task Un_cliente_nuevo_toma_el_cobrador_de_su_comuna_antes_que_el_de_su_region()
    {
        var region = await CobradorAsync("Rosa Región", regiones: ["Metropolitana de Santiago"]);
        var comuna = await CobradorAsync("Carlos Comuna", comunas: ["Ñuñoa"]);
        var enComuna = await ClienteAsync("nunoa", "Metropolitana de Santiago");
        var enRegion = await ClienteAsync("Maipú", "Metropolitana de Santiago");
        var fuera = await ClienteAsync("Temuco", "La Araucanía");

        Assert.That(De(await ResponsableAsync(enComuna)), Is.EqualTo((comuna, "zona")));
        Assert.That(De(await ResponsableAsync(enRegion)), Is.EqualTo((region, "zona")));
        Assert.That(De(await ResponsableAsync(fuera)), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public async Task Manual_gana_a_cartera_que_gana_a_segmento_que_gana_a_zona()
    {
        var zona = await CobradorAsync("Zoe Zona", comunas: ["Providencia"]);
        var segmento = await CobradorAsync("Sergio Segmento");
        var cartera = await CobradorAsync("Carla Cartera");
        var manual = await CobradorAsync("Manuel Manual");
        var cliente = await ClienteAsync("Providencia", segmento: "Mayorista");
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((zona, "zona")));

        await ReglasAsync(new { tipo = "segmento", segmento = "Mayorista", cobradorId = segmento });
        var simulado = await (await Api.PostAsJsonAsync("/api/v1/gestion/asignaciones/recalcular", new { simular = true })).JsonAsync();
        Assert.That((int)simulado["cambios"]!, Is.EqualTo(1));
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((zona, "zona")), "simular no guarda");
        var aplicado = await (await Api.PostAsJsonAsync("/api/v1/gestion/asignaciones/recalcular", new { simular = false })).JsonAsync();
        Assert.That((string?)aplicado["detalle"]![0]!["cobradorNuevoId"], Is.EqualTo(segmento));
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((segmento, "segmento")));

        await CarteraAsync("Grandes cuentas", cartera, 1, cliente);
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((cartera, "cartera")));

        await (await Api.PutAsJsonAsync($"/api/v1/gestion/asignaciones/{cliente}", new { cobradorId = manual })).JsonAsync();
        await (await Api.PostAsJsonAsync("/api/v1/gestion/asignaciones/recalcular", new { simular = false })).JsonAsync();
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((manual, "manual")), "recalcular conserva lo manual");

        await (await Api.PutAsJsonAsync($"/api/v1/gestion/asignaciones/{cliente}", new { cobradorId = (string?)null })).JsonAsync();
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((cartera, "cartera")), "quitar lo manual devuelve el cliente a las reglas");
    }

    [Test]
    public async Task Un_cliente_en_dos_carteras_toma_la_de_menor_prioridad()
    {
        var a = await CobradorAsync("Ana Alta");
        var b = await CobradorAsync("Beto Baja");
        var cliente = await ClienteAsync();
        await CarteraAsync("Cartera B", b, 5, cliente);
        await CarteraAsync("Cartera A", a, 1, cliente);
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((a, "cartera")));
    }

    [Test]
    public async Task La_regla_de_cuenta_clave_asigna_las_cuentas_clave()
    {
        var clave = await CobradorAsync("Karen Clave");
        await ReglasAsync(new { tipo = "cuenta_clave", segmento = (string?)null, cobradorId = clave });
        var cliente = await ClienteAsync(cuentaClave: true);
        var otro = await ClienteAsync(cuentaClave: false);
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((clave, "cuenta_clave")));
        Assert.That(De(await ResponsableAsync(otro)).Cobrador, Is.Null);
        var reglas = await (await Api.GetAsync("/api/v1/gestion/reglas-asignacion")).JsonAsync();
        Assert.That(reglas["orden"]!.AsArray().Select(o => (string)o!), Is.EqualTo(new[] { "manual", "cartera", "segmento", "cuenta_clave", "zona" }));
    }

    [Test]
    public async Task Cambiar_la_comuna_o_el_segmento_de_un_cliente_lo_reasigna()
    {
        var norte = await CobradorAsync("Nora Norte", comunas: ["Antofagasta"]);
        var sur = await CobradorAsync("Silvio Sur", comunas: ["Puerto Montt"]);
        var gobierno = await CobradorAsync("Gabriela Gobierno");
        await ReglasAsync(new { tipo = "segmento", segmento = "Gobierno", cobradorId = gobierno });
        var rut = Datos.RutNuevo();
        var cliente = (await Api.CrearClienteAsync(Datos.Cliente(rut, "Pesquera Austral SpA", comuna: "Antofagasta"))).Id();
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((norte, "zona")));

        await (await Api.PutAsJsonAsync($"/api/v1/clientes/{cliente}", Datos.Cliente(rut, "Pesquera Austral SpA", comuna: "Puerto Montt"))).JsonAsync();
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((sur, "zona")));

        await (await Api.PutAsJsonAsync($"/api/v1/clientes/{cliente}", Datos.Cliente(rut, "Pesquera Austral SpA", comuna: "Puerto Montt", segmento: "Gobierno"))).JsonAsync();
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((gobierno, "segmento")));
    }

    [Test]
    public async Task La_reasignacion_masiva_mueve_exactamente_los_seleccionados_y_queda_auditada()
    {
        var desde = await CobradorAsync("Diego Desde", comunas: ["Talca", "Curicó"]);
        var hacia = await CobradorAsync("Hilda Hacia");
        var talca1 = await ClienteAsync("Talca");
        var talca2 = await ClienteAsync("Talca");
        var curico = await ClienteAsync("Curicó");
        var sinCobrador = await ClienteAsync("Talca", segmento: "Mayorista");
        await (await Api.PutAsJsonAsync($"/api/v1/gestion/asignaciones/{sinCobrador}", new { cobradorId = hacia })).JsonAsync();

        var cuerpo = new { desdeCobradorId = desde, clienteIds = (string[]?)null, filtro = new { segmento = (string?)null, region = (string?)null, comuna = "talca", carteraId = (string?)null }, haciaCobradorId = hacia, simular = true };
        var vista = await (await Api.PostAsJsonAsync("/api/v1/gestion/asignaciones/reasignar", cuerpo)).JsonAsync();
        Assert.That((int)vista["movidos"]!, Is.EqualTo(2));
        Assert.That(De(await ResponsableAsync(talca1)).Cobrador, Is.EqualTo(desde), "simular no mueve");

        var hecho = await (await Api.PostAsJsonAsync("/api/v1/gestion/asignaciones/reasignar", cuerpo with { simular = false })).JsonAsync();
        Assert.That(hecho["clienteIds"]!.AsArray().Select(i => (string)i!), Is.EquivalentTo(new[] { talca1, talca2 }));
        Assert.That(De(await ResponsableAsync(talca1)), Is.EqualTo((hacia, "manual")));
        Assert.That(De(await ResponsableAsync(talca2)), Is.EqualTo((hacia, "manual")));
        Assert.That(De(await ResponsableAsync(curico)), Is.EqualTo((desde, "zona")));

        var auditoria = await (await Api.GetAsync($"/api/v1/auditoria?entidad=AsignacionCliente&tamanoPagina=200")).JsonAsync();
        var modificadas = auditoria["items"]!.AsArray().Where(e => (string)e!["operacion"]! == "modificar").Select(e => (string)e!["despues"]!).ToList();
        Assert.That(modificadas.Count(d => d.Contains(talca1, StringComparison.Ordinal) || d.Contains(talca2, StringComparison.Ordinal)), Is.EqualTo(2), string.Join("\n", modificadas));

        var lista = await (await Api.GetAsync($"/api/v1/gestion/asignaciones?cobradorId={hacia}")).JsonAsync();
        Assert.That((int)lista["total"]!, Is.EqualTo(3));
    }

    [Test]
    public async Task Desactivar_un_cobrador_con_clientes_pide_destino_y_conserva_su_historia()
    {
        var viejo = await CobradorAsync("Víctor Viejo", comunas: ["Osorno"]);
        var nuevo = await CobradorAsync("Nadia Nueva");
        var cliente = await ClienteAsync("Osorno");

        var problema = await (await Api.PostAsJsonAsync($"/api/v1/gestion/cobradores/{viejo}/desactivar", new { haciaCobradorId = (string?)null, recalcular = false })).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Does.Contain("haciaCobradorId"));

        var dto = await (await Api.PostAsJsonAsync($"/api/v1/gestion/cobradores/{viejo}/desactivar", new { haciaCobradorId = nuevo, recalcular = false })).JsonAsync();
        Assert.That(((bool)dto["activo"]!, (int)dto["clientesAsignados"]!), Is.EqualTo((false, 0)));
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((nuevo, "manual")));

        var inactivos = await (await Api.GetAsync("/api/v1/gestion/cobradores?activo=false")).JsonAsync();
        Assert.That(inactivos.AsArray().Select(c => (string)c!["id"]!), Is.EqualTo(new[] { viejo }), "desactivado, no borrado");
        var auditoria = await (await Api.GetAsync($"/api/v1/auditoria?entidad=Cobrador&entidadId={viejo}")).JsonAsync();
        Assert.That((int)auditoria["total"]!, Is.EqualTo(2), "alta y desactivación");

        await (await Api.PostAsJsonAsync($"/api/v1/gestion/asignaciones/recalcular", new { simular = false })).JsonAsync();
        Assert.That(De(await ResponsableAsync(cliente)).Cobrador, Is.EqualTo(nuevo));
        await (await Api.PostAsync($"/api/v1/gestion/cobradores/{viejo}/activar", null)).JsonAsync();
        var otro = await ClienteAsync("Osorno");
        Assert.That(De(await ResponsableAsync(otro)), Is.EqualTo((viejo, "zona")), "reactivado vuelve a tomar su zona");
    }

    [Test]
    public async Task Desactivar_con_recalcular_devuelve_los_clientes_a_las_reglas()
    {
        var viejo = await CobradorAsync("Valeria Vieja", comunas: ["Arica"]);
        var region = await CobradorAsync("Ramón Región", regiones: ["Arica y Parinacota"]);
        var cliente = await ClienteAsync("Arica", "Arica y Parinacota");
        Assert.That(De(await ResponsableAsync(cliente)).Cobrador, Is.EqualTo(viejo));
        await (await Api.PostAsJsonAsync($"/api/v1/gestion/cobradores/{viejo}/desactivar", new { haciaCobradorId = (string?)null, recalcular = true })).JsonAsync();
        Assert.That(De(await ResponsableAsync(cliente)), Is.EqualTo((region, "zona")));
    }

    [Test]
    public async Task Un_cobrador_solo_ve_y_actua_sobre_sus_clientes()
    {
        var usuarioX = await Fixture.CrearUsuarioAsync(Empresa, "Cobrador");
        var usuarioY = await Fixture.CrearUsuarioAsync(Empresa, "Cobrador");
        var x = await CobradorAsync("Ximena Equis", comunas: ["Valdivia"], usuarioId: usuarioX.Id);
        await CobradorAsync("Yolanda Ye", comunas: ["Chillán"], usuarioId: usuarioY.Id);
        var deX = await ClienteAsync("Valdivia");
        var deY = await ClienteAsync("Chillán");
        var apiX = await Fixture.IniciarSesionAsync(usuarioX.Email, usuarioX.Password, Empresa.Id);

        Assert.That(De(await ResponsableAsync(deX, apiX)).Cobrador, Is.EqualTo(x));
        await (await apiX.GetAsync($"/api/v1/gestion/asignaciones/{deY}")).ProblemaAsync(404);
        var lista = await (await apiX.GetAsync("/api/v1/gestion/asignaciones")).JsonAsync();
        Assert.That(lista["items"]!.AsArray().Select(i => (string)i!["clienteId"]!), Is.EqualTo(new[] { deX }));
        var todos = await (await Api.GetAsync("/api/v1/gestion/asignaciones")).JsonAsync();
        Assert.That((int)todos["total"]!, Is.EqualTo(2), "el administrador ve todo");
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, "Supervisor");
        Assert.That((int)(await (await supervisor.GetAsync("/api/v1/gestion/asignaciones")).JsonAsync())["total"]!, Is.EqualTo(2), "el supervisor ve todo");
        Assert.That(De(await ResponsableAsync(deY, supervisor)).Cobrador, Is.Not.Null);

        var cartera = await CarteraAsync("Mixta", null, 1, deX, deY);
        var miembros = await (await apiX.GetAsync($"/api/v1/gestion/carteras/{cartera}/clientes")).JsonAsync();
        Assert.That(miembros["items"]!.AsArray().Select(i => (string)i!["clienteId"]!), Is.EqualTo(new[] { deX }));

        Assert.That((await apiX.PutAsJsonAsync($"/api/v1/gestion/asignaciones/{deY}", new { cobradorId = x })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await apiX.PostAsJsonAsync("/api/v1/gestion/asignaciones/recalcular", new { simular = true })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await apiX.PostAsJsonAsync("/api/v1/gestion/cobradores", new { nombre = "Intruso" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await apiX.PostAsJsonAsync("/api/v1/gestion/carteras", new { nombre = "Intrusa", prioridad = 0 })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Un_usuario_se_vincula_a_un_solo_cobrador_y_debe_ser_de_la_empresa()
    {
        var usuario = await Fixture.CrearUsuarioAsync(Empresa, "Cobrador");
        await CobradorAsync("Primero", usuarioId: usuario.Id);
        var repetido = await (await Api.PostAsJsonAsync("/api/v1/gestion/cobradores", new { nombre = "Segundo", usuarioId = usuario.Id })).ProblemaAsync(409);
        Assert.That(repetido.CamposConError(), Does.Contain("usuarioId"));

        var otraEmpresa = await Fixture.CrearEmpresaAsync("Otra Empresa");
        var ajeno = await Fixture.CrearUsuarioAsync(otraEmpresa, "Cobrador");
        var problema = await (await Api.PostAsJsonAsync("/api/v1/gestion/cobradores", new { nombre = "Tercero", usuarioId = ajeno.Id })).ProblemaAsync(422);
        Assert.That(problema.CamposConError(), Does.Contain("usuarioId"));
    }

    [Test]
    public async Task Entrada_invalida_responde_en_espanol_nombrando_el_campo()
    {
        var vacio = await (await Api.PostAsJsonAsync("/api/v1/gestion/cobradores", new { nombre = "", email = "no-es-correo" })).ProblemaAsync(400);
        Assert.That(vacio.CamposConError(), Is.SupersetOf(new[] { "nombre", "email" }));
        Assert.That(vacio.ToJsonString(), Does.Contain("Nombre"));
        var nul = await (await Api.PostAsJsonAsync("/api/v1/gestion/cobradores", new { nombre = "Con\0nulo" })).ProblemaAsync(400);
        Assert.That(nul.CamposConError(), Does.Contain("nombre"));
        var regla = await (await Api.PutAsJsonAsync("/api/v1/gestion/reglas-asignacion", new { reglas = new[] { new { tipo = "segmento", segmento = (string?)null, cobradorId = Guid.NewGuid() } } })).ProblemaAsync(400);
        Assert.That(regla.CamposConError().Single(), Does.Contain("segmento"));
        var inexistente = await (await Api.PutAsJsonAsync("/api/v1/gestion/reglas-asignacion", new { reglas = new[] { new { tipo = "cuenta_clave", segmento = (string?)null, cobradorId = Guid.NewGuid() } } })).ProblemaAsync(422);
        Assert.That(inexistente.CamposConError(), Does.Contain("reglas[0].cobradorId"));
        var sinCriterio = await (await Api.PostAsJsonAsync("/api/v1/gestion/asignaciones/reasignar", new { haciaCobradorId = await CobradorAsync("Hacia"), simular = true })).ProblemaAsync(422);
        Assert.That(sinCriterio.CamposConError(), Does.Contain("desdeCobradorId"));
    }

    [Test]
    public async Task Otra_empresa_no_ve_ni_usa_los_cobradores_ni_los_clientes_de_esta()
    {
        var cobrador = await CobradorAsync("Propio", comunas: ["Iquique"]);
        var cliente = await ClienteAsync("Iquique");
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Empresa Ajena"));

        Assert.That((await (await otra.GetAsync("/api/v1/gestion/cobradores")).JsonAsync()).AsArray(), Is.Empty);
        await (await otra.GetAsync($"/api/v1/gestion/cobradores/{cobrador}")).ProblemaAsync(404);
        await (await otra.GetAsync($"/api/v1/gestion/asignaciones/{cliente}")).ProblemaAsync(404);
        await (await otra.PutAsJsonAsync($"/api/v1/gestion/asignaciones/{cliente}", new { cobradorId = (string?)null })).ProblemaAsync(404);
        var propio = await CobradorAsync("Ajeno", api: otra);
        var moverAjeno = await (await otra.PostAsJsonAsync("/api/v1/gestion/asignaciones/reasignar", new { clienteIds = new[] { cliente }, haciaCobradorId = propio, simular = false })).ProblemaAsync(404);
        Assert.That(moverAjeno, Is.Not.Null);
        var usarCobradorAjeno = await (await otra.PostAsJsonAsync("/api/v1/gestion/carteras", new { nombre = "X", cobradorId = cobrador, prioridad = 0 })).ProblemaAsync(422);
        Assert.That(usarCobradorAjeno.CamposConError(), Does.Contain("cobradorId"));
        Assert.That(De(await ResponsableAsync(cliente)).Cobrador, Is.EqualTo(cobrador));
    }
}

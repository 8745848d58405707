using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Tests;

/// <summary>Mi trabajo, tasks, calendar and alerts, through the HTTP API on the real database.</summary>
public sealed class TrabajoTests : PruebaGestion
{
    private async Task<Guid> CobradorAsync(string nombre, string? usuarioId = null, params string[] clientes) =>
        await Fixture.EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "pruebas");
            var db = sp.GetRequiredService<GestionDbContext>();
            var cobrador = new Cobrador { EmpresaId = Empresa.Id, Nombre = nombre, UsuarioId = usuarioId, Creado = Fixture.Reloj.GetUtcNow() };
            db.Cobradores.Add(cobrador);
            foreach (var c in clientes)
                db.Asignaciones.Add(new AsignacionCliente { EmpresaId = Empresa.Id, ClienteId = Guid.Parse(c), CobradorId = cobrador.Id, Origen = OrigenesAsignacion.Manual, Actualizada = Fixture.Reloj.GetUtcNow() });
            await db.SaveChangesAsync();
            return cobrador.Id;
        });

    private UsuarioPrueba? _ultimoUsuario;

    private async Task<(HttpClient Api, Guid Cobrador)> CobradorConUsuarioAsync(string nombre, params string[] clientes)
    {
        var u = _ultimoUsuario = await Fixture.CrearUsuarioAsync(Empresa, Roles.Cobrador);
        var id = await CobradorAsync(nombre, u.Id, clientes);
        return (await Fixture.IniciarSesionAsync(u.Email, u.Password, Empresa.Id), id);
    }

    private async Task<string> TareaAsync(string clienteId, string titulo, DateOnly? fecha = null, string tipo = "llamada", HttpClient? api = null, Guid? cobradorId = null) =>
        (await (await (api ?? Api).PostAsJsonAsync("/api/v1/gestion/tareas", new { clienteId, tipo, titulo, fecha = F(fecha ?? Hoy), cobradorId, motivo = "Prueba" }))
            .JsonAsync(201)).Id();

    private static async Task<JsonArray> ItemsAsync(HttpClient api, string query = "") =>
        (await (await api.GetAsync($"/api/v1/gestion/mi-trabajo{query}")).JsonAsync())["items"]!.AsArray();

    private static List<string> Titulos(JsonArray items) => items.Select(i => (string)i!["titulo"]!).ToList();

    [Test]
    public async Task Mi_trabajo_ordena_por_puntaje_y_cada_item_dice_por_que()
    {
        var grande = (await Api.CrearClienteAsync(Datos.Cliente(cuentaClave: true))).Id();
        var chico = (await Api.CrearClienteAsync()).Id();
        var sinDeuda = (await Api.CrearClienteAsync()).Id();
        await FacturaAsync(Fixture.Siguiente(), 10_000_000m, Hoy.AddDays(-60), Hoy.AddDays(-30), grande);
        await FacturaAsync(Fixture.Siguiente(), 100_000m, Hoy.AddDays(-20), Hoy.AddDays(-5), chico);
        var cobrador = await CobradorAsync("Ana", null, grande, chico, sinDeuda);
        await TareaAsync(chico, "Llamar chico");
        await TareaAsync(sinDeuda, "Seguir compromiso roto", tipo: "seguimiento_compromiso");
        await TareaAsync(grande, "Llamar grande");

        var lista = await (await Api.GetAsync($"/api/v1/gestion/mi-trabajo?cobradorId={cobrador}")).JsonAsync();
        var items = lista["items"]!.AsArray();

        Assert.That(Titulos(items), Is.EqualTo(new[] { "Llamar grande", "Seguir compromiso roto", "Llamar chico" }));
        var primero = items[0]!;
        Assert.Multiple(() =>
        {
            var partes = primero["partes"]!.AsObject().Select(p => (decimal)p.Value!).Sum();
            Assert.That((decimal)primero["puntaje"]!, Is.EqualTo(partes));
            Assert.That((decimal)primero["partes"]!["cuentaClave"]!, Is.EqualTo(10m));
            Assert.That((int)primero["diasMora"]!, Is.EqualTo(30));
            Assert.That((decimal)primero["saldoVencido"]!, Is.EqualTo(10_000_000m));
            Assert.That(primero["razones"]!.AsArray().Select(r => (string)r!), Does.Contain("Cuenta clave").And.Contain("30 días de mora").And.Contain("Vencido $10.000.000"));
            Assert.That(items[1]!["razones"]!.AsArray().Select(r => (string)r!), Does.Contain("Compromiso incumplido").And.Contain("Sin contactos registrados"));
            Assert.That((string)lista["formula"]!, Does.Contain("cuenta clave"));
        });
    }

    [Test]
    public async Task Posponer_oculta_la_tarea_hasta_su_fecha_y_completar_la_saca()
    {
        var cobrador = await CobradorAsync("Ana", null, ClienteId);
        var posponer = await TareaAsync(ClienteId, "Posponer");
        var completar = await TareaAsync(ClienteId, "Completar");
        var q = $"?cobradorId={cobrador}";

        await (await Api.PostAsJsonAsync($"/api/v1/gestion/tareas/{posponer}/posponer", new { fecha = F(Hoy.AddDays(3)), motivo = "Cliente de vacaciones" })).JsonAsync();
        await (await Api.PostAsJsonAsync($"/api/v1/gestion/tareas/{completar}/completar", new { resultado = "Pagará el viernes" })).JsonAsync();

        Assert.That(Titulos(await ItemsAsync(Api, q)), Is.Empty);
        Assert.That(Titulos(await ItemsAsync(Api, $"{q}&fecha={F(Hoy.AddDays(2))}")), Is.Empty);
        Assert.That(Titulos(await ItemsAsync(Api, $"{q}&fecha={F(Hoy.AddDays(3))}")), Is.EqualTo(new[] { "Posponer" }));

        Fixture.Reloj.Advance(TimeSpan.FromDays(3));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        Assert.That(Titulos(await ItemsAsync(Api, q)), Is.EqualTo(new[] { "Posponer" }));

        await (await Api.PostAsJsonAsync($"/api/v1/gestion/tareas/{completar}/completar", new { })).ProblemaAsync(409);
        var completadas = await (await Api.GetAsync($"/api/v1/gestion/tareas?clienteId={ClienteId}&estado=completada")).JsonAsync();
        Assert.That(completadas["items"]!.AsArray().Select(t => (string)t!["resultado"]!), Is.EqualTo(new[] { "Pagará el viernes" }));
    }

    [Test]
    public async Task Reasignar_mueve_la_tarea_y_alerta_al_nuevo_cobrador()
    {
        var (apiA, a) = await CobradorConUsuarioAsync("Ana", ClienteId);
        var (apiB, b) = await CobradorConUsuarioAsync("Beto");
        var tarea = await TareaAsync(ClienteId, "Visitar");

        await (await apiA.PostAsJsonAsync($"/api/v1/gestion/tareas/{tarea}/reasignar", new { cobradorId = b })).EsperarAsync(HttpStatusCode.Forbidden);
        var movida = await (await Api.PostAsJsonAsync($"/api/v1/gestion/tareas/{tarea}/reasignar", new { cobradorId = b })).JsonAsync();

        Assert.That((Guid)movida["cobradorId"]!, Is.EqualTo(b));
        Assert.That(Titulos(await ItemsAsync(apiA)), Is.Empty);
        Assert.That(Titulos(await ItemsAsync(apiB)), Is.EqualTo(new[] { "Visitar" }));
        var alertas = await (await apiB.GetAsync("/api/v1/gestion/alertas")).JsonAsync();
        Assert.That((int)alertas["noLeidas"]!, Is.EqualTo(1));
        Assert.That((string)alertas["items"]![0]!["titulo"]!, Is.EqualTo("Tarea reasignada: Visitar"));
        Assert.That((int)(await (await apiA.GetAsync("/api/v1/gestion/alertas")).JsonAsync())["noLeidas"]!, Is.EqualTo(0));
        await (await Api.PostAsJsonAsync($"/api/v1/gestion/tareas/{tarea}/reasignar", new { cobradorId = Guid.NewGuid() })).ProblemaAsync(422);
        // The new collector can work it even though the client is still assigned to another one.
        await (await apiB.PostAsJsonAsync($"/api/v1/gestion/tareas/{tarea}/completar", new { })).JsonAsync();
        await (await Api.PostAsJsonAsync($"/api/v1/gestion/tareas/{tarea}/reasignar", new { cobradorId = a })).ProblemaAsync(409);
    }

    [Test]
    public async Task Un_cobrador_ve_solo_sus_tareas_y_no_la_lista_de_otro()
    {
        var otro = (await Api.CrearClienteAsync()).Id();
        var (apiA, a) = await CobradorConUsuarioAsync("Ana", ClienteId);
        var (_, b) = await CobradorConUsuarioAsync("Beto", otro);
        await TareaAsync(ClienteId, "Mía");
        var ajena = await TareaAsync(otro, "Ajena");

        Assert.That(Titulos(await ItemsAsync(apiA)), Is.EqualTo(new[] { "Mía" }));
        Assert.That(Titulos(await ItemsAsync(apiA, $"?cobradorId={a}")), Is.EqualTo(new[] { "Mía" }));
        await (await apiA.GetAsync($"/api/v1/gestion/mi-trabajo?cobradorId={b}")).EsperarAsync(HttpStatusCode.Forbidden);
        var tareas = await (await apiA.GetAsync("/api/v1/gestion/tareas")).JsonAsync();
        Assert.That(tareas["items"]!.AsArray().Select(t => (string)t!["titulo"]!), Is.EqualTo(new[] { "Mía" }));
        await (await apiA.PostAsJsonAsync($"/api/v1/gestion/tareas/{ajena}/completar", new { })).ProblemaAsync(404);
        await (await apiA.PostAsJsonAsync("/api/v1/gestion/tareas", new { clienteId = otro, tipo = "llamada", titulo = "X", fecha = F(Hoy) })).ProblemaAsync(404);
        await (await apiA.PostAsJsonAsync("/api/v1/gestion/tareas", new { clienteId = ClienteId, tipo = "llamada", titulo = "X", fecha = F(Hoy), cobradorId = b })).ProblemaAsync(422);
        // Created by the collector itself, on its client: it lands on its own list.
        await TareaAsync(ClienteId, "Propia", api: apiA);
        Assert.That(Titulos(await ItemsAsync(apiA)), Is.EquivalentTo(new[] { "Mía", "Propia" }));
    }

    [Test]
    public async Task Un_supervisor_ve_la_lista_de_un_cobrador_y_sin_cobrador_recibe_un_aviso()
    {
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var a = await CobradorAsync("Ana", null, ClienteId);
        await TareaAsync(ClienteId, "Llamar");

        Assert.That(Titulos(await ItemsAsync(supervisor, $"?cobradorId={a}")), Is.EqualTo(new[] { "Llamar" }));
        var propia = await (await supervisor.GetAsync("/api/v1/gestion/mi-trabajo")).JsonAsync();
        Assert.That(((JsonArray)propia["items"]!).Count, Is.Zero);
        Assert.That((string)propia["aviso"]!, Does.Contain("no está vinculado"));
        await (await supervisor.GetAsync($"/api/v1/gestion/mi-trabajo?cobradorId={Guid.NewGuid()}")).ProblemaAsync(404);
        var consulta = await Fixture.ClienteHttpAsync(Empresa, Roles.Consulta);
        await (await consulta.GetAsync($"/api/v1/gestion/mi-trabajo?cobradorId={a}")).EsperarAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task El_calendario_muestra_por_dia_vencimientos_y_tareas_de_un_cobrador_o_del_equipo()
    {
        var otro = (await Api.CrearClienteAsync()).Id();
        var (apiA, a) = await CobradorConUsuarioAsync("Ana", ClienteId);
        var b = await CobradorAsync("Beto", null, otro);
        await FacturaAsync(501, 300_000m, Hoy, Hoy.AddDays(2));
        await FacturaAsync(502, 200_000m, Hoy, Hoy.AddDays(5), otro);
        await TareaAsync(ClienteId, "Verificar compromiso", Hoy.AddDays(2), "verificar_compromiso");
        await TareaAsync(otro, "Visita de Beto", Hoy.AddDays(7), "visita");
        var rango = $"desde={F(Hoy)}&hasta={F(Hoy.AddDays(30))}";

        var deAna = await (await Api.GetAsync($"/api/v1/gestion/calendario?{rango}&cobradorId={a}")).JsonAsync();
        var dias = deAna["dias"]!.AsArray();
        Assert.That(dias.Select(d => (string)d!["fecha"]!), Is.EqualTo(new[] { F(Hoy.AddDays(2)) }));
        Assert.That(dias[0]!["vencimientos"]!.AsArray().Select(v => (long)v!["folio"]!), Is.EqualTo(new[] { 501L }));
        Assert.That((decimal)dias[0]!["vencimientos"]![0]!["saldo"]!, Is.EqualTo(300_000m));
        Assert.That(dias[0]!["tareas"]!.AsArray().Select(t => (string)t!["titulo"]!), Is.EqualTo(new[] { "Verificar compromiso" }));

        var propio = await (await apiA.GetAsync($"/api/v1/gestion/calendario?{rango}")).JsonAsync();
        Assert.That(propio["dias"]!.AsArray().Count, Is.EqualTo(1));

        var equipo = await (await Api.GetAsync($"/api/v1/gestion/calendario?{rango}&equipo=true")).JsonAsync();
        Assert.That(equipo["dias"]!.AsArray().Select(d => (string)d!["fecha"]!), Is.EqualTo(new[] { F(Hoy.AddDays(2)), F(Hoy.AddDays(5)), F(Hoy.AddDays(7)) }));
        Assert.That((string)equipo["dias"]![2]!["tareas"]![0]!["cobrador"]!, Is.EqualTo("Beto"));

        await (await apiA.GetAsync($"/api/v1/gestion/calendario?{rango}&equipo=true")).EsperarAsync(HttpStatusCode.Forbidden);
        await (await apiA.GetAsync($"/api/v1/gestion/calendario?{rango}&cobradorId={b}")).EsperarAsync(HttpStatusCode.Forbidden);
        var largo = await (await Api.GetAsync($"/api/v1/gestion/calendario?desde={F(Hoy)}&hasta={F(Hoy.AddDays(93))}&equipo=true")).ProblemaAsync(400);
        Assert.That(largo.CamposConError(), Is.EqualTo(new[] { "hasta" }));
    }

    [Test]
    public async Task Una_audiencia_de_juicio_aparece_en_el_calendario_en_su_fecha_con_tribunal_y_rol_solo_para_el_cobrador_del_cliente()
    {
        var otro = (await Api.CrearClienteAsync()).Id();
        var (apiA, _) = await CobradorConUsuarioAsync("Ana", ClienteId);
        var b = await CobradorAsync("Beto", null, otro);
        var estudio = (await (await Api.PostAsJsonAsync("/api/v1/judicial/estudios", new { nombre = "Estudio Larraín", rut = "78.123.456-7" })).JsonAsync(201)).Id();
        var juicio = await (await Api.PostAsJsonAsync("/api/v1/judicial/juicios", new
        {
            clienteId = ClienteId, estudioId = estudio, tribunal = "1° Juzgado Civil de Santiago", rol = "C-1234-2026", procedimiento = "Ejecutivo",
            etapaProcesal = "Notificación", montoDemandado = 100_000m, fechaInicio = F(Hoy),
        })).JsonAsync(201);
        await (await Api.PostAsJsonAsync($"/api/v1/judicial/juicios/{juicio.Id()}/audiencias", new { fecha = F(Hoy.AddDays(9)), descripcion = "Audiencia de conciliación" })).JsonAsync();
        var rango = $"desde={F(Hoy)}&hasta={F(Hoy.AddDays(30))}";

        var propio = await (await apiA.GetAsync($"/api/v1/gestion/calendario?{rango}")).JsonAsync();

        var dia = propio["dias"]!.AsArray().Single()!;
        Assert.That((string?)dia["fecha"], Is.EqualTo(F(Hoy.AddDays(9))));
        var audiencia = dia["audiencias"]!.AsArray().Single()!;
        Assert.That(((string?)audiencia["juicioId"], (string?)audiencia["tribunal"], (string?)audiencia["rol"], (string?)audiencia["descripcion"], (string?)audiencia["clienteId"]),
            Is.EqualTo((juicio.Id(), "1° Juzgado Civil de Santiago", "C-1234-2026", "Audiencia de conciliación", ClienteId)));
        var fuera = await (await apiA.GetAsync($"/api/v1/gestion/calendario?desde={F(Hoy.AddDays(10))}&hasta={F(Hoy.AddDays(30))}")).JsonAsync();
        Assert.That(fuera["dias"]!.AsArray(), Is.Empty, "fuera del rango no aparece");
        var equipo = await (await Api.GetAsync($"/api/v1/gestion/calendario?{rango}&equipo=true")).JsonAsync();
        Assert.That(equipo["dias"]!.AsArray().SelectMany(d => d!["audiencias"]!.AsArray()).Count(), Is.EqualTo(1), "el equipo la ve una vez");
        var beto = await (await Api.GetAsync($"/api/v1/gestion/calendario?{rango}&cobradorId={b}")).JsonAsync();
        Assert.That(beto["dias"]!.AsArray(), Is.Empty, "el cobrador de otro cliente no la ve");
        var otraEmpresa = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));
        var ajeno = await (await otraEmpresa.GetAsync($"/api/v1/gestion/calendario?{rango}&equipo=true")).JsonAsync();
        Assert.That(ajeno["dias"]!.AsArray(), Is.Empty, "otra empresa no ve la audiencia");
    }

    [Test]
    public async Task Las_alertas_de_tareas_atrasadas_salen_una_vez_al_dia_y_se_marcan_leidas()
    {
        var (apiA, _) = await CobradorConUsuarioAsync("Ana", ClienteId);
        await TareaAsync(ClienteId, "Atrasada 1", Hoy.AddDays(-2));
        await TareaAsync(ClienteId, "Atrasada 2", Hoy.AddDays(-1));
        await TareaAsync(ClienteId, "De hoy");

        Assert.That((int)(await (await Api.PostAsync("/api/v1/gestion/alertas/tareas-atrasadas", null)).JsonAsync())["alertas"]!, Is.EqualTo(1));
        Assert.That((int)(await (await Api.PostAsync("/api/v1/gestion/alertas/tareas-atrasadas", null)).JsonAsync())["alertas"]!, Is.EqualTo(0));
        await (await apiA.PostAsync("/api/v1/gestion/alertas/tareas-atrasadas", null)).EsperarAsync(HttpStatusCode.Forbidden);

        var alertas = await (await apiA.GetAsync("/api/v1/gestion/alertas?noLeidas=true")).JsonAsync();
        Assert.That((int)alertas["noLeidas"]!, Is.EqualTo(1));
        Assert.That((string)alertas["items"]![0]!["detalle"]!, Is.EqualTo("Tiene 2 tareas atrasadas en Mi trabajo."));
        var id = (string)alertas["items"]![0]!["id"]!;
        var leida = await (await apiA.PostAsync($"/api/v1/gestion/alertas/{id}/leida", null)).JsonAsync();
        Assert.That((bool)leida["leida"]!, Is.True);
        Assert.That((await (await apiA.GetAsync("/api/v1/gestion/alertas?noLeidas=true")).JsonAsync())["items"]!.AsArray(), Is.Empty);
        Assert.That((await (await apiA.GetAsync("/api/v1/gestion/alertas")).JsonAsync())["items"]!.AsArray().Count, Is.EqualTo(1));
        // Another user cannot mark it.
        await (await Api.PostAsync($"/api/v1/gestion/alertas/{id}/leida", null)).ProblemaAsync(404);

        Fixture.Reloj.Advance(TimeSpan.FromDays(1));
        Api = await Fixture.ClienteHttpAsync(Empresa);
        apiA = await Fixture.IniciarSesionAsync(_ultimoUsuario!.Email, _ultimoUsuario.Password, Empresa.Id);
        Assert.That((int)(await (await Api.PostAsync("/api/v1/gestion/alertas/tareas-atrasadas", null)).JsonAsync())["alertas"]!, Is.EqualTo(1));
        Assert.That((int)(await (await apiA.PostAsync("/api/v1/gestion/alertas/leidas", null)).JsonAsync())["marcadas"]!, Is.EqualTo(1));
        Assert.That((int)(await (await apiA.GetAsync("/api/v1/gestion/alertas")).JsonAsync())["noLeidas"]!, Is.EqualTo(0));
    }

    [Test]
    public async Task El_job_diario_alerta_a_cada_cobrador_de_cada_empresa()
    {
        var (apiA, _) = await CobradorConUsuarioAsync("Ana", ClienteId);
        await TareaAsync(ClienteId, "Atrasada", Hoy.AddDays(-1));

        var alertas = await Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<Trabajo.AvisoTareasAtrasadasJob>().EjecutarAsync(CancellationToken.None));

        Assert.That(alertas, Is.EqualTo(1));
        Assert.That((int)(await (await apiA.GetAsync("/api/v1/gestion/alertas")).JsonAsync())["noLeidas"]!, Is.EqualTo(1));
    }

    [TestCase("tipo", "xyz")]
    [TestCase("titulo", "con\0nulo")]
    [TestCase("titulo", "")]
    public async Task Una_tarea_invalida_da_400_en_espanol_nombrando_el_campo(string campo, string valor)
    {
        var cuerpo = new JsonObject { ["clienteId"] = ClienteId, ["tipo"] = "llamada", ["titulo"] = "Llamar", ["fecha"] = F(Hoy) };
        cuerpo[campo] = valor;

        var problema = await (await Api.PostAsJsonAsync("/api/v1/gestion/tareas", cuerpo)).ProblemaAsync(400);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { campo }));
        Assert.That(problema["errors"]![campo]![0]!.ToString(), Does.Match("debe|obligatorio|nulo|NUL|caracter|carácter|vac").IgnoreCase);
        Assert.That((await (await Api.GetAsync("/api/v1/gestion/tareas")).JsonAsync())["total"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Posponer_a_hoy_da_422_nombrando_la_fecha()
    {
        var tarea = await TareaAsync(ClienteId, "Llamar");
        var problema = await (await Api.PostAsJsonAsync($"/api/v1/gestion/tareas/{tarea}/posponer", new { fecha = F(Hoy) })).ProblemaAsync(422);
        Assert.That(problema.ToJsonString(), Does.Contain("fecha"));
    }

    [Test]
    public async Task Otra_empresa_no_ve_ni_toca_las_tareas_ni_las_alertas()
    {
        var a = await CobradorAsync("Ana", null, ClienteId);
        var tarea = await TareaAsync(ClienteId, "Llamar");
        var otra = await Fixture.CrearEmpresaAsync("Otra Empresa");
        var apiOtra = await Fixture.ClienteHttpAsync(otra);

        Assert.That((await (await apiOtra.GetAsync("/api/v1/gestion/tareas")).JsonAsync())["items"]!.AsArray(), Is.Empty);
        await (await apiOtra.PostAsJsonAsync($"/api/v1/gestion/tareas/{tarea}/completar", new { })).ProblemaAsync(404);
        await (await apiOtra.PostAsJsonAsync($"/api/v1/gestion/tareas/{tarea}/posponer", new { fecha = F(Hoy.AddDays(1)) })).ProblemaAsync(404);
        await (await apiOtra.GetAsync($"/api/v1/gestion/mi-trabajo?cobradorId={a}")).ProblemaAsync(404);
        await (await apiOtra.PostAsJsonAsync("/api/v1/gestion/tareas", new { clienteId = ClienteId, tipo = "llamada", titulo = "X", fecha = F(Hoy) })).ProblemaAsync(404);
        Assert.That((await (await Api.GetAsync($"/api/v1/gestion/tareas?clienteId={ClienteId}&estado=pendiente")).JsonAsync())["total"]!.GetValue<int>(), Is.EqualTo(1));
    }
}

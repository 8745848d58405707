using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Cobranzas.Testing;

namespace Cobranzas.Clientes.Tests;

/// <summary>Approval levels in UF (default: Supervisor up to 100, Gerencia up to 1 000, committee of 3 above), through credit requests.</summary>
public sealed class AprobacionesTests : PruebaClientes
{
    internal static async Task<JsonNode> SolicitudEnviadaAsync(HttpClient api, decimal montoUf, string segmento = "Retail")
    {
        var cliente = await api.CrearClienteAsync(Datos.Cliente(segmento: segmento));
        var s = await (await api.PostAsJsonAsync("/api/v1/credito/solicitudes", new
        {
            clienteId = cliente.Id(), limiteSolicitado = montoUf, moneda = "UF", plazoDias = 45, vigenciaMeses = 12, referenciasComerciales = "Proveedor A: paga a 30 días",
        })).JsonAsync(201);
        return await (await api.PostAsync($"/api/v1/credito/solicitudes/{s.Id()}/enviar", null)).JsonAsync();
    }

    private static Task<HttpResponseMessage> DecidirAsync(HttpClient api, JsonNode solicitud, bool aprueba, string? comentario = "Revisado") =>
        api.PostAsJsonAsync($"/api/v1/credito/solicitudes/{solicitud.Id()}/decision", new { aprueba, comentario });

    [TestCase("99.9999", "Supervisor", "Supervisor", 1)]
    [TestCase("100", "Supervisor", "Supervisor", 1)]
    [TestCase("100.0001", "Gerencia", "Administrador", 1)]
    [TestCase("1000", "Gerencia", "Administrador", 1)]
    [TestCase("1000.0001", "Comité de crédito", "Supervisor", 3)]
    public async Task El_monto_en_UF_elige_el_nivel_con_su_tope_incluido(string monto, string nivel, string rol, int requeridas)
    {
        var s = await SolicitudEnviadaAsync(Api, decimal.Parse(monto, System.Globalization.CultureInfo.InvariantCulture));

        var a = s["aprobacion"]!;
        Assert.That((string?)s["estado"], Is.EqualTo("en_aprobacion"));
        Assert.That((string?)a["estado"], Is.EqualTo("pendiente"));
        Assert.That((string?)a["nivel"], Is.EqualTo(nivel));
        Assert.That((string?)a["rolMinimo"], Is.EqualTo(rol));
        Assert.That((int?)a["aprobacionesRequeridas"], Is.EqualTo(requeridas));
        Assert.That((decimal?)a["montoUf"], Is.EqualTo(decimal.Parse(monto, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Supervisor_aprueba_hasta_100_UF_y_la_linea_queda_en_el_cliente_con_su_vigencia()
    {
        var s = await SolicitudEnviadaAsync(Api, 100m);
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);

        var r = await (await DecidirAsync(supervisor, s, true, "Buen comportamiento")).JsonAsync();

        Assert.That((string?)r["estado"], Is.EqualTo("aprobada"));
        var a = r["aprobacion"]!;
        Assert.That((string?)a["estado"], Is.EqualTo("aprobada"));
        Assert.That((int?)a["aprobacionesRecibidas"], Is.EqualTo(1));
        var d = a["decisiones"]!.AsArray().Single()!;
        Assert.That((bool?)d["aprueba"], Is.True);
        Assert.That((string?)d["comentario"], Is.EqualTo("Buen comportamiento"));
        Assert.That((string?)d["rol"], Is.EqualTo("Supervisor"));
        var vence = FechaNegocio.Hoy(Fixture.Reloj).AddMonths(12);
        Assert.That((string?)r["vigenteHasta"], Is.EqualTo(vence.ToString("yyyy-MM-dd")));
        var cliente = await (await Api.GetAsync($"/api/v1/clientes/{s["clienteId"]}")).JsonAsync();
        Assert.That((decimal?)cliente["condiciones"]!["limiteCredito"], Is.EqualTo(100m));
        Assert.That((string?)cliente["condiciones"]!["monedaLimite"], Is.EqualTo("UF"));
        Assert.That((int?)cliente["condiciones"]!["plazoPagoDias"], Is.EqualTo(45));
        Assert.That((string?)cliente["condiciones"]!["limiteVigenteHasta"], Is.EqualTo(vence.ToString("yyyy-MM-dd")));
    }

    [Test]
    public async Task Supervisor_no_alcanza_sobre_100_UF_y_nada_queda_registrado()
    {
        var s = await SolicitudEnviadaAsync(Api, 100.0001m);
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);

        var problema = await (await DecidirAsync(supervisor, s, true)).ProblemaAsync(422);

        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { "aprueba" }));
        Assert.That((string?)problema["errors"]!["aprueba"]![0], Does.StartWith("rol_insuficiente:").And.Contain("Administrador"));
        var despues = await (await Api.GetAsync($"/api/v1/credito/solicitudes/{s.Id()}")).JsonAsync();
        Assert.That((string?)despues["aprobacion"]!["estado"], Is.EqualTo("pendiente"));
        Assert.That(despues["aprobacion"]!["decisiones"]!.AsArray(), Is.Empty);
        Assert.That((await (await Api.GetAsync($"/api/v1/clientes/{s["clienteId"]}")).JsonAsync())["condiciones"], Is.Null);
    }

    [Test]
    public async Task Cobrador_no_aprueba_ni_el_nivel_mas_bajo()
    {
        var s = await SolicitudEnviadaAsync(Api, 10m);
        var cobrador = await Fixture.ClienteHttpAsync(Empresa, Roles.Cobrador);

        var problema = await (await DecidirAsync(cobrador, s, true)).ProblemaAsync(422);

        Assert.That((string?)problema["errors"]!["aprueba"]![0], Does.StartWith("rol_insuficiente:"));
    }

    [Test]
    public async Task Comite_sobre_1000_UF_necesita_tres_aprobadores_distintos()
    {
        var s = await SolicitudEnviadaAsync(Api, 1000.0001m);
        var primero = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var segundo = await Fixture.ClienteHttpAsync(Empresa, Roles.Administrador);
        var tercero = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);

        await (await DecidirAsync(primero, s, true)).JsonAsync();
        var dosDeTres = await (await DecidirAsync(segundo, s, true)).JsonAsync();
        var repetido = await (await DecidirAsync(primero, s, true)).ProblemaAsync(409);

        // A committee short of one approver is still pending, and the same approver cannot count twice.
        Assert.That((string?)dosDeTres["estado"], Is.EqualTo("en_aprobacion"));
        Assert.That((string?)dosDeTres["aprobacion"]!["estado"], Is.EqualTo("pendiente"));
        Assert.That((int?)dosDeTres["aprobacion"]!["aprobacionesRecibidas"], Is.EqualTo(2));
        Assert.That(repetido.CamposConError(), Is.EqualTo(new[] { "aprueba" }));
        Assert.That((await (await Api.GetAsync($"/api/v1/clientes/{s["clienteId"]}")).JsonAsync())["condiciones"], Is.Null);

        var completa = await (await DecidirAsync(tercero, s, true)).JsonAsync();

        Assert.That((string?)completa["estado"], Is.EqualTo("aprobada"));
        Assert.That((int?)completa["aprobacion"]!["aprobacionesRecibidas"], Is.EqualTo(3));
        Assert.That(completa["aprobacion"]!["decisiones"]!.AsArray().Select(d => (string?)d!["usuarioId"]).Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public async Task Un_rechazo_cierra_la_aprobacion_del_comite()
    {
        var s = await SolicitudEnviadaAsync(Api, 5000m);
        var primero = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var segundo = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        await (await DecidirAsync(primero, s, true)).JsonAsync();

        var sinComentario = await (await DecidirAsync(segundo, s, false, null)).ProblemaAsync(400);
        var rechazada = await (await DecidirAsync(segundo, s, false, "Deuda DICOM vigente")).JsonAsync();
        var tarde = await (await DecidirAsync(Api, s, true)).ProblemaAsync(422);

        Assert.That(sinComentario.CamposConError(), Is.EqualTo(new[] { "comentario" }));
        Assert.That((string?)rechazada["estado"], Is.EqualTo("rechazada"));
        Assert.That((string?)rechazada["aprobacion"]!["estado"], Is.EqualTo("rechazada"));
        Assert.That((string?)tarde["errors"]!["aprueba"]![0], Does.StartWith("aprobacion_cerrada:"));
        Assert.That((await (await Api.GetAsync($"/api/v1/clientes/{s["clienteId"]}")).JsonAsync())["condiciones"], Is.Null);
    }

    [Test]
    public async Task Niveles_propios_de_la_empresa_por_tipo_rigen_para_las_nuevas_aprobaciones()
    {
        var antes = await SolicitudEnviadaAsync(Api, 60m);
        await (await Api.PutAsJsonAsync("/api/v1/aprobaciones/niveles", new
        {
            tipo = "credito",
            niveles = new object[]
            {
                new { nombre = "Jefe de crédito", hastaUf = 50m, rolMinimo = "Supervisor", aprobadoresRequeridos = 1 },
                new { nombre = "Directorio", hastaUf = (decimal?)null, rolMinimo = "Administrador", aprobadoresRequeridos = 2 },
            },
        })).JsonAsync();

        var despues = await SolicitudEnviadaAsync(Api, 60m);
        var niveles = (await (await Api.GetAsync("/api/v1/aprobaciones/niveles")).JsonAsync()).AsArray();

        Assert.That((string?)despues["aprobacion"]!["nivel"], Is.EqualTo("Directorio"));
        Assert.That((int?)despues["aprobacion"]!["aprobacionesRequeridas"], Is.EqualTo(2));
        Assert.That((string?)antes["aprobacion"]!["nivel"], Is.EqualTo("Supervisor"), "una aprobación abierta conserva su nivel");
        var credito = niveles.Single(n => (string?)n!["tipo"] == "credito")!;
        var convenio = niveles.Single(n => (string?)n!["tipo"] == "convenio")!;
        Assert.That((bool?)credito["porDefecto"], Is.False);
        Assert.That((bool?)convenio["porDefecto"], Is.True);
        Assert.That(convenio["niveles"]!.AsArray().Select(n => (decimal?)n!["hastaUf"]), Is.EqualTo(new decimal?[] { 100m, 1000m, null }));
    }

    [Test]
    public async Task Niveles_con_topes_desordenados_o_sin_nivel_final_abierto_se_rechazan()
    {
        var desordenados = await (await Api.PutAsJsonAsync("/api/v1/aprobaciones/niveles", new
        {
            tipo = "convenio",
            niveles = new object[]
            {
                new { nombre = "A", hastaUf = 500m, rolMinimo = "Supervisor", aprobadoresRequeridos = 1 },
                new { nombre = "B", hastaUf = 100m, rolMinimo = "Administrador", aprobadoresRequeridos = 1 },
            },
        })).ProblemaAsync(400);
        var rolDesconocido = await (await Api.PutAsJsonAsync("/api/v1/aprobaciones/niveles", new
        {
            tipo = "convenio", niveles = new object[] { new { nombre = "A", hastaUf = (decimal?)null, rolMinimo = "Gerente", aprobadoresRequeridos = 1 } },
        })).ProblemaAsync(400);
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var sinPermiso = await supervisor.PutAsJsonAsync("/api/v1/aprobaciones/niveles", new
        {
            tipo = "convenio", niveles = new object[] { new { nombre = "A", hastaUf = (decimal?)null, rolMinimo = "Supervisor", aprobadoresRequeridos = 1 } },
        });

        Assert.That(desordenados.CamposConError(), Is.EqualTo(new[] { "niveles" }));
        Assert.That(rolDesconocido.CamposConError(), Is.EqualTo(new[] { "niveles[0].rolMinimo" }));
        Assert.That((int)sinPermiso.StatusCode, Is.EqualTo(403));
        var convenio = (await (await Api.GetAsync("/api/v1/aprobaciones/niveles")).JsonAsync()).AsArray().Single(n => (string?)n!["tipo"] == "convenio")!;
        Assert.That((bool?)convenio["porDefecto"], Is.True);
    }

    [Test]
    public async Task Pendientes_muestra_a_cada_aprobador_solo_lo_que_su_rol_alcanza_y_aun_no_decide()
    {
        var baja = await SolicitudEnviadaAsync(Api, 50m);
        var media = await SolicitudEnviadaAsync(Api, 500m);
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);
        var cobrador = await Fixture.ClienteHttpAsync(Empresa, Roles.Cobrador);

        var delSupervisor = (await (await supervisor.GetAsync("/api/v1/aprobaciones/pendientes")).JsonAsync()).AsArray();
        var delAdministrador = (await (await Api.GetAsync("/api/v1/aprobaciones/pendientes")).JsonAsync()).AsArray();
        var delCobrador = (await (await cobrador.GetAsync("/api/v1/aprobaciones/pendientes")).JsonAsync()).AsArray();

        Assert.That(delSupervisor.Select(a => (string?)a!["sujetoId"]), Is.EqualTo(new[] { baja.Id() }));
        Assert.That(delAdministrador.Select(a => (string?)a!["sujetoId"]), Is.EquivalentTo(new[] { baja.Id(), media.Id() }));
        Assert.That(delCobrador, Is.Empty);

        var aprobacionId = (string)delSupervisor[0]!["id"]!;
        var decidida = await (await supervisor.PostAsJsonAsync($"/api/v1/aprobaciones/{aprobacionId}/decision", new { aprueba = true, comentario = "ok" })).JsonAsync();

        Assert.That((string?)decidida["estado"], Is.EqualTo("aprobada"));
        Assert.That((await (await supervisor.GetAsync("/api/v1/aprobaciones/pendientes")).JsonAsync()).AsArray(), Is.Empty);
        var solicitud = await (await Api.GetAsync($"/api/v1/credito/solicitudes/{baja.Id()}")).JsonAsync();
        Assert.That((string?)solicitud["estado"], Is.EqualTo("aprobada"), "la decisión desde la lista de pendientes también otorga la línea");
    }

    [Test]
    public async Task Niveles_y_ponderaciones_de_una_empresa_no_cambian_los_de_otra()
    {
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Comercial"));
        await (await Api.PutAsJsonAsync("/api/v1/aprobaciones/niveles", new
        {
            tipo = "credito", niveles = new object[] { new { nombre = "Único", hastaUf = (decimal?)null, rolMinimo = "Administrador", aprobadoresRequeridos = 1 } },
        })).JsonAsync();
        await (await Api.PutAsJsonAsync("/api/v1/credito/ponderaciones", new { diasPago = 50, protestos = 10, compromisosRotos = 10, bureau = 10, antiguedad = 10, exposicion = 10 })).JsonAsync();

        var niveles = (await (await otra.GetAsync("/api/v1/aprobaciones/niveles")).JsonAsync()).AsArray().Single(n => (string?)n!["tipo"] == "credito")!;
        var pesos = await (await otra.GetAsync("/api/v1/credito/ponderaciones")).JsonAsync();
        var enviada = await SolicitudEnviadaAsync(otra, 10m);

        Assert.That((bool?)niveles["porDefecto"], Is.True);
        Assert.That((int?)pesos["diasPago"], Is.EqualTo(30));
        Assert.That((string?)enviada["aprobacion"]!["nivel"], Is.EqualTo("Supervisor"));
    }

    [Test]
    public async Task Una_API_key_no_aprueba()
    {
        var s = await SolicitudEnviadaAsync(Api, 10m);
        var key = await Fixture.ClienteConApiKeyAsync(Empresa, "lectura_escritura");

        var problema = await (await DecidirAsync(key, s, true)).ProblemaAsync(422);

        Assert.That((string?)problema["errors"]!["aprueba"]![0], Does.StartWith("solo_usuarios:"));
    }
}

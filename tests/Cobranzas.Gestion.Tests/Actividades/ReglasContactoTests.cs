using System.Net.Http.Json;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Testing;

namespace Cobranzas.Gestion.Tests.Actividades;

/// <summary>Ley 19.496 art. 37 (Ley 21.320) on a consumer (the default client: a persona natural RUT), and the company limits on a business client.</summary>
public sealed class ReglasContactoTests : PruebaActividades
{
    // Wednesday 4 November 2026, Santiago on summer time (UTC-3); no holiday between 2 and 14 November 2026.
    private static readonly DateTimeOffset Miercoles = M("2026-11-04T11:00:00-03:00");

    [Test]
    public async Task Segunda_llamada_dentro_de_7_dias_se_bloquea_y_el_octavo_dia_se_permite()
    {
        await (await RegistrarAsync("Llamada", Miercoles)).JsonAsync(201);

        var p = await BloqueoAsync(await RegistrarAsync("Visita", Miercoles.AddDays(6)), "ley_21320_llamadas_semana");
        Assert.That(DateTimeOffset.Parse((string)p["siguientePermitido"]!), Is.EqualTo(Miercoles.AddDays(7)));
        Assert.That((string)p["detail"]!, Does.Contain("Ley 21.320"));

        await (await RegistrarAsync("Llamada", Miercoles.AddDays(7))).JsonAsync(201);
    }

    [Test]
    public async Task Una_llamada_sin_respuesta_cuenta_como_intento_y_un_numero_equivocado_no()
    {
        await (await RegistrarAsync("Llamada", Miercoles, resultado: "numero_equivocado")).JsonAsync(201);
        await (await RegistrarAsync("Llamada", Miercoles.AddHours(1), resultado: "no_contesta")).JsonAsync(201);
        await BloqueoAsync(await RegistrarAsync("Llamada", Miercoles.AddDays(1)), "ley_21320_llamadas_semana");
    }

    [Test]
    public async Task Tercer_contacto_escrito_en_la_semana_se_bloquea()
    {
        await (await RegistrarAsync("Correo", Miercoles)).JsonAsync(201);
        await (await RegistrarAsync("Carta", Miercoles.AddDays(2))).JsonAsync(201);

        var p = await BloqueoAsync(await RegistrarAsync("WhatsApp/SMS", Miercoles.AddDays(5)), "ley_21320_escritos_semana");
        Assert.That(DateTimeOffset.Parse((string)p["siguientePermitido"]!), Is.EqualTo(Miercoles.AddDays(7)));
        // A call is counted apart from written contacts.
        await (await RegistrarAsync("Llamada", Miercoles.AddDays(5))).JsonAsync(201);
    }

    [Test]
    public async Task Dos_contactos_escritos_a_menos_de_dos_dias_se_bloquean()
    {
        await (await RegistrarAsync("Correo", Miercoles)).JsonAsync(201);
        var p = await BloqueoAsync(await RegistrarAsync("Correo", Miercoles.AddHours(30)), "ley_21320_escritos_intervalo");
        Assert.That(DateTimeOffset.Parse((string)p["siguientePermitido"]!), Is.EqualTo(Miercoles.AddHours(48)));
    }

    [Test]
    public async Task A_las_20_01_se_bloquea_y_a_las_19_59_se_permite()
    {
        var p = await BloqueoAsync(await RegistrarAsync("Llamada", M("2026-11-04T20:01:00-03:00")), "ley_21320_horario");
        Assert.That(DateTimeOffset.Parse((string)p["siguientePermitido"]!), Is.EqualTo(M("2026-11-05T08:00:00-03:00")));
        await BloqueoAsync(await RegistrarAsync("Correo", M("2026-11-04T07:59:00-03:00")), "ley_21320_horario");

        await (await RegistrarAsync("Llamada", M("2026-11-04T19:59:00-03:00"))).JsonAsync(201);
    }

    [Test]
    public async Task Un_domingo_se_bloquea_hasta_el_lunes_a_las_8()
    {
        var p = await BloqueoAsync(await RegistrarAsync("Visita", M("2026-11-08T12:00:00-03:00")), "ley_21320_domingo");
        Assert.That(DateTimeOffset.Parse((string)p["siguientePermitido"]!), Is.EqualTo(M("2026-11-09T08:00:00-03:00")));
        await (await RegistrarAsync("Visita", M("2026-11-07T12:00:00-03:00"))).JsonAsync(201);
    }

    [Test]
    public async Task Un_feriado_se_bloquea()
    {
        // Tuesday 8 December 2026, Inmaculada Concepción.
        var feriado = M("2026-12-08T10:00:00-03:00");
        await RelojAlMenosAsync(feriado.AddDays(2));
        var p = await BloqueoAsync(await RegistrarAsync("Llamada", feriado), "ley_21320_feriado");
        Assert.That((string)p["detail"]!, Does.Contain("Inmaculada"));
        Assert.That(DateTimeOffset.Parse((string)p["siguientePermitido"]!), Is.EqualTo(M("2026-12-09T08:00:00-03:00")));
    }

    [Test]
    public async Task Un_cliente_en_etapa_judicial_no_recibe_contacto_extrajudicial()
    {
        await EnEmpresaAsync(async db =>
        {
            db.Etapas.Add(new EtapaCliente { ClienteId = Guid.Parse(ClienteId), Etapa = EtapasCobranza.Judicial, Desde = Hoy });
            await db.SaveChangesAsync();
        });
        var p = await BloqueoAsync(await RegistrarAsync("Carta", Miercoles), "ley_21320_etapa_judicial");
        Assert.That(p["siguientePermitido"], Is.Null);

        var estado = await (await Api.GetAsync($"/api/v1/gestion/reglas-contacto/{ClienteId}?canal=escrito")).JsonAsync();
        Assert.That(((bool)estado["permitido"]!, (string?)estado["regla"]), Is.EqualTo((false, "ley_21320_etapa_judicial")));
    }

    [Test]
    public async Task Un_supervisor_registra_la_excepcion_con_su_motivo_y_un_cobrador_no()
    {
        await (await RegistrarAsync("Llamada", Miercoles)).JsonAsync(201);
        var usuario = await Fixture.CrearUsuarioAsync(Empresa, "Cobrador");
        await EnEmpresaAsync(async db =>
        {
            var cobrador = new Cobrador { Nombre = "Pedro Cobrador", UsuarioId = usuario.Id, Creado = DateTimeOffset.UtcNow };
            db.Cobradores.Add(cobrador);
            db.Asignaciones.Add(new AsignacionCliente { ClienteId = Guid.Parse(ClienteId), CobradorId = cobrador.Id, Origen = OrigenesAsignacion.Manual });
            await db.SaveChangesAsync();
        });
        var cobradorApi = await Fixture.IniciarSesionAsync(usuario.Email, usuario.Password, Empresa.Id);
        await BloqueoAsync(await RegistrarAsync("Llamada", Miercoles.AddDays(1), motivoExcepcion: "El cliente pidió que lo llamáramos", api: cobradorApi), "ley_21320_llamadas_semana");

        var sinMotivo = await RegistrarAsync("Llamada", Miercoles.AddDays(1));
        await BloqueoAsync(sinMotivo, "ley_21320_llamadas_semana");
        var a = await (await RegistrarAsync("Llamada", Miercoles.AddDays(1), motivoExcepcion: "El cliente pidió que lo llamáramos")).JsonAsync(201);
        var leida = await (await Api.GetAsync($"/api/v1/gestion/actividades/{a.Id()}")).JsonAsync();
        Assert.That((string?)leida["motivoExcepcion"], Is.EqualTo("El cliente pidió que lo llamáramos"));
    }

    [Test]
    public async Task Un_cliente_empresa_no_tiene_limites_salvo_los_que_fije_la_empresa()
    {
        var empresa = await ClienteEmpresaAsync();
        var cliente = await (await Api.GetAsync($"/api/v1/clientes/{empresa}")).JsonAsync();
        Assert.That((bool)cliente["consumidorEfectivo"]!, Is.False);
        await (await RegistrarAsync("Llamada", M("2026-11-08T21:30:00-03:00"), empresa)).JsonAsync(201);
        await (await RegistrarAsync("Llamada", M("2026-11-09T09:00:00-03:00"), empresa)).JsonAsync(201);

        await (await Api.PutAsJsonAsync("/api/v1/gestion/configuracion", new { diasGraciaCompromiso = 2, maxLlamadasSemanaEmpresas = 2, maxEscritosSemanaEmpresas = (int?)null })).JsonAsync();
        await BloqueoAsync(await RegistrarAsync("Visita", M("2026-11-10T09:00:00-03:00"), empresa), "limite_empresa_llamadas_semana");
        await (await RegistrarAsync("Correo", M("2026-11-10T09:00:00-03:00"), empresa)).JsonAsync(201);
    }

    [Test]
    public async Task Un_cliente_declarado_no_consumidor_sale_de_la_ley_aunque_su_rut_sea_de_persona()
    {
        var cliente = await (await Api.GetAsync($"/api/v1/clientes/{ClienteId}")).JsonAsync();
        Assert.That(((bool?)cliente["consumidor"], (bool)cliente["consumidorEfectivo"]!), Is.EqualTo(((bool?)null, true)));
        var datos = new { rut = (string)cliente["rut"]!, razonSocial = (string)cliente["razonSocial"]!, segmento = "Retail", cuentaClave = false, consumidor = false };
        var actualizado = await (await Api.PutAsJsonAsync($"/api/v1/clientes/{ClienteId}", datos)).JsonAsync();
        Assert.That((bool)actualizado["consumidorEfectivo"]!, Is.False);
        await (await RegistrarAsync("Llamada", M("2026-11-08T12:00:00-03:00"))).JsonAsync(201);
    }
}

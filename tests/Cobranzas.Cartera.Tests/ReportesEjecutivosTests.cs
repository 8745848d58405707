using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Cartera.Reportes;
using Cobranzas.Notificaciones.Envios;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Cobranzas.Cartera.Tests;

/// <summary>
/// Executive reports: a definition (weekly, a key-accounts group, two users) run by its trigger queues one mail per user with the dashboard
/// PDF in Notificaciones' outbox, the sender delivers it to the test SMTP server, and a second run of the same period queues nothing.
/// </summary>
public sealed class ReportesEjecutivosTests : PruebaCartera
{
    private async Task<(string GrupoId, string Cuenta)> GrandesCuentasAsync()
    {
        var cuenta = await Api.CrearClienteAsync(Datos.Cliente(razonSocial: "Minera Atacama Grande SpA"));
        await CrearDocumentoAsync(Factura(1, 700_000m, Hoy.AddDays(-60), Hoy.AddDays(-30), cuenta.Id()));
        var grupo = await (await Api.PostAsJsonAsync("/api/v1/grupos-clientes", new { nombre = "Grandes cuentas", descripcion = (string?)null })).JsonAsync(201);
        await (await Api.PostAsJsonAsync($"/api/v1/grupos-clientes/{grupo.Id()}/miembros", new { ids = new[] { cuenta.Id() } })).JsonAsync();
        return (grupo.Id(), cuenta.Id());
    }

    private static object Definicion(string? grupoId, params string[] usuarios) =>
        new { nombre = "Resumen semanal gerencia", frecuencia = "semanal", diaSemana = 1, diaMes = (int?)null, hora = "08:00:00", grupoClienteId = grupoId, usuarioIds = usuarios, activo = true };

    private static Task<ResultadoReporteEjecutivoDto> DispararAsync(Guid empresa, string reporteId, DateTimeOffset momento) =>
        Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<ReporteEjecutivoJob>().EjecutarAsync(empresa, Guid.Parse(reporteId), momento, CancellationToken.None));

    private static Task<int> DrenarAsync() => Fixture.EnAmbitoAsync(sp => sp.GetRequiredService<DrenadorEnvios>().DrenarAsync(CancellationToken.None));

    [Test]
    public async Task Ejecucion_programada_encola_un_correo_con_pdf_por_usuario_y_la_reejecucion_no_encola_nada()
    {
        var (grupo, _) = await GrandesCuentasAsync();
        var gerente = await Fixture.CrearUsuarioAsync(Empresa, Roles.Supervisor);
        var consulta = await Fixture.CrearUsuarioAsync(Empresa, Roles.Consulta);
        var reporte = await (await Api.PostAsJsonAsync("/api/v1/reportes/ejecutivos", Definicion(grupo, gerente.Id, consulta.Id))).JsonAsync(201);
        Assert.That((string?)reporte["programacion"], Is.EqualTo("0 0 8 ? * MON"));

        var lunes = Fixture.Reloj.GetUtcNow();
        var primera = await DispararAsync(Empresa.Id, reporte.Id(), lunes);
        var segunda = await DispararAsync(Empresa.Id, reporte.Id(), lunes.AddMinutes(1));

        Assert.That((primera.Encolados, primera.YaEnviados), Is.EqualTo((2, 0)));
        Assert.That((segunda.Periodo, segunda.Encolados, segunda.YaEnviados), Is.EqualTo((primera.Periodo, 0, 2)));

        await DrenarAsync();
        foreach (var u in new[] { gerente, consulta })
        {
            var mensajes = await Fixture.Correo.MensajesParaAsync(u.Email);
            Assert.That(mensajes, Has.Count.EqualTo(1), u.Email);
            var adjuntos = mensajes[0]["attachments"]!.AsArray();
            Assert.That(adjuntos.Select(a => ((string)a!["contentType"]!, (string)a["fileName"]!)),
                Is.EqualTo(new[] { ("application/pdf", $"reporte-ejecutivo-{F(Hoy)}.pdf") }));
            Assert.That((string?)mensajes[0]["subject"], Does.StartWith("Resumen semanal gerencia"));
        }

        Assert.That(await DrenarAsync(), Is.EqualTo(0));
        Assert.That(await Fixture.Correo.MensajesParaAsync(gerente.Email), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task El_pdf_trae_el_tablero_y_el_estado_de_las_cuentas_clave()
    {
        var (grupo, _) = await GrandesCuentasAsync();
        var gerente = await Fixture.CrearUsuarioAsync(Empresa, Roles.Supervisor);
        var reporte = await (await Api.PostAsJsonAsync("/api/v1/reportes/ejecutivos", Definicion(grupo, gerente.Id))).JsonAsync(201);

        var r = await (await Api.PostAsync($"/api/v1/reportes/ejecutivos/{reporte.Id()}/enviar", null)).JsonAsync();
        Assert.That((int?)r["encolados"], Is.EqualTo(1));
        await DrenarAsync();

        var mensaje = (await Fixture.Correo.MensajesParaAsync(gerente.Email)).Single();
        var pdf = await Fixture.Correo.AdjuntoAsync((string)mensaje["id"]!, (string)mensaje["attachments"]![0]!["generatedFileName"]!);
        using var documento = PdfDocument.Open(pdf);
        var texto = string.Join(" ", documento.GetPages().Select(p => p.Text));
        Assert.That(texto, Does.Contain("Total por cobrar").And.Contain("Cuentas clave").And.Contain("Minera Atacama Grande SpA").And.Contain("$700.000"));
    }

    [Test]
    public async Task Enviar_ahora_envia_otra_vez_aunque_el_periodo_ya_se_envio()
    {
        var gerente = await Fixture.CrearUsuarioAsync(Empresa, Roles.Supervisor);
        var reporte = await (await Api.PostAsJsonAsync("/api/v1/reportes/ejecutivos", Definicion(null, gerente.Id))).JsonAsync(201);
        await DispararAsync(Empresa.Id, reporte.Id(), Fixture.Reloj.GetUtcNow());

        var r = await (await Api.PostAsync($"/api/v1/reportes/ejecutivos/{reporte.Id()}/enviar", null)).JsonAsync();

        Assert.That((int?)r["encolados"], Is.EqualTo(1));
        Assert.That((string?)(await (await Api.GetAsync($"/api/v1/reportes/ejecutivos/{reporte.Id()}")).JsonAsync())["ultimoEnvio"], Is.Not.Null);
    }

    [Test]
    public async Task Definicion_mensual_se_lista_actualiza_y_elimina()
    {
        var gerente = await Fixture.CrearUsuarioAsync(Empresa, Roles.Supervisor);
        var creado = await (await Api.PostAsJsonAsync("/api/v1/reportes/ejecutivos", Definicion(null, gerente.Id))).JsonAsync(201);

        var mensual = new { nombre = "Cierre mensual", frecuencia = "mensual", diaSemana = (int?)null, diaMes = 31, hora = "07:30:00", grupoClienteId = (string?)null, usuarioIds = new[] { gerente.Id }, activo = true };
        var actualizado = await (await Api.PutAsJsonAsync($"/api/v1/reportes/ejecutivos/{creado.Id()}", mensual)).JsonAsync();
        Assert.That(((string?)actualizado["frecuencia"], (int?)actualizado["diaMes"], (string?)actualizado["programacion"]), Is.EqualTo(("mensual", 31, "0 30 7 L * ?")));

        var lista = await (await Api.GetAsync("/api/v1/reportes/ejecutivos")).JsonAsync();
        Assert.That(lista.AsArray().Select(x => (string)x!["nombre"]!), Is.EqualTo(new[] { "Cierre mensual" }));

        Assert.That((int)(await Api.DeleteAsync($"/api/v1/reportes/ejecutivos/{creado.Id()}")).StatusCode, Is.EqualTo(204));
        await (await Api.GetAsync($"/api/v1/reportes/ejecutivos/{creado.Id()}")).ProblemaAsync(404);
    }

    [Test]
    public async Task Definicion_invalida_responde_400_nombrando_el_campo_y_no_crea_nada()
    {
        var gerente = await Fixture.CrearUsuarioAsync(Empresa, Roles.Supervisor);

        var frecuencia = await (await Api.PostAsJsonAsync("/api/v1/reportes/ejecutivos",
            new { nombre = "X", frecuencia = "diaria", hora = "08:00:00", usuarioIds = new[] { gerente.Id } })).ProblemaAsync(400);
        var sinDia = await (await Api.PostAsJsonAsync("/api/v1/reportes/ejecutivos",
            new { nombre = "X", frecuencia = "semanal", hora = "08:00:00", usuarioIds = new[] { gerente.Id } })).ProblemaAsync(400);
        var sinUsuarios = await (await Api.PostAsJsonAsync("/api/v1/reportes/ejecutivos",
            new { nombre = "X", frecuencia = "mensual", diaMes = 5, hora = "08:00:00", usuarioIds = Array.Empty<string>() })).ProblemaAsync(400);

        Assert.That(frecuencia["errors"]!.AsObject().Select(e => e.Key), Does.Contain("cuerpo.frecuencia").Or.Contain("frecuencia"));
        Assert.That((string?)sinDia["detail"], Does.Contain("diaSemana").And.Contain("día de la semana"));
        Assert.That((string?)sinUsuarios["detail"], Does.Contain("usuarioIds").And.Contain("destinatario"));
        Assert.That((await (await Api.GetAsync("/api/v1/reportes/ejecutivos")).JsonAsync()).AsArray(), Is.Empty);
    }

    [Test]
    public async Task Usuario_o_grupo_de_otra_empresa_se_rechazan_y_no_se_crea_nada()
    {
        var (grupo, _) = await GrandesCuentasAsync();
        var propio = await Fixture.CrearUsuarioAsync(Empresa, Roles.Supervisor);
        var otra = await Fixture.CrearEmpresaAsync("Comercial del Sur");
        var apiOtra = await Fixture.ClienteHttpAsync(otra);
        var ajeno = await Fixture.CrearUsuarioAsync(otra, Roles.Supervisor);

        var conUsuarioAjeno = await (await Api.PostAsJsonAsync("/api/v1/reportes/ejecutivos", Definicion(null, ajeno.Id))).ProblemaAsync(422);
        var conGrupoAjeno = await (await apiOtra.PostAsJsonAsync("/api/v1/reportes/ejecutivos", Definicion(grupo, ajeno.Id))).ProblemaAsync(422);
        var creado = await (await Api.PostAsJsonAsync("/api/v1/reportes/ejecutivos", Definicion(grupo, propio.Id))).JsonAsync(201);

        Assert.That(conUsuarioAjeno.ToJsonString(), Does.Contain("usuarioIds"));
        Assert.That(conGrupoAjeno.ToJsonString(), Does.Contain("grupoClienteId"));
        Assert.That((await (await apiOtra.GetAsync("/api/v1/reportes/ejecutivos")).JsonAsync()).AsArray(), Is.Empty);
        await (await apiOtra.GetAsync($"/api/v1/reportes/ejecutivos/{creado.Id()}")).ProblemaAsync(404);
        await (await apiOtra.PostAsync($"/api/v1/reportes/ejecutivos/{creado.Id()}/enviar", null)).ProblemaAsync(404);
    }

    [Test]
    public async Task Solo_el_administrador_define_reportes_ejecutivos()
    {
        var supervisor = await Fixture.ClienteHttpAsync(Empresa, Roles.Supervisor);

        var r = await supervisor.GetAsync("/api/v1/reportes/ejecutivos");

        Assert.That((int)r.StatusCode, Is.EqualTo(403));
    }
}

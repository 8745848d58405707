using System.Net.Http.Json;
using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Testing;

namespace Cobranzas.Gestion.Tests;

public sealed class CompromisosTests : PruebaCompromisos
{
    [Test]
    public async Task Tomar_un_compromiso_de_documentos_pausa_cada_documento_y_agenda_la_tarea_del_dia()
    {
        var factura = await FacturaAsync(1, 100_000, Hoy.AddDays(-40), Hoy.AddDays(-10));
        var cobrador = await CobradorAsync("Ana", null, ClienteId);
        var c = await CompromisoAsync(100_000, Hoy.AddDays(5), [factura.Id()]);

        Assert.That((Estado(c), (decimal)c["monto"]!, (int)c["version"]!, (string)c["cobradorId"]!), Is.EqualTo(("pendiente", 100_000m, 1, cobrador.ToString())));
        Assert.That(c["cuotas"]!.AsArray().Select(x => ((int)x!["numero"]!, (string)x["fecha"]!, (decimal)x["monto"]!, (string)x["estado"]!)),
            Is.EqualTo(new[] { (1, F(Hoy.AddDays(5)), 100_000m, "pendiente") }));
        var pausas = await PausasAsync(c.Id());
        Assert.That(pausas.Select(p => (p.DocumentoId, p.Motivo, p.Hasta)), Is.EqualTo(new[] { ((Guid?)Guid.Parse(factura.Id()), "compromiso", (DateOnly?)Hoy.AddDays(7)) }));
        var tareas = await TareasAsync(c.Id());
        Assert.That(tareas.Select(t => (t.Tipo, t.Origen, t.Fecha, t.Titulo, t.CobradorId, t.Estado)),
            Is.EqualTo(new[] { (TiposTareaCompromiso.Vence, OrigenesTarea.Compromiso, Hoy.AddDays(5), "Compromiso vence hoy", (Guid?)cobrador, EstadosTarea.Pendiente) }));
    }

    [Test]
    public async Task Un_compromiso_de_monto_pausa_al_cliente_entero_con_una_tarea_por_cuota()
    {
        var r = await Api.PostAsJsonAsync("/api/v1/gestion/compromisos", new
        {
            clienteId = ClienteId, cuotas = new[] { new { fecha = F(Hoy.AddDays(20)), monto = 30_000m }, new { fecha = F(Hoy.AddDays(10)), monto = 20_000m } }, canal = "visita",
        });
        var c = await r.JsonAsync(201);
        Assert.That(c["cuotas"]!.AsArray().Select(x => ((int)x!["numero"]!, (string)x["fecha"]!)), Is.EqualTo(new[] { (1, F(Hoy.AddDays(10))), (2, F(Hoy.AddDays(20))) }));
        Assert.That((await PausasAsync(c.Id())).Select(p => (p.DocumentoId, p.Hasta)), Is.EqualTo(new[] { ((Guid?)null, (DateOnly?)Hoy.AddDays(22)) }));
        Assert.That((await TareasAsync(c.Id())).Select(t => t.Fecha), Is.EquivalentTo(new[] { Hoy.AddDays(10), Hoy.AddDays(20) }));
    }

    [Test]
    public async Task Un_pago_real_que_cubre_el_compromiso_lo_cumple_y_cierra_pausas_y_tareas()
    {
        var factura = await FacturaAsync(1, 100_000, Hoy.AddDays(-40), Hoy.AddDays(-10));
        var c = await CompromisoAsync(100_000, Hoy.AddDays(3), [factura.Id()]);
        await PagarAsync(100_000, Hoy);

        var leido = await LeerAsync(c.Id());
        Assert.That((Estado(leido), (decimal)leido["montoCumplido"]!, (string)leido["cuotas"]![0]!["estado"]!), Is.EqualTo(("cumplido", 100_000m, "cumplido")));
        Assert.That(await PausasAsync(c.Id()), Is.Empty);
        Assert.That((await TareasAsync(c.Id())).Select(t => t.Estado), Is.EqualTo(new[] { EstadosTarea.Cancelada }));
        Assert.That(leido["historial"]!.AsArray().Select(e => (string)e!["accion"]!), Is.EqualTo(new[] { "creado", "cumplido" }));
    }

    [Test]
    public async Task Un_pago_parcial_deja_el_compromiso_cumplido_parcialmente_cuando_pasa_el_plazo_y_crea_seguimiento()
    {
        var cobrador = await CobradorAsync("Ana", null, ClienteId);
        await FacturaAsync(1, 100_000, Hoy.AddDays(-40), Hoy.AddDays(-10));
        var c = await CompromisoAsync(100_000, Hoy.AddDays(1));
        await PagarAsync(40_000, Hoy);
        Assert.That((Estado(await LeerAsync(c.Id())), (decimal)(await LeerAsync(c.Id()))["montoCumplido"]!), Is.EqualTo(("pendiente", 40_000m)));

        await PasarDiasAsync(4);
        Assert.That(await EvaluacionDiariaAsync(), Is.EqualTo(1));
        var leido = await LeerAsync(c.Id());
        Assert.That((Estado(leido), (decimal)leido["montoCumplido"]!), Is.EqualTo(("cumplido_parcial", 40_000m)));
        var seguimiento = (await TareasAsync(c.Id())).Single(t => t.Tipo == TiposTareaCompromiso.Seguimiento);
        Assert.That((seguimiento.Origen, seguimiento.Estado, seguimiento.Fecha, seguimiento.CobradorId), Is.EqualTo((OrigenesTarea.Compromiso, EstadosTarea.Pendiente, Hoy, (Guid?)cobrador)));
        Assert.That(await PausasAsync(c.Id()), Is.Empty);
    }

    [Test]
    public async Task Sin_pagos_el_paso_del_tiempo_rompe_el_compromiso_una_sola_vez()
    {
        var c = await CompromisoAsync(50_000, Hoy);
        await PasarDiasAsync(3);
        Assert.That(await EvaluacionDiariaAsync(), Is.EqualTo(1));
        Assert.That(await EvaluacionDiariaAsync(), Is.EqualTo(0));
        Assert.That(Estado(await LeerAsync(c.Id())), Is.EqualTo("incumplido"));
        var tareas = await TareasAsync(c.Id());
        Assert.That(tareas.Select(t => (t.Tipo, t.Estado)), Is.EquivalentTo(new[]
        {
            (TiposTareaCompromiso.Vence, EstadosTarea.Cancelada), (TiposTareaCompromiso.Seguimiento, EstadosTarea.Pendiente),
        }));
        Assert.That(await PausasAsync(c.Id()), Is.Empty);
    }

    [Test]
    public async Task Los_dias_de_gracia_se_respetan()
    {
        await FacturaAsync(1, 200_000, Hoy.AddDays(-40), Hoy.AddDays(-10));
        var a = await CompromisoAsync(50_000, Hoy.AddDays(1));
        var b = await CompromisoAsync(50_000, Hoy.AddDays(1));
        await (await Api.PutAsJsonAsync("/api/v1/gestion/configuracion", new { diasGraciaCompromiso = 2 })).JsonAsync();

        // The promised day plus two days of grace: still pending, and a payment that day keeps the promise.
        await PasarDiasAsync(3);
        Assert.That(await EvaluacionDiariaAsync(), Is.EqualTo(0));
        await (await Api.PostAsJsonAsync($"/api/v1/gestion/compromisos/{b.Id()}/anular", new { motivo = "Se cuenta aparte" })).JsonAsync();
        await PagarAsync(50_000, Hoy);
        Assert.That(Estado(await LeerAsync(a.Id())), Is.EqualTo("cumplido"));

        // Taken the next day, so the payment above (before it) does not count for it.
        await PasarDiasAsync(1);
        var c = await CompromisoAsync(50_000, Hoy);
        await PasarDiasAsync(2);
        await EvaluacionDiariaAsync();
        Assert.That(Estado(await LeerAsync(c.Id())), Is.EqualTo("pendiente"));
        await PasarDiasAsync(1);
        await EvaluacionDiariaAsync();
        Assert.That(Estado(await LeerAsync(c.Id())), Is.EqualTo("incumplido"));
    }

    [Test]
    public async Task La_reversa_de_la_aplicacion_devuelve_un_compromiso_cumplido_a_pendiente()
    {
        var factura = await FacturaAsync(1, 100_000, Hoy.AddDays(-40), Hoy.AddDays(-10));
        var c = await CompromisoAsync(100_000, Hoy.AddDays(3), [factura.Id()]);
        var pago = await PagarAsync(100_000, Hoy);
        Assert.That(Estado(await LeerAsync(c.Id())), Is.EqualTo("cumplido"));

        await (await Api.PostAsJsonAsync($"/api/v1/aplicaciones/{pago["aplicaciones"]![0]!.Id()}/reversar", new { motivo = "Transferencia rechazada" })).JsonAsync();
        var leido = await LeerAsync(c.Id());
        Assert.That((Estado(leido), (decimal)leido["montoCumplido"]!), Is.EqualTo(("pendiente", 0m)));
        Assert.That((await PausasAsync(c.Id())).Select(p => p.DocumentoId), Is.EqualTo(new[] { (Guid?)Guid.Parse(factura.Id()) }));
        Assert.That((await TareasAsync(c.Id())).Count(t => t.Estado == EstadosTarea.Pendiente && t.Tipo == TiposTareaCompromiso.Vence), Is.EqualTo(1));

        await PasarDiasAsync(6);
        await EvaluacionDiariaAsync();
        Assert.That(Estado(await LeerAsync(c.Id())), Is.EqualTo("incumplido"));
    }

    [Test]
    public async Task Un_pago_de_otro_documento_no_cumple_un_compromiso_de_documentos()
    {
        var prometida = await FacturaAsync(1, 100_000, Hoy.AddDays(-10), Hoy.AddDays(10));
        await FacturaAsync(2, 100_000, Hoy.AddDays(-40), Hoy.AddDays(-20));
        var c = await CompromisoAsync(100_000, Hoy.AddDays(3), [prometida.Id()]);
        await PagarAsync(100_000, Hoy);
        Assert.That((Estado(await LeerAsync(c.Id())), (decimal)(await LeerAsync(c.Id()))["montoCumplido"]!), Is.EqualTo(("pendiente", 0m)));
    }

    [Test]
    public async Task Reprogramar_crea_una_version_nueva_y_conserva_las_anteriores()
    {
        var c = await CompromisoAsync(90_000, Hoy.AddDays(2));
        var r = await (await Api.PostAsJsonAsync($"/api/v1/gestion/compromisos/{c.Id()}/reprogramar", new
        {
            cuotas = new[] { new { fecha = F(Hoy.AddDays(10)), monto = 45_000m }, new { fecha = F(Hoy.AddDays(40)), monto = 45_000m } }, motivo = "Le pagan a fin de mes",
        })).JsonAsync();

        Assert.That(((int)r["version"]!, (decimal)r["monto"]!, r["cuotas"]!.AsArray().Count), Is.EqualTo((2, 90_000m, 2)));
        var historial = r["historial"]!.AsArray();
        Assert.That(historial.Select(e => ((string)e!["accion"]!, (int)e["version"]!, e["cuotas"]!.AsArray().Count, (string?)e["motivo"])),
            Is.EqualTo(new[] { ("creado", 1, 1, (string?)null), ("reprogramado", 2, 2, "Le pagan a fin de mes") }));
        Assert.That((string)historial[0]!["cuotas"]![0]!["fecha"]!, Is.EqualTo(F(Hoy.AddDays(2))));
        Assert.That((await PausasAsync(c.Id())).Single().Hasta, Is.EqualTo(Hoy.AddDays(42)));
        var tareas = await TareasAsync(c.Id());
        Assert.That(tareas.Where(t => t.Estado == EstadosTarea.Pendiente).Select(t => t.Fecha), Is.EquivalentTo(new[] { Hoy.AddDays(10), Hoy.AddDays(40) }));
        Assert.That(tareas.Single(t => t.Fecha == Hoy.AddDays(2)).Estado, Is.EqualTo(EstadosTarea.Cancelada));
    }

    [Test]
    public async Task Anular_quita_las_pausas_cancela_las_tareas_y_repetirlo_no_cambia_nada()
    {
        var c = await CompromisoAsync(10_000, Hoy.AddDays(2));
        var r = await (await Api.PostAsJsonAsync($"/api/v1/gestion/compromisos/{c.Id()}/anular", new { motivo = "Se tomó por error" })).JsonAsync();
        Assert.That(Estado(r), Is.EqualTo("anulado"));
        Assert.That(await PausasAsync(c.Id()), Is.Empty);
        Assert.That((await TareasAsync(c.Id())).Select(t => t.Estado), Is.EqualTo(new[] { EstadosTarea.Cancelada }));
        var otra = await (await Api.PostAsJsonAsync($"/api/v1/gestion/compromisos/{c.Id()}/anular", new { motivo = "Otra vez" })).JsonAsync();
        Assert.That(otra["historial"]!.AsArray().Count(e => (string)e!["accion"]! == "anulado"), Is.EqualTo(1));
        var reprogramar = await Api.PostAsJsonAsync($"/api/v1/gestion/compromisos/{c.Id()}/reprogramar", new
        {
            cuotas = new[] { new { fecha = F(Hoy.AddDays(3)), monto = 1m } }, motivo = "x",
        });
        Assert.That((await reprogramar.ProblemaAsync(422)).CamposConError(), Is.EqualTo(new[] { "id" }));
    }

    [Test]
    public async Task La_lista_filtra_por_cliente_y_estado()
    {
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var a = await CompromisoAsync(10_000, Hoy.AddDays(2));
        var b = await CompromisoAsync(20_000, Hoy.AddDays(2), clienteId: otroCliente);
        await (await Api.PostAsJsonAsync($"/api/v1/gestion/compromisos/{b.Id()}/anular", new { motivo = "Error" })).JsonAsync();

        var porCliente = await (await Api.GetAsync($"/api/v1/gestion/compromisos?clienteId={ClienteId}")).JsonAsync();
        Assert.That(porCliente.AsArray().Select(x => x!.Id()), Is.EqualTo(new[] { a.Id() }));
        var anulados = await (await Api.GetAsync("/api/v1/gestion/compromisos?estado=anulado")).JsonAsync();
        Assert.That(anulados.AsArray().Select(x => x!.Id()), Is.EqualTo(new[] { b.Id() }));
    }

    [TestCase("cuotas", TestName = "Sin cuotas es 400 nombrando cuotas")]
    [TestCase("monto", TestName = "Una cuota de monto cero es 400 nombrando la cuota")]
    [TestCase("canal", TestName = "Un canal desconocido es 400 nombrando canal")]
    [TestCase("notas", TestName = "Un NUL en las notas es 400 nombrando notas")]
    public async Task Entrada_invalida_es_400_en_espanol_nombrando_el_campo(string caso)
    {
        object cuerpo = caso switch
        {
            "cuotas" => new { clienteId = ClienteId, cuotas = Array.Empty<object>(), canal = "telefono" },
            "monto" => new { clienteId = ClienteId, cuotas = new[] { new { fecha = F(Hoy), monto = 0m } }, canal = "telefono" },
            "canal" => new { clienteId = ClienteId, cuotas = new[] { new { fecha = F(Hoy), monto = 1000m } }, canal = "paloma" },
            _ => new { clienteId = ClienteId, cuotas = new[] { new { fecha = F(Hoy), monto = 1000m } }, canal = "telefono", notas = "a\0b" },
        };
        var problema = await (await Api.PostAsJsonAsync("/api/v1/gestion/compromisos", cuerpo)).ProblemaAsync(400);
        var campo = caso == "monto" ? "cuotas[0].monto" : caso;
        Assert.That(problema.CamposConError(), Is.EqualTo(new[] { campo }));
        if (caso != "notas")
            Assert.That((string)problema["errors"]![campo]![0]!, Does.Match("(?i)(indique|debe|cuota)"));
    }

    [Test]
    public async Task Reglas_de_negocio_son_422_nombrando_el_campo()
    {
        var otro = (await Api.CrearClienteAsync()).Id();
        var ajena = await FacturaAsync(1, 50_000, Hoy.AddDays(-10), Hoy.AddDays(10), otro);
        var propia = await FacturaAsync(2, 50_000, Hoy.AddDays(-10), Hoy.AddDays(10));

        async Task<IReadOnlyList<string>> Campos(object cuerpo) => (await (await Api.PostAsJsonAsync("/api/v1/gestion/compromisos", cuerpo)).ProblemaAsync(422)).CamposConError();

        Assert.That(await Campos(new { clienteId = ClienteId, cuotas = new[] { new { fecha = F(Hoy.AddDays(-1)), monto = 1000m } }, canal = "telefono" }),
            Is.EqualTo(new[] { "cuotas[0].fecha" }));
        Assert.That(await Campos(new { clienteId = ClienteId, documentoIds = new[] { ajena.Id() }, cuotas = new[] { new { fecha = F(Hoy), monto = 1000m } }, canal = "telefono" }),
            Is.EqualTo(new[] { "documentoIds[0]" }));
        Assert.That(await Campos(new { clienteId = ClienteId, documentoIds = new[] { propia.Id() }, cuotas = new[] { new { fecha = F(Hoy), monto = 60_000m } }, canal = "telefono" }),
            Is.EqualTo(new[] { "cuotas" }));
    }

    [Test]
    public async Task Un_cobrador_no_ve_ni_toca_los_compromisos_de_otro_cobrador()
    {
        var otroCliente = (await Api.CrearClienteAsync()).Id();
        var usuario = await Fixture.CrearUsuarioAsync(Empresa, "Cobrador");
        await CobradorAsync("Propio", usuario.Id, ClienteId);
        await CobradorAsync("Otro", null, otroCliente);
        var propio = await CompromisoAsync(10_000, Hoy.AddDays(1));
        var ajeno = await CompromisoAsync(10_000, Hoy.AddDays(1), clienteId: otroCliente);
        var cobrador = await Fixture.IniciarSesionAsync(usuario.Email, usuario.Password, Empresa.Id);

        var lista = await (await cobrador.GetAsync("/api/v1/gestion/compromisos")).JsonAsync();
        Assert.That(lista.AsArray().Select(x => x!.Id()), Is.EqualTo(new[] { propio.Id() }));
        await (await cobrador.GetAsync($"/api/v1/gestion/compromisos/{ajeno.Id()}")).ProblemaAsync(404);
        await (await cobrador.PostAsJsonAsync($"/api/v1/gestion/compromisos/{ajeno.Id()}/anular", new { motivo = "x" })).ProblemaAsync(404);
        await (await cobrador.PostAsJsonAsync("/api/v1/gestion/compromisos", new
        {
            clienteId = otroCliente, cuotas = new[] { new { fecha = F(Hoy), monto = 1000m } }, canal = "telefono",
        })).ProblemaAsync(404);
        Assert.That(Estado(await CompromisoAsync(5_000, Hoy.AddDays(1), api: cobrador)), Is.EqualTo("pendiente"));
    }

    [Test]
    public async Task Otra_empresa_no_ve_los_compromisos()
    {
        var c = await CompromisoAsync(10_000, Hoy.AddDays(1));
        var otra = await Fixture.ClienteHttpAsync(await Fixture.CrearEmpresaAsync("Otra Empresa"));
        await (await otra.GetAsync($"/api/v1/gestion/compromisos/{c.Id()}")).ProblemaAsync(404);
        Assert.That((await (await otra.GetAsync("/api/v1/gestion/compromisos")).JsonAsync()).AsArray(), Is.Empty);
        await (await otra.PostAsJsonAsync($"/api/v1/gestion/compromisos/{c.Id()}/reprogramar", new
        {
            cuotas = new[] { new { fecha = F(Hoy.AddDays(3)), monto = 1m } }, motivo = "x",
        })).ProblemaAsync(404);
    }
}

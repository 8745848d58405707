using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Feriados;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Notificaciones.Contracts;
using Cobranzas.Notificaciones.Envios;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cobranzas.Notificaciones.Tests.Envios;

public sealed class EnviosTests : PruebaEnvios
{
    [Test]
    public async Task Una_ejecucion_encola_y_el_envio_entrega_los_correos_con_las_etiquetas_y_las_cuentas()
    {
        var (a1, a2, b) = (Email("ana"), Email("alberto"), Email("berta"));
        var andes = await ClienteEmpresaAsync("Comercial Andes SpA", a1, a2);
        var bio = await ClienteEmpresaAsync("Distribuidora Biobío Ltda", b);
        await VencidaAsync(150_000m, 10, andes);
        var folioAndes = UltimoFolio;
        await VencidaAsync(80_000m, 3, bio);
        await FacturaAsync(99_001, 50_000m, Hoy.AddDays(-5), Hoy.AddDays(20), bio);
        var definicion = await DefinicionAsync();

        Assert.That(R(await EjecutarAsync(definicion)), Is.EqualTo((2, 0, 0)));
        Assert.That(await DrenarAsync(), Is.EqualTo(2));

        var correoAndes = (await Fixture.Correo.CorreosParaAsync(a1)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(correoAndes.Para, Is.EquivalentTo(new[] { a1, a2 }), "un correo por cliente a todos sus contactos");
            Assert.That(correoAndes.Asunto, Is.EqualTo("Documentos vencidos de Comercial Andes SpA"));
            Assert.That(correoAndes.Html, Does.Contain("Comercial Andes SpA registra una deuda vencida de $150.000"));
            Assert.That(correoAndes.Html, Does.Contain($">{folioAndes}</td>"));
            Assert.That(correoAndes.Html, Does.Contain("Datos para depósito"));
            Assert.That(correoAndes.Html, Does.Contain("Banco de Chile"));
            Assert.That(correoAndes.Html, Does.Contain("76.086.428-5"));
            Assert.That(correoAndes.Html, Does.Contain("Equipo de Cobranzas"));
            Assert.That(correoAndes.Texto, Does.Contain("deuda vencida de $150.000"));
        });
        var correoBio = (await Fixture.Correo.CorreosParaAsync(b)).Single();
        Assert.That(correoBio.Html, Does.Contain("deuda vencida de $80.000"));
        Assert.That(correoBio.Html, Does.Not.Contain(">99001</td>"), "un documento por vencer no va en el aviso de vencidos");

        var envios = await EnviosAsync();
        Assert.That(envios.Select(e => (e.Estado, e.Origen, e.ActividadRegistrada)), Is.All.EqualTo((EstadosEnvio.Enviado, OrigenesEnvio.Manual, true)));
        Assert.That(envios.Select(e => e.Clave), Is.EquivalentTo(new[] { $"{definicion}:{andes}:{Hoy:yyyy-MM-dd}", $"{definicion}:{bio}:{Hoy:yyyy-MM-dd}" }));
        var actividades = await Fixture.EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "prueba");
            return await sp.GetRequiredService<GestionDbContext>().Actividades.Where(x => x.Origen == TiposActividadCorreo.Enviado).Select(x => x.OrigenId).ToListAsync();
        });
        Assert.That(actividades, Is.EquivalentTo(envios.Select(e => (Guid?)e.Id)), "cada correo enviado queda en la línea de tiempo del cliente");
    }

    [Test]
    public async Task Reejecutar_el_mismo_dia_no_envia_nada()
    {
        var a = Email();
        await VencidaAsync(100_000m, 5, await ClienteEmpresaAsync("Ferretería Sur", a));
        var definicion = await DefinicionAsync();
        Assert.That(R(await EjecutarAsync(definicion)), Is.EqualTo((1, 0, 0)));
        await DrenarAsync();

        Assert.That(R(await EjecutarAsync(definicion)), Is.EqualTo((0, 0, 1)));
        Assert.That(await DrenarAsync(), Is.EqualTo(0));
        Assert.That(await Fixture.Correo.CorreosParaAsync(a), Has.Count.EqualTo(1));
        Assert.That(await EnviosAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Dos_ejecuciones_a_la_vez_envian_cada_correo_una_sola_vez()
    {
        var emails = Enumerable.Range(0, 12).Select(_ => Email("doble")).ToList();
        foreach (var (e, i) in emails.Select((e, i) => (e, i)))
            await VencidaAsync(10_000m * (i + 1), 4, await ClienteEmpresaAsync($"Cliente Doble {i}", e));
        var definicion = await DefinicionAsync();
        var otra = await Fixture.IniciarSesionAsync(Empresa.EmailAdmin, Empresa.Password, Empresa.Id);

        var respuestas = await Task.WhenAll(
            Api.PostAsync($"/api/v1/notificaciones/definiciones/{definicion}/ejecutar", null),
            otra.PostAsync($"/api/v1/notificaciones/definiciones/{definicion}/ejecutar", null));
        var resultados = await Task.WhenAll(respuestas.Select(r => r.JsonAsync()));
        Assert.That(resultados.Sum(r => R(r).Encolados), Is.EqualTo(12));
        Assert.That(resultados.Sum(r => R(r).YaEnviados), Is.EqualTo(12));

        Assert.That(await DrenarAsync(), Is.EqualTo(12));
        foreach (var e in emails)
            Assert.That(await Fixture.Correo.CorreosParaAsync(e), Has.Count.EqualTo(1), e);
    }

    /// <summary>
    /// A run whose block meets a key another transaction is writing: the test holds an uncommitted outbox row for one of the clients
    /// (as a second run at the same moment would), lets the run reach it, and commits. The block is written anyway, without that client.
    /// </summary>
    [Test]
    public async Task Una_ejecucion_que_encuentra_la_clave_de_otra_a_medio_escribir_salta_solo_ese_cliente()
    {
        var emails = Enumerable.Range(0, 3).Select(_ => Email("choque")).ToList();
        var clientes = new List<Guid>();
        foreach (var (e, i) in emails.Select((e, i) => (e, i)))
        {
            var cliente = await ClienteEmpresaAsync($"Cliente Choque {i}", e);
            await VencidaAsync(20_000m * (i + 1), 6, cliente);
            clientes.Add(Guid.Parse(cliente));
        }

        var definicion = await DefinicionAsync(incluirCuentas: false);
        await using var otra = new NpgsqlConnection(Fixture.Conexion);
        await otra.OpenAsync();
        await using var tx = await otra.BeginTransactionAsync();
        var ajeno = Guid.CreateVersion7();
        await using (var fila = new NpgsqlCommand(
            """
            INSERT INTO notificaciones.envios (id, empresa_id, definicion_id, cliente_id, clave, origen, fecha_negocio, para, contacto_ids, documento_ids, asunto, html,
                message_id, estado, intentos, proximo_intento, creado, apertura_probable_automatica, actividad_registrada)
            VALUES (@id, @empresa, @definicion, @cliente, @clave, 'manual', @hoy, ARRAY[@para], '{}', '{}', 'De la otra ejecución', '<p>otra</p>',
                @id || '@notificaciones.cobranzas', 'pendiente', 0, now(), now(), false, false)
            """, otra, tx))
        {
            fila.Parameters.AddWithValue("id", ajeno);
            fila.Parameters.AddWithValue("empresa", Empresa.Id);
            fila.Parameters.AddWithValue("definicion", definicion);
            fila.Parameters.AddWithValue("cliente", clientes[1]);
            fila.Parameters.AddWithValue("clave", EjecutarDefinicionHandler.Clave(definicion, clientes[1], Hoy));
            fila.Parameters.AddWithValue("hoy", Hoy);
            fila.Parameters.AddWithValue("para", emails[1]);
            await fila.ExecuteNonQueryAsync();
        }

        var ejecucion = EjecutarAsync(definicion);
        await Fixture.EsperarBloqueadasAsync(1);
        await tx.CommitAsync();

        Assert.That(R(await ejecucion), Is.EqualTo((2, 0, 1)), "encola los otros dos; el cliente de la otra ejecución cuenta como ya escrito");
        var envios = (await EnviosAsync()).Where(e => e.DefinicionId == definicion).ToList();
        Assert.That(envios.Select(e => e.ClienteId), Is.EquivalentTo(clientes), "una fila por cliente y día");
        Assert.That(envios.Single(e => e.ClienteId == clientes[1]).Id, Is.EqualTo(ajeno), "la fila del choque es la de la otra ejecución");
        Assert.That(await DrenarAsync(), Is.EqualTo(3));
        foreach (var e in emails)
            Assert.That(await Fixture.Correo.CorreosParaAsync(e), Has.Count.EqualTo(1), e);
    }


    [Test]
    public async Task Dos_envios_a_la_vez_entregan_cada_correo_una_sola_vez()
    {
        var emails = Enumerable.Range(0, 30).Select(_ => Email("paralelo")).ToList();
        foreach (var (e, i) in emails.Select((e, i) => (e, i)))
            await VencidaAsync(1_000m + i, 2, await ClienteEmpresaAsync($"Cliente Paralelo {i}", e));
        Assert.That(R(await EjecutarAsync(await DefinicionAsync(incluirCuentas: false))).Encolados, Is.EqualTo(30));

        var enviados = await Task.WhenAll(DrenarConLoteAsync(4), DrenarConLoteAsync(4));
        Assert.That(enviados.Sum(), Is.EqualTo(30));
        var ids = new List<string>();
        foreach (var e in emails)
            ids.AddRange(await Fixture.Correo.MessageIdsParaAsync(e));
        Assert.That(ids, Has.Count.EqualTo(30));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(30));
    }

    private static Task<int> DrenarConLoteAsync(int porLote) => Fixture.EnAmbitoAsync(async sp =>
    {
        var d = sp.GetRequiredService<Cobranzas.Notificaciones.Envios.DrenadorEnvios>();
        d.PorLote = porLote;
        return await d.DrenarAsync(CancellationToken.None);
    });

    [Test]
    public async Task Cancelar_el_envio_a_mitad_de_lote_no_pierde_ni_repite_nada()
    {
        var emails = Enumerable.Range(0, 25).Select(_ => Email("corte")).ToList();
        foreach (var (e, i) in emails.Select((e, i) => (e, i)))
            await VencidaAsync(2_000m + i, 2, await ClienteEmpresaAsync($"Cliente Corte {i}", e));
        Assert.That(R(await EjecutarAsync(await DefinicionAsync(incluirCuentas: false))).Encolados, Is.EqualTo(25));

        using var corte = new CancellationTokenSource();
        var marcados = 0;
        var primero = await DrenarAsync(corte.Token, _ =>
        {
            if (++marcados == 7)
                corte.Cancel();
        });
        // The mark of a message travels while the next one is sent, so the one in flight when the cancellation lands still goes.
        Assert.That(primero, Is.InRange(7, 8), "el envío se detiene a lo más un mensaje después de la cancelación");
        var pendientes = (await EnviosAsync()).Count(e => e.Estado == EstadosEnvio.Pendiente);
        Assert.That(pendientes, Is.EqualTo(25 - primero), "lo no enviado vuelve a quedar disponible");

        Assert.That(await DrenarAsync(), Is.EqualTo(25 - primero));
        var ids = new List<string>();
        foreach (var e in emails)
            ids.AddRange(await Fixture.Correo.MessageIdsParaAsync(e));
        var guardados = (await EnviosAsync()).Select(e => e.MessageId).ToList();
        Assert.That(ids, Is.EquivalentTo(guardados), "cada Message-ID guardado llegó exactamente una vez");
    }

    [Test]
    public async Task Lo_que_reclamo_un_envio_caido_espera_su_arriendo_y_lo_que_ya_entrego_no_se_repite()
    {
        var emails = Enumerable.Range(0, 3).Select(_ => Email("caido")).ToList();
        foreach (var (e, i) in emails.Select((e, i) => (e, i)))
            await VencidaAsync(3_000m + i, 2, await ClienteEmpresaAsync($"Cliente Caído {i}", e));
        Assert.That(R(await EjecutarAsync(await DefinicionAsync(incluirCuentas: false))).Encolados, Is.EqualTo(3));
        var envios = await EnviosAsync();
        var entregado = envios.Single(e => e.Para.Single().Contains(emails[0], StringComparison.Ordinal));
        // A drain claimed the three and died after the server accepted the first one and its mark was written.
        var ahora = Fixture.Reloj.GetUtcNow();
        await EnEmpresaAsync(async db =>
        {
            foreach (var e in envios)
                await db.Database.ExecuteSqlAsync($"INSERT INTO notificaciones.envios_arriendos (envio_id, hasta) VALUES ({e.Id}, {ahora.AddMinutes(5)})");
            await db.Database.ExecuteSqlAsync($"INSERT INTO notificaciones.envios_entregados (envio_id, enviado) VALUES ({entregado.Id}, {ahora})");
        });

        Assert.That(await DrenarAsync(), Is.EqualTo(0), "nadie toma lo reclamado antes de que venza el arriendo");
        Assert.That((await EnviosAsync()).Single(e => e.Id == entregado.Id).Estado, Is.EqualTo(EstadosEnvio.Enviado), "la marca que dejó se pliega");

        Fixture.Reloj.Advance(TimeSpan.FromMinutes(6));
        Assert.That(await DrenarAsync(), Is.EqualTo(2));
        Assert.That(await Fixture.Correo.CorreosParaAsync(emails[0]), Is.Empty, "lo que el servidor ya había aceptado no sale otra vez");
        foreach (var e in emails.Skip(1))
            Assert.That(await Fixture.Correo.CorreosParaAsync(e), Has.Count.EqualTo(1), e);
        Assert.That((await EnviosAsync()).Select(e => e.Estado), Is.All.EqualTo(EstadosEnvio.Enviado));
        Assert.That(await EnEmpresaAsync(db => db.Set<Cobranzas.Notificaciones.Envios.EnvioArrendado>().CountAsync()), Is.EqualTo(0), "el pliegue quita los arriendos");
    }

    [Test]
    public async Task Un_documento_pagado_despues_de_vencer_no_se_cobra()
    {
        var (a, b) = (Email("pagado"), Email("parcial"));
        var pagado = await ClienteEmpresaAsync("Cliente Pagado", a);
        await VencidaAsync(70_000m, 15, pagado);
        await PagarAsync(70_000m, Hoy, pagado);
        var parcial = await ClienteEmpresaAsync("Cliente Dos Facturas", b);
        await VencidaAsync(40_000m, 20, parcial);
        var folioPagado = UltimoFolio;
        await VencidaAsync(60_000m, 5, parcial);
        var folioAbierto = UltimoFolio;
        await PagarAsync(40_000m, Hoy, parcial);

        Assert.That(R(await EjecutarAsync(await DefinicionAsync())), Is.EqualTo((1, 0, 0)));
        await DrenarAsync();
        Assert.That(await Fixture.Correo.CorreosParaAsync(a), Is.Empty);
        var correo = (await Fixture.Correo.CorreosParaAsync(b)).Single();
        Assert.That(correo.Html, Does.Contain($">{folioAbierto}</td>"));
        Assert.That(correo.Html, Does.Not.Contain($">{folioPagado}</td>"));
        Assert.That(correo.Html, Does.Contain("deuda vencida de $60.000"));
    }

    [Test]
    public async Task Un_documento_en_disputa_no_se_cobra()
    {
        var (a, b) = (Email("disputa"), Email("disputa2"));
        var solo = await ClienteEmpresaAsync("Cliente Con Disputa", a);
        var enDisputa = await VencidaAsync(90_000m, 12, solo);
        var dos = await ClienteEmpresaAsync("Cliente Disputa Parcial", b);
        var disputada = await VencidaAsync(30_000m, 12, dos);
        var folioDisputado = UltimoFolio;
        await VencidaAsync(45_000m, 8, dos);
        var folioCobrado = UltimoFolio;
        var motivo = (await (await Api.GetAsync("/api/v1/gestion/motivos-disputa")).JsonAsync()).AsArray().First()!.Id();
        await (await Api.PostAsJsonAsync("/api/v1/gestion/disputas", new { clienteId = solo, documentoIds = new[] { enDisputa.Id() }, motivoId = motivo })).JsonAsync(201);
        await (await Api.PostAsJsonAsync("/api/v1/gestion/disputas", new { clienteId = dos, documentoIds = new[] { disputada.Id() }, motivoId = motivo })).JsonAsync(201);

        Assert.That(R(await EjecutarAsync(await DefinicionAsync())), Is.EqualTo((1, 0, 0)));
        await DrenarAsync();
        Assert.That(await Fixture.Correo.CorreosParaAsync(a), Is.Empty);
        var correo = (await Fixture.Correo.CorreosParaAsync(b)).Single();
        Assert.That(correo.Html, Does.Contain($">{folioCobrado}</td>"));
        Assert.That(correo.Html, Does.Not.Contain($">{folioDisputado}</td>"));
    }

    [Test]
    public async Task Un_consumidor_no_recibe_un_tercer_contacto_escrito_en_la_semana_y_queda_omitido_con_la_regla()
    {
        // The default client of the test is a persona natural: a consumer under Ley 21.320.
        var a = Email("consumidor");
        await Api.CrearContactoAsync(ClienteId, Datos.Contacto(nombre: "Pedro Consumidor", email: a));
        await VencidaAsync(25_000m, 9, ClienteId);
        var tipos = (await (await Api.GetAsync("/api/v1/gestion/tipos-actividad")).JsonAsync()).AsArray();
        var correo = tipos.First(t => (string)t!["nombre"]! == "Correo")!.Id();
        var ahora = Fixture.Reloj.GetUtcNow();
        // Two written contacts in the last week, two days apart and the later one two days ago or more (the law's interval), on days it
        // lets a consumer be written to: which ones depends on the date the shared clock stands at (a Sunday or a national holiday would
        // refuse the manual activity itself).
        bool Permitido(int d) => Hoy.AddDays(-d) is var f && f.DayOfWeek != DayOfWeek.Sunday && !FeriadosChile.Tabla.Any(x => x.Fecha == f && x.Region is null);
        var (primero, segundo) = (from d1 in new[] { 4, 5, 6 } from d2 in new[] { 2, 3, 4 } where d1 - d2 >= 2 && Permitido(d1) && Permitido(d2) select (d1, d2)).First();
        foreach (var dias in new[] { primero, segundo })
        {
            await (await Api.PostAsJsonAsync("/api/v1/gestion/actividades", new
            {
                clienteId = ClienteId, tipoActividadId = correo, fecha = ahora.AddDays(-dias), resultado = "contactado", notas = "Correo manual",
            })).JsonAsync(201);
        }

        Assert.That(R(await EjecutarAsync(await DefinicionAsync())), Is.EqualTo((0, 1, 0)));
        var envio = (await EnviosAsync()).Single();
        Assert.That(envio.Estado, Is.EqualTo(EstadosEnvio.Omitido));
        Assert.That(envio.Detalle, Does.StartWith("ley_21320_escritos_semana: "));
        Assert.That(await DrenarAsync(), Is.EqualTo(0));
        Assert.That(await Fixture.Correo.CorreosParaAsync(a), Is.Empty);
    }

    [Test]
    public async Task Un_4xx_se_reintenta_mas_tarde_y_un_5xx_falla_para_siempre_con_la_respuesta()
    {
        await using var servidor = await ServidorSmtpFallas.IniciarAsync();
        var (temporal, rechazo) = (Email("temporal"), Email("rechazo"));
        await VencidaAsync(10_000m, 3, await ClienteEmpresaAsync("Cliente Temporal", temporal));
        await VencidaAsync(20_000m, 3, await ClienteEmpresaAsync("Cliente Rechazo", rechazo));
        Assert.That(R(await EjecutarAsync(await DefinicionAsync(incluirCuentas: false))).Encolados, Is.EqualTo(2));

        Assert.That(await DrenarAsync(smtp: servidor.Opciones), Is.EqualTo(0));
        var envios = await EnviosAsync();
        var t = envios.Single(e => e.Para.Single().Contains(temporal));
        var r = envios.Single(e => e.Para.Single().Contains(rechazo));
        Assert.Multiple(() =>
        {
            Assert.That((t.Estado, t.Intentos), Is.EqualTo((EstadosEnvio.Pendiente, 1)));
            Assert.That(t.Detalle, Does.StartWith("451 "));
            Assert.That(t.ProximoIntento, Is.GreaterThan(Fixture.Reloj.GetUtcNow()));
            Assert.That((r.Estado, r.Intentos), Is.EqualTo((EstadosEnvio.Fallido, 1)));
            Assert.That(r.Detalle, Does.StartWith("550 ").And.Contain("Mailbox does not exist"));
        });

        // Not due yet: nothing is attempted.
        Assert.That(await DrenarAsync(smtp: servidor.Opciones), Is.EqualTo(0));
        Assert.That((await EnviosAsync()).Single(e => e.Id == t.Id).Intentos, Is.EqualTo(1));

        Fixture.Reloj.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await DrenarAsync(smtp: servidor.Opciones), Is.EqualTo(0));
        var segundo = (await EnviosAsync()).Single(e => e.Id == t.Id);
        Assert.That((segundo.Estado, segundo.Intentos), Is.EqualTo((EstadosEnvio.Pendiente, 2)));
        Assert.That(segundo.ProximoIntento - Fixture.Reloj.GetUtcNow(), Is.EqualTo(TimeSpan.FromMinutes(2)).Within(TimeSpan.FromSeconds(1)), "la espera se duplica");

        Fixture.Reloj.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await DrenarAsync(smtp: servidor.Opciones), Is.EqualTo(1));
        var final = await EnviosAsync();
        Assert.That(final.Single(e => e.Id == t.Id).Estado, Is.EqualTo(EstadosEnvio.Enviado));
        Assert.That(final.Single(e => e.Id == r.Id).Estado, Is.EqualTo(EstadosEnvio.Fallido), "un 5xx no se reintenta");
        Assert.That(servidor.Recibidos, Is.EqualTo(new[] { temporal }));
    }

    [Test]
    public async Task El_correo_lleva_respuesta_baja_en_un_clic_message_id_y_seguimiento()
    {
        var a = Email("encabezados");
        await VencidaAsync(33_000m, 6, await ClienteEmpresaAsync("Cliente Encabezados", a));
        await EjecutarAsync(await DefinicionAsync(responderA: "respuestas@sur.test"));
        await DrenarAsync();

        var m = (await Fixture.Correo.MensajesParaAsync(a)).Single();
        var h = m["headers"]!.AsObject();
        var envio = (await EnviosAsync()).Single();
        var html = (string)m["html"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)h["auto-submitted"], Is.EqualTo("auto-generated"));
            Assert.That((string?)h["list-unsubscribe-post"], Is.EqualTo("List-Unsubscribe=One-Click"));
            Assert.That((string?)h["list-unsubscribe"], Does.Match("^<https?://[^>]+/api/v1/notificaciones/publico/baja/[A-Za-z0-9_-]+>$"));
            Assert.That((string?)h["reply-to"], Does.Contain("respuestas@sur.test"));
            Assert.That(((string?)m["messageId"])?.Trim('<', '>'), Is.EqualTo(envio.MessageId));
            Assert.That(html, Does.Contain("/api/v1/notificaciones/publico/apertura/"), "píxel de apertura");
            Assert.That(html, Does.Contain("/api/v1/notificaciones/publico/clic/"), "enlaces por la redirección firmada");
            Assert.That(html, Does.Not.Contain("href=\"https://pagos.example.test"));
            Assert.That(html, Does.Contain($"href=\"{((string?)h["list-unsubscribe"])?.Trim('<', '>')}\""), "la baja del cuerpo es la del encabezado, sin redirección");
            Assert.That(envio.Html, Does.Contain("https://pagos.example.test/pagar?c=1&amp;x=2"), "lo guardado es el mensaje sin seguimiento");
        });
    }

    [Test]
    public async Task El_paso_correo_de_la_politica_encola_un_correo_una_sola_vez()
    {
        var a = Email("politica");
        var cliente = await ClienteEmpresaAsync("Cliente Política", a);
        await VencidaAsync(55_000m, 10, cliente);
        await (await Api.PutAsJsonAsync("/api/v1/gestion/politica-cobranza", new
        {
            pasos = new[] { new { nombre = "Aviso por correo", etapa = "administrativa", dias = 1, diasMinimosDesdeAnterior = 0, segmentos = Array.Empty<string>(), soloCuentaClave = false, accion = "correo" } },
        })).JsonAsync();

        var primera = await (await Api.PostAsJsonAsync("/api/v1/gestion/politica-cobranza/ejecutar", new { simular = false })).JsonAsync();
        await (await Api.PostAsJsonAsync("/api/v1/gestion/politica-cobranza/ejecutar", new { simular = false })).JsonAsync();
        Assert.That((int)primera["pasosAplicados"]!, Is.EqualTo(1), primera.ToJsonString());

        var envio = (await EnviosAsync()).Single();
        Assert.That((envio.Origen, envio.Clave), Is.EqualTo((OrigenesEnvio.Politica, envio.Clave)));
        Assert.That(envio.Clave, Does.StartWith("paso:"));
        var pasoId = Guid.Parse(envio.Clave["paso:".Length..]);

        // The same step asked again (a retry of Gestión) queues nothing.
        var otra = await EnEmpresaAsync(async _ => await Fixture.EnAmbitoAsync(async sp =>
        {
            sp.GetRequiredService<IContextoSolicitudExplicito>().Establecer(Empresa.Id, "prueba");
            return await sp.GetRequiredService<IMediator>().Send(new EncolarCorreoPaso(Guid.Parse(cliente), pasoId, "Aviso por correo", null, Hoy));
        }));
        Assert.That(otra, Is.EqualTo(new ResultadoCorreoPaso(0, "ya_encolado")));

        Assert.That(await DrenarAsync(), Is.EqualTo(1));
        var correo = (await Fixture.Correo.CorreosParaAsync(a)).Single();
        Assert.That(correo.Asunto, Is.EqualTo("Aviso de cobranza: Cliente Política"));
        Assert.That(correo.Html, Does.Contain("$55.000"));
    }

    [Test]
    public async Task Un_contacto_desactivado_no_recibe_recordatorios_y_uno_activo_si()
    {
        var (activo, inactivo, solo) = (Email("activo"), Email("inactivo"), Email("solo"));
        var andes = await ClienteEmpresaAsync("Comercial Activo SpA", activo, inactivo);
        var sinActivos = await ClienteEmpresaAsync("Comercial Sin Activos Ltda", solo);
        await VencidaAsync(40_000m, 6, andes);
        await VencidaAsync(30_000m, 6, sinActivos);
        foreach (var (cliente, email) in new[] { (andes, inactivo), (sinActivos, solo) })
        {
            var contactos = await (await Api.GetAsync($"/api/v1/clientes/{cliente}/contactos")).JsonAsync();
            var id = (string)contactos.AsArray().Single(c => (string?)c!["email"] == email)!["id"]!;
            (await Api.PostAsync($"/api/v1/clientes/{cliente}/contactos/{id}/desactivar", null)).EnsureSuccessStatusCode();
        }

        var conteo = await (await Api.PostAsJsonAsync("/api/v1/notificaciones/definiciones/conteo-destinatarios", new { tipo = "documentos_vencidos" })).JsonAsync();
        Assert.That(((int)conteo["clientes"]!, (int)conteo["contactos"]!), Is.EqualTo((1, 1)), "el conteo tampoco cuenta a los contactos desactivados");
        Assert.That(R(await EjecutarAsync(await DefinicionAsync())).Encolados, Is.EqualTo(1));
        Assert.That(await DrenarAsync(), Is.EqualTo(1));

        var correo = await Fixture.Correo.EsperarCorreoAsync(activo);
        Assert.That(correo.Para, Is.EqualTo(new[] { activo }), "el correo del cliente va solo a su contacto activo");
        Assert.That(await Fixture.Correo.CorreosParaAsync(inactivo), Is.Empty);
        Assert.That(await Fixture.Correo.CorreosParaAsync(solo), Is.Empty);
        Assert.That((await EnviosAsync()).Select(e => e.Para.Count), Is.EqualTo(new[] { 1 }), "un cliente sin contactos activos no recibe nada");
    }

    [Test]
    public async Task El_conteo_dice_quien_recibiria_hoy_sin_escribir_nada()
    {
        await VencidaAsync(10_000m, 3, await ClienteEmpresaAsync("Cliente Conteo Uno", Email(), Email()));
        var sinCorreo = (await Api.CrearClienteAsync(new { rut = SharedKernel.Rut.Rut.Desde(77_000_000 + Fixture.Siguiente()).Canonico, razonSocial = "Cliente De Baja", segmento = "Retail", cuentaClave = false })).Id();
        await Api.CrearContactoAsync(sinCorreo, Datos.Contacto(email: Email("baja"), optOutEmail: true));
        await VencidaAsync(10_000m, 3, sinCorreo);
        await ClienteEmpresaAsync("Cliente Sin Deuda", Email());

        var conteo = await (await Api.PostAsJsonAsync("/api/v1/notificaciones/definiciones/conteo-destinatarios", new { tipo = "documentos_vencidos" })).JsonAsync();
        Assert.That(((int)conteo["clientes"]!, (int)conteo["contactos"]!, (int)conteo["omitidos"]!), Is.EqualTo((1, 2, 1)));
        Assert.That(await EnviosAsync(), Is.Empty);

        var nulo = await (await Api.PostAsJsonAsync("/api/v1/notificaciones/definiciones/conteo-destinatarios", new { tipo = "documentos_vencidos", destinatarios = new { segmentos = new[] { "Re\0tail" } } })).ProblemaAsync(400);
        Assert.That(nulo.CamposConError().Single(), Does.StartWith("destinatarios.segmentos"));
        var preventivo = await (await Api.PostAsJsonAsync("/api/v1/notificaciones/definiciones/conteo-destinatarios", new { tipo = "recordatorio_preventivo" })).ProblemaAsync(400);
        Assert.That(preventivo.CamposConError(), Is.EqualTo(new[] { "diasAntes" }));
    }

    [Test]
    public async Task Un_recordatorio_preventivo_avisa_solo_lo_que_vence_en_los_dias_dichos()
    {
        var a = Email("preventivo");
        var cliente = await ClienteEmpresaAsync("Cliente Preventivo", a);
        await FacturaAsync(70_001, 11_000m, Hoy.AddDays(-10), Hoy.AddDays(5), cliente);
        await FacturaAsync(70_002, 12_000m, Hoy.AddDays(-10), Hoy.AddDays(6), cliente);
        await VencidaAsync(13_000m, 2, cliente);

        Assert.That(R(await EjecutarAsync(await DefinicionAsync(TiposDefinicion.RecordatorioPreventivo, diasAntes: 5))).Encolados, Is.EqualTo(1));
        await DrenarAsync();
        var correo = (await Fixture.Correo.CorreosParaAsync(a)).Single();
        Assert.That(correo.Html, Does.Contain(">70001</td>"));
        Assert.That(correo.Html, Does.Not.Contain(">70002</td>"));
        Assert.That(correo.Html, Does.Not.Contain($">{UltimoFolio}</td>"));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Bogus;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Notificaciones.Definiciones;
using Cobranzas.Notificaciones.Envios;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Correo;
using Cobranzas.SharedKernel.Tenancy;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace Cobranzas.Bench;

/// <summary>
/// Notificaciones (issue 11). Every client (business clients here: B2B, so the consumer hours do not depend on the bench's clock) gets
/// one contact with an e-mail and one overdue invoice.
/// <list type="number">
/// <item>Recipient selection for all clients (<see cref="SeleccionDestinatarios"/>: one call to Clientes, Cartera and Gestión each)
/// against one raw SQL query over the same tables; both must find the same clients and contacts.</item>
/// <item>10 000 reminders: a run (select, contact rules, render, bulk insert) plus the sender draining them to a loopback SMTP server
/// (npm smtp-server, counting Message-IDs), against a raw MailKit loop on one connection sending the same pre-rendered messages.</item>
/// </list>
/// </summary>
public static class BancoNotificaciones
{
    /// <summary>
    /// The raw baseline reads what the selection hands to the run, not only who: each selected client's usable contacts and its open
    /// overdue installments with their document, in one statement.
    /// </summary>
    public const string SqlSeleccion = """
        SELECT k.cliente_id, k.id, k.nombre, k.email, c.documento_id, d.tipo, d.folio, c.numero, c.fecha_vencimiento, c.moneda, c.saldo
        FROM clientes.contactos k
        JOIN cartera.cuotas c ON c.empresa_id = @e AND c.cliente_id = k.cliente_id AND c.saldo > 0 AND c.vigente AND c.fecha_vencimiento <= @hasta
        JOIN cartera.documentos d ON d.id = c.documento_id
        WHERE k.empresa_id = @e AND k.activo AND k.email IS NOT NULL AND k.email <> '' AND k.rol IN ('cobranza', 'pagos') AND NOT k.opt_out_email AND NOT k.email_invalido
          AND NOT EXISTS (SELECT 1 FROM gestion.pausas_escalamiento p WHERE p.empresa_id = @e AND p.documento_id = c.documento_id AND (p.hasta IS NULL OR p.hasta >= @hoy))
          AND NOT EXISTS (SELECT 1 FROM gestion.pausas_escalamiento p WHERE p.empresa_id = @e AND p.cliente_id = k.cliente_id AND p.documento_id IS NULL AND (p.hasta IS NULL OR p.hasta >= @hoy))
        """;

    public static async Task EjecutarAsync(IServiceProvider servicios, NpgsqlDataSource fuente, Guid empresa, DateOnly hoy)
    {
        var sw = Stopwatch.StartNew();
        int clientes;
        await using (var cmd = fuente.CreateCommand("""
            UPDATE clientes.clientes SET consumidor = false WHERE empresa_id = @e;
            INSERT INTO clientes.contactos (id, empresa_id, cliente_id, nombre, rol, email, canal_preferido, opt_out_email, email_invalido)
            SELECT gen_random_uuid(), empresa_id, id, 'Contacto ' || rut, 'cobranza', 'contacto.' || replace(rut, '-', '') || '@bench.test', 'email', false, false
            FROM clientes.clientes WHERE empresa_id = @e
            """))
        {
            cmd.Parameters.AddWithValue("e", empresa);
            clientes = await cmd.ExecuteNonQueryAsync() / 2;
        }

        var ids = new List<Guid>();
        await using (var cmd = fuente.CreateCommand("SELECT id FROM clientes.clientes WHERE empresa_id = @e ORDER BY rut"))
        {
            cmd.Parameters.AddWithValue("e", empresa);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                ids.Add(r.GetGuid(0));
        }

        var f = new Randomizer(11);
        var docs = ids.Select((id, i) =>
        {
            var vencimiento = hoy.AddDays(-f.Int(1, 120));
            var neto = (decimal)f.Int(10_000, 1_000_000);
            var iva = Math.Round(neto * 0.19m);
            return new DatosDocumento("33", 80_000_000 + i, id, null, vencimiento.AddDays(-30), vencimiento, null, "CLP", neto, 0, iva, neto + iva, null, "erp", null, null);
        }).ToList();
        await using (var c = await fuente.OpenConnectionAsync())
        {
            await using var tx = await c.BeginTransactionAsync();
            await BancoCartera.CopiarDocumentosAsync(c, empresa, docs, pagado: false);
            await tx.CommitAsync();
        }

        foreach (var s in new[] { "VACUUM ANALYZE clientes.contactos", "VACUUM ANALYZE cartera.documentos", "VACUUM ANALYZE cartera.cuotas" })
        {
            await using var cmd = fuente.CreateCommand(s);
            await cmd.ExecuteNonQueryAsync();
        }

        Console.WriteLine();
        Console.WriteLine($"Notificaciones: {ids.Count:N0} clientes con un contacto y una factura vencida cada uno (datos en {sw.Elapsed.TotalSeconds:N0} s), día {hoy:yyyy-MM-dd}.");
        Console.WriteLine();
        Console.WriteLine("| escenario | Notificaciones | base cruda | razón |");
        Console.WriteLine("|---|---|---|---|");

        // 1. Selection.
        var filtro = new CriteriosSeleccion(TiposDefinicion.DocumentosVencidos, null, null, [], [], [], [], [], null, ["cobranza", "pagos"]);
        var seleccionados = 0;
        var contactos = 0;
        async Task Seleccion()
        {
            await using var ambito = servicios.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "bench");
            var s = await ambito.ServiceProvider.GetRequiredService<SeleccionDestinatarios>().SeleccionarAsync(filtro, hoy, CancellationToken.None);
            seleccionados = s.Clientes.Count;
            contactos = s.Clientes.Sum(x => x.Contactos.Count);
        }

        var sqlClientes = 0;
        var sqlContactos = 0;
        async Task Sql()
        {
            await using var cmd = fuente.CreateCommand(SqlSeleccion);
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("hoy", hoy);
            cmd.Parameters.AddWithValue("hasta", hoy.AddDays(-1));
            await using var r = await cmd.ExecuteReaderAsync();
            var filas = new List<(Guid Cliente, Guid Contacto, string Nombre, string Email, Guid Documento, string Tipo, long Folio, int Cuota, DateOnly Vence, string Moneda, decimal Saldo)>();
            while (await r.ReadAsync())
            {
                filas.Add((r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetGuid(4), r.GetString(5), r.GetInt64(6), r.GetInt32(7),
                    r.GetFieldValue<DateOnly>(8), r.GetString(9), r.GetDecimal(10)));
            }

            var n = filas.Select(f => f.Cliente).Distinct().Count();
            var k = filas.Select(f => (f.Cliente, f.Email.ToLowerInvariant())).Distinct().Count();
            (sqlClientes, sqlContactos) = (n, k);
        }

        await Seleccion();
        await Sql();
        if ((seleccionados, contactos) != (sqlClientes, sqlContactos))
            throw new InvalidOperationException($"La selección encontró {seleccionados}/{contactos} y el SQL {sqlClientes}/{sqlContactos}: no calculan lo mismo.");
        var (tSel, tSql) = await MedianasAlternadas(Seleccion, Sql, 5);
        Console.WriteLine($"| selección de destinatarios, {seleccionados:N0} clientes / {contactos:N0} contactos (una llamada por contrato) vs una consulta SQL | {tSel:N0} ms | {tSql:N0} ms | {tSel / tSql:N2}x |");

        // 2. 10 000 reminders, rendered and delivered.
        var n10k = Math.Min(10_000, ids.Count);
        await using (var cmd = fuente.CreateCommand("UPDATE clientes.clientes SET segmento = 'Bench envío' WHERE empresa_id = @e AND id = ANY(@ids)"))
        {
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("ids", ids.Take(n10k).ToArray());
            await cmd.ExecuteNonQueryAsync();
        }

        await using var smtp = await ServidorContador.IniciarAsync();
        var opciones = new OpcionesSmtp { Host = "127.0.0.1", Port = smtp.Puerto, Remitente = "cobranzas@bench.test" };
        await using (var ambito = servicios.CreateAsyncScope())
        {
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "bench");
            var db = ambito.ServiceProvider.GetRequiredService<NotificacionesDbContext>();
            db.CuentasDeposito.Add(new CuentaDeposito { Banco = "Banco Bench", TipoCuenta = "corriente", Numero = "1-234-567", Titular = "Bench SpA", RutTitular = "76543210-3", PorDefecto = true });
            await db.SaveChangesAsync();
        }

        async Task<Guid> Definicion(string segmento)
        {
            await using var ambito = servicios.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "bench");
            var db = ambito.ServiceProvider.GetRequiredService<NotificacionesDbContext>();
            var d = new DefinicionNotificacion
            {
                Tipo = TiposDefinicion.DocumentosVencidos, Asunto = "Documentos vencidos de {{ cliente.nombre }}", IncluirCuentas = true, Segmentos = [segmento],
                Plantilla = """<p>Estimado(a) {{ contacto.nombre }}: {{ cliente.nombre }} (RUT {{ cliente.rut }}) registra {{ deuda.vencida }} vencidos.</p>{{ tabla_documentos }}<p><a href="https://pagos.bench.test/x">Pagar</a></p>""",
                Firma = "Cobranzas Bench",
            };
            db.Definiciones.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        }

        async Task<int> Drenar()
        {
            await using var ambito = servicios.CreateAsyncScope();
            return await ActivatorUtilities.CreateInstance<DrenadorEnvios>(ambito.ServiceProvider, Options.Create(opciones)).DrenarAsync(CancellationToken.None);
        }

        async Task<ResultadoEjecucion> Ejecutar(Guid definicionId)
        {
            await using var ambito = servicios.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "bench");
            return await ambito.ServiceProvider.GetRequiredService<IMediator>().Send(new EjecutarDefinicion(definicionId, OrigenesEnvio.Manual));
        }

        static void Marcar(string marca)
        {
            if (Environment.GetEnvironmentVariable("COBRANZAS_BENCH_MARCAR") is not null)
                Console.WriteLine(marca);
        }

        // The host is a long-lived process: its first runs pay the JIT of the whole delivery path (Scriban, MimeKit, the sender's SQL) and
        // then its tier-up to optimised code on a background thread, which the raw loop, measured after our run in the same process, no
        // longer pays. Two runs to 500 other clients, untimed, and then a wait until the runtime stops compiling, warm it first.
        var calentamiento = ids.Skip(n10k).Take(500).ToArray();
        if (calentamiento.Length > 0)
        {
            await using (var cmd = fuente.CreateCommand("UPDATE clientes.clientes SET segmento = 'Bench calentamiento' WHERE empresa_id = @e AND id = ANY(@ids)"))
            {
                cmd.Parameters.AddWithValue("e", empresa);
                cmd.Parameters.AddWithValue("ids", calentamiento);
                await cmd.ExecuteNonQueryAsync();
            }

            for (var vuelta = 0; vuelta < 2; vuelta++)
            {
                await Ejecutar(await Definicion("Bench calentamiento"));
                while (await Drenar() > 0)
                {
                }
            }

            await EsperarCompilacionAsync();
            await smtp.ReiniciarAsync();
        }

        var definicion = await Definicion("Bench envío");
        await smtp.CapturarAsync();
        Marcar("MIDIENDO-ENTREGA");

        // The run commits its mails in blocks and announces each one (AvisoEnvios fires the sender's Quartz job; Quartz is off here), so
        // the sender drains while the run still renders: here a drain starts whenever the previous one ended (after 50 ms when it found nothing), until the run
        // has finished and one last drain has run after it.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (jit, tJit) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
        sw.Restart();
        var tEjecucion = TimeSpan.Zero;
        var corrida = Task.Run(async () =>
        {
            var r = await Ejecutar(definicion);
            tEjecucion = sw.Elapsed;
            return r;
        });
        var enviados = 0;
        while (true)
        {
            var corridaTerminada = corrida.IsCompleted;
            var n = await Drenar();

            enviados += n;
            if (corridaTerminada)
                break;
            if (n == 0)
                await Task.WhenAny(corrida, Task.Delay(50));
        }

        var resultado = await corrida;
        var tNotificaciones = sw.Elapsed;
        var cpuNotificaciones = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        (jit, tJit) = (JitInfo.GetCompiledMethodCount() - jit, JitInfo.GetCompilationTime() - tJit);
        Marcar("FIN-ENTREGA");
        var (recibidos, distintos) = await smtp.CuentaAsync();
        if (resultado.Encolados != n10k || enviados != n10k || recibidos != n10k || distintos != n10k)
            throw new InvalidOperationException($"Encolados {resultado.Encolados}, enviados {enviados}, recibidos {recibidos} ({distintos} Message-ID distintos); se esperaban {n10k}.");

        // The raw baseline: the very messages the server received from the sender (links signed, pixel, List-Unsubscribe), replayed in
        // a plain loop on one connection.
        var mensajes = await smtp.VolcarAsync();
        if (mensajes.Count != n10k)
            throw new InvalidOperationException($"El servidor capturó {mensajes.Count} mensajes; se esperaban {n10k}.");

        await smtp.ReiniciarAsync();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        sw.Restart();
        using (var cliente = new SmtpClient())
        {
            await cliente.ConnectAsync(opciones.Host, opciones.Port, SecureSocketOptions.None);
            foreach (var m in mensajes)
                await cliente.SendAsync(m);
            await cliente.DisconnectAsync(true);
        }

        var tCrudo = sw.Elapsed;
        var cpuCrudo = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var (recibidosCrudo, _) = await smtp.CuentaAsync();
        if (recibidosCrudo != n10k)
            throw new InvalidOperationException($"El bucle crudo entregó {recibidosCrudo} de {n10k}.");
        var porSegundo = n10k / tNotificaciones.TotalSeconds;
        var porSegundoCrudo = n10k / tCrudo.TotalSeconds;
        Console.WriteLine($"| {n10k:N0} recordatorios: corrida (selección, reglas, render, inserción por bloques: termina a los {tEjecucion.TotalSeconds:N1} s) + envío que drena en paralelo, vs bucle MailKit crudo con los mismos mensajes | {porSegundo:N0} correos/s ({tNotificaciones.TotalSeconds:N1} s) | {porSegundoCrudo:N0} correos/s ({tCrudo.TotalSeconds:N1} s) | {porSegundo / porSegundoCrudo:N2}x del crudo; duplicados en el servidor: {recibidos - distintos} |");
        Console.WriteLine($"CPU de este proceso por correo: {cpuNotificaciones.TotalMilliseconds * 1000 / n10k:N0} µs (corrida + envío) vs {cpuCrudo.TotalMilliseconds * 1000 / n10k:N0} µs (bucle crudo); métodos compilados durante la entrega: {jit:N0} ({tJit.TotalMilliseconds:N0} ms de JIT).");

        // The sender alone, like for like with the raw loop: the same clients get a second definition, the run queues its 10 000 rendered
        // mails first (untimed), then the drain alone sends them.
        var encolados = (await Ejecutar(await Definicion("Bench envío"))).Encolados;
        if (encolados != n10k)
            throw new InvalidOperationException($"La segunda corrida encoló {encolados}; se esperaban {n10k}.");

        await smtp.ReiniciarAsync();
        Marcar("MIDIENDO-SOLO");
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        sw.Restart();
        var soloEnvio = 0;
        for (int n; (n = await Drenar()) > 0;)
            soloEnvio += n;
        var tSoloEnvio = sw.Elapsed;
        var cpuSoloEnvio = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Marcar("FIN-SOLO");
        (recibidos, distintos) = await smtp.CuentaAsync();
        if (soloEnvio != n10k || recibidos != n10k || distintos != n10k)
            throw new InvalidOperationException($"Envío solo: enviados {soloEnvio}, recibidos {recibidos} ({distintos} Message-ID distintos); se esperaban {n10k}.");
        Console.WriteLine($"| {n10k:N0} recordatorios ya encolados (renderizados): sólo el envío, con marcas, pliegue y actividades, vs el mismo bucle MailKit crudo | {n10k / tSoloEnvio.TotalSeconds:N0} correos/s ({tSoloEnvio.TotalSeconds:N1} s) | {porSegundoCrudo:N0} correos/s ({tCrudo.TotalSeconds:N1} s) | {n10k / tSoloEnvio.TotalSeconds / porSegundoCrudo:N2}x del crudo; duplicados en el servidor: {recibidos - distintos} |");
        Console.WriteLine($"CPU de este proceso por correo, sólo el envío: {cpuSoloEnvio.TotalMilliseconds * 1000 / n10k:N0} µs.");
    }

    /// <summary>
    /// Medians of <paramref name="veces"/> timings of each, taken in turns (a, b, a, b…): on a shared machine the load moves within
    /// seconds, and five of one followed by five of the other put that drift into the ratio (0.77x to 2.19x for the same code).
    /// </summary>
    private static async Task<(double A, double B)> MedianasAlternadas(Func<Task> a, Func<Task> b, int veces)
    {
        var (ta, tb) = (new List<double>(), new List<double>());
        for (var i = 0; i < veces; i++)
        {
            ta.Add(await Medir(a));
            tb.Add(await Medir(b));
        }

        ta.Sort();
        tb.Sort();
        return (ta[veces / 2], tb[veces / 2]);
    }

    /// <summary>Waits until the runtime has compiled nothing new for a second (the tier-up of the warm-up's hot methods), at most 30 s.</summary>
    private static async Task EsperarCompilacionAsync()
    {
        var quieto = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();
        var compilados = JitInfo.GetCompiledMethodCount();
        while (quieto.Elapsed < TimeSpan.FromSeconds(1) && total.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
            var ahora = JitInfo.GetCompiledMethodCount();
            if (ahora != compilados)
            {
                compilados = ahora;
                quieto.Restart();
            }
        }
    }

    private static async Task<double> Medir(Func<Task> accion)
    {
        var sw = Stopwatch.StartNew();
        await accion();
        return sw.Elapsed.TotalMilliseconds;
    }
}

/// <summary>bench/smtp-contador.mjs: npm smtp-server (maildev's dependency in build/mail) counting messages and Message-IDs.</summary>
internal sealed class ServidorContador : IAsyncDisposable
{
    private readonly Process _proceso;

    private ServidorContador(Process proceso, int puerto)
    {
        _proceso = proceso;
        Puerto = puerto;
    }

    public int Puerto { get; }

    public static async Task<ServidorContador> IniciarAsync()
    {
        var raiz = Raiz();
        var inicio = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardInput = true };
        inicio.ArgumentList.Add(Path.Combine(raiz, "bench", "smtp-contador.mjs"));
        inicio.ArgumentList.Add(Path.Combine(raiz, "build", "mail"));
        var p = Process.Start(inicio) ?? throw new InvalidOperationException("No se pudo iniciar node.");
        var linea = await p.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("smtp-contador.mjs no inició (¿build/mail sin npm ci?).");
        return new ServidorContador(p, int.Parse(linea.Split(' ')[1], CultureInfo.InvariantCulture));
    }

    public async Task<(int Mensajes, int Distintos)> CuentaAsync()
    {
        await _proceso.StandardInput.WriteLineAsync("CUENTA");
        var partes = (await _proceso.StandardOutput.ReadLineAsync())!.Split(' ');
        return (int.Parse(partes[1], CultureInfo.InvariantCulture), int.Parse(partes[2], CultureInfo.InvariantCulture));
    }

    public async Task ReiniciarAsync()
    {
        await _proceso.StandardInput.WriteLineAsync("REINICIAR");
        await _proceso.StandardOutput.ReadLineAsync();
    }

    public async Task CapturarAsync()
    {
        await _proceso.StandardInput.WriteLineAsync("CAPTURAR");
        await _proceso.StandardOutput.ReadLineAsync();
    }

    /// <summary>The messages received since <see cref="CapturarAsync"/>, byte for byte, as MimeKit loads them.</summary>
    public async Task<List<MimeMessage>> VolcarAsync()
    {
        var archivo = Path.GetTempFileName();
        try
        {
            await _proceso.StandardInput.WriteLineAsync("VOLCAR " + archivo);
            await _proceso.StandardOutput.ReadLineAsync();
            var bytes = await File.ReadAllBytesAsync(archivo);
            var mensajes = new List<MimeMessage>();
            for (var i = 0; i < bytes.Length;)
            {
                var salto = Array.IndexOf(bytes, (byte)'\n', i);
                var largo = int.Parse(bytes.AsSpan(i, salto - i), CultureInfo.InvariantCulture);
                mensajes.Add(MimeMessage.Load(new MemoryStream(bytes, salto + 1, largo)));
                i = salto + 1 + largo;
            }

            return mensajes;
        }
        finally
        {
            File.Delete(archivo);
        }
    }

    private static string Raiz()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Cobranzas.sln")))
            d = d.Parent;
        return d?.FullName ?? Directory.GetCurrentDirectory();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_proceso.HasExited)
        {
            _proceso.Kill();
            await _proceso.WaitForExitAsync();
        }

        _proceso.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Text;
using Cobranzas.Integraciones.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Quartz;

namespace Cobranzas.Integraciones.Webhooks;

/// <summary>
/// Drains the webhook outbox of every company, after the pattern of Notificaciones' <c>DrenadorEnvios</c>:
/// <list type="bullet">
/// <item>a batch of due rows whose subscription is active is claimed in one statement (<c>FOR UPDATE SKIP LOCKED</c>) that stamps a
/// lease in <c>proximo_intento</c>; another drain (replica) skips them, and every mark checks the lease is still this drain's;</item>
/// <item>the batch is POSTed concurrently through the named client <see cref="Cliente"/> (timeouts by Microsoft.Extensions.Http.Resilience,
/// connections only to checked addresses), and the results are written set-based: the deliveries, the attempt log, the subscriptions'
/// failure counters;</item>
/// <item>a failure is retried by a later run of the job with exponential backoff (1, 2, 4… minutes, capped at 6 hours, for
/// <see cref="IntentosMaximos"/> attempts ≈ 20 hours), never by a loop here; a subscription failing every attempt for
/// <see cref="VentanaDesactivacion"/> is disabled and the company's administrators are e-mailed.</item>
/// </list>
/// A receiver may see an event twice (the process dies after its 2xx and before the mark, or a manual replay): it dedups by
/// <c>Cobranzas-Event-Id</c>.
/// </summary>
public sealed class DrenadorWebhooks(
    IntegracionesDbContext db, IHttpClientFactory clientes, IDataProtectionProvider proteccion, IServiceScopeFactory ambitos, IConfiguration configuracion,
    TimeProvider reloj, ILogger<DrenadorWebhooks> log)
{
    public const string Cliente = "webhooks";
    public const string Actor = "sistema: webhooks";
    public const string PropositoSecreto = "Cobranzas.Integraciones.Webhooks.Secreto";
    public const int IntentosMaximos = 12;
    public static readonly TimeSpan Arriendo = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan TiempoRespuesta = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan VentanaDesactivacion = TimeSpan.FromHours(24);

    public int PorLote { get; set; } = 200;

    private int Paralelas => configuracion.GetValue("Integraciones:Webhooks:Paralelas", 16);

    private int FallosParaDesactivar => configuracion.GetValue("Integraciones:Webhooks:FallosParaDesactivar", 5);

    private sealed record Reclamada(Guid Id, Guid EmpresaId, Guid SuscripcionId, Guid EventoId, string Tipo, string Cuerpo, int Intentos, string Url, string SecretoProtegido);

    private sealed record Resultado(Reclamada Entrega, bool Exito, int? Codigo, int DuracionMs, string? Respuesta, string? Error, DateTimeOffset Momento);

    /// <summary>Delivers due events until none is left (or only <paramref name="soloEntrega"/>, for a replay or a test event); answers how many were accepted (2xx).</summary>
    public async Task<int> DrenarAsync(CancellationToken ct, Guid? soloEntrega = null)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var entregadas = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var (lote, arriendo) = await ReclamarAsync(conexion, soloEntrega, ct);
                if (lote.Count == 0)
                    break;
                var resultados = await EnviarAsync(lote, ct);
                await RegistrarAsync(conexion, resultados, arriendo);
                entregadas += resultados.Count(r => r.Exito);
                if (soloEntrega is not null)
                    break;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return entregadas;
    }

    private async Task<(List<Reclamada>, DateTimeOffset)> ReclamarAsync(NpgsqlConnection conexion, Guid? soloEntrega, CancellationToken ct)
    {
        var ahora = reloj.GetUtcNow();
        var arriendo = Microsegundos(ahora + Arriendo);
        await using var cmd = new NpgsqlCommand(
            """
            WITH reclamadas AS (
                UPDATE integraciones.entregas_webhook e SET proximo_intento = @arriendo
                FROM (SELECT x.id FROM integraciones.entregas_webhook x
                      JOIN integraciones.suscripciones_webhook s ON s.id = x.suscripcion_id AND s.activa
                      WHERE x.estado = 'pendiente' AND x.proximo_intento <= @ahora AND (@solo::uuid IS NULL OR x.id = @solo)
                      ORDER BY x.proximo_intento, x.id LIMIT @n FOR UPDATE OF x SKIP LOCKED) r
                WHERE e.id = r.id
                RETURNING e.id, e.empresa_id, e.suscripcion_id, e.evento_id, e.tipo, e.cuerpo, e.intentos)
            SELECT r.*, s.url, s.secreto_protegido FROM reclamadas r JOIN integraciones.suscripciones_webhook s ON s.id = r.suscripcion_id
            ORDER BY r.id
            """, conexion);
        cmd.Parameters.AddWithValue("arriendo", arriendo);
        cmd.Parameters.AddWithValue("ahora", ahora);
        cmd.Parameters.AddWithValue("n", PorLote);
        cmd.Parameters.Add(new NpgsqlParameter("solo", NpgsqlDbType.Uuid) { Value = (object?)soloEntrega ?? DBNull.Value });
        var lote = new List<Reclamada>();
        await using var l = await cmd.ExecuteReaderAsync(ct);
        while (await l.ReadAsync(ct))
            lote.Add(new Reclamada(l.GetGuid(0), l.GetGuid(1), l.GetGuid(2), l.GetGuid(3), l.GetString(4), l.GetString(5), l.GetInt32(6), l.GetString(7), l.GetString(8)));
        return (lote, arriendo);
    }

    private async Task<List<Resultado>> EnviarAsync(List<Reclamada> lote, CancellationToken ct)
    {
        var protector = proteccion.CreateProtector(PropositoSecreto);
        var secretos = new Dictionary<Guid, string?>();
        foreach (var s in lote.DistinctBy(e => e.SuscripcionId))
        {
            try
            {
                secretos[s.SuscripcionId] = protector.Unprotect(s.SecretoProtegido);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                log.LogError(ex, "No se pudo descifrar el secreto de la suscripción {Suscripcion}", s.SuscripcionId);
                secretos[s.SuscripcionId] = null;
            }
        }

        var http = clientes.CreateClient(Cliente);
        var resultados = new Resultado[lote.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, lote.Count), new ParallelOptions { MaxDegreeOfParallelism = Paralelas, CancellationToken = CancellationToken.None },
            async (i, _) => resultados[i] = await EnviarUnaAsync(http, lote[i], secretos[lote[i].SuscripcionId]));
        return [.. resultados];
    }

    private async Task<Resultado> EnviarUnaAsync(HttpClient http, Reclamada e, string? secreto)
    {
        var momento = reloj.GetUtcNow();
        if (secreto is null)
            return new Resultado(e, false, null, 0, null, "El secreto de la suscripción no se pudo descifrar; rótelo.", momento);
        var cronometro = Stopwatch.StartNew();
        try
        {
            using var solicitud = new HttpRequestMessage(HttpMethod.Post, e.Url) { Content = new StringContent(e.Cuerpo, Encoding.UTF8, "application/json") };
            solicitud.Headers.Add(FirmaWebhook.Encabezado, FirmaWebhook.Firmar(secreto, momento.ToUnixTimeSeconds(), e.Cuerpo));
            solicitud.Headers.Add(FirmaWebhook.EncabezadoEvento, e.EventoId.ToString());
            solicitud.Headers.Add(FirmaWebhook.EncabezadoTipo, e.Tipo);
            using var respuesta = await http.SendAsync(solicitud, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
            var extracto = await ExtractoAsync(respuesta);
            var codigo = (int)respuesta.StatusCode;
            return new Resultado(e, respuesta.IsSuccessStatusCode, codigo, Ms(cronometro), extracto,
                respuesta.IsSuccessStatusCode ? null : $"El receptor respondió {codigo} {respuesta.ReasonPhrase}.", momento);
        }
        catch (Exception ex) when (Prohibido(ex) is { } prohibido)
        {
            return new Resultado(e, false, null, Ms(cronometro), null, $"Destino no permitido: {prohibido.Message}", momento);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or OperationCanceledException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or IOException)
        {
            return new Resultado(e, false, null, Ms(cronometro), null, ex is HttpRequestException ? $"Sin conexión: {ex.Message}" : "Sin respuesta a tiempo.", momento);
        }
    }

    private static DestinoProhibidoException? Prohibido(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is DestinoProhibidoException p)
                return p;
        }

        return null;
    }

    private static async Task<string?> ExtractoAsync(HttpResponseMessage respuesta)
    {
        try
        {
            await using var flujo = await respuesta.Content.ReadAsStreamAsync();
            var buffer = new char[LargosWebhooks.Respuesta];
            using var lector = new StreamReader(flujo, Encoding.UTF8);
            var n = await lector.ReadBlockAsync(buffer, 0, buffer.Length);
            return n == 0 ? null : new string(buffer, 0, n).Replace("\0", "");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return null;
        }
    }

    private static int Ms(Stopwatch c) => (int)Math.Min(int.MaxValue, c.ElapsedMilliseconds);

    private async Task RegistrarAsync(NpgsqlConnection conexion, List<Resultado> resultados, DateTimeOffset arriendo)
    {
        var ahora = reloj.GetUtcNow();
        var n = resultados.Count;
        var ids = new Guid[n];
        var estados = new string[n];
        var intentos = new int[n];
        var proximos = new DateTimeOffset[n];
        var codigos = new int?[n];
        var detalles = new string?[n];
        for (var i = 0; i < n; i++)
        {
            var r = resultados[i];
            var numero = r.Entrega.Intentos + 1;
            ids[i] = r.Entrega.Id;
            intentos[i] = numero;
            codigos[i] = r.Codigo;
            detalles[i] = Recortar(r.Error, LargosWebhooks.Detalle);
            estados[i] = r.Exito ? EstadosEntrega.Entregada : numero >= IntentosMaximos ? EstadosEntrega.Fallida : EstadosEntrega.Pendiente;
            proximos[i] = r.Exito ? ahora : Microsegundos(ahora + Espera(numero));
        }

        await using var tx = await conexion.BeginTransactionAsync(CancellationToken.None);
        await Ejecutar(conexion, tx,
            """
            UPDATE integraciones.entregas_webhook e SET estado = r.estado, intentos = r.intentos, proximo_intento = r.proximo, ultimo_codigo = r.codigo,
                ultimo_detalle = r.detalle, entregada = CASE WHEN r.estado = 'entregada' THEN @ahora ELSE e.entregada END
            FROM unnest(@ids, @estados, @intentos, @proximos, @codigos, @detalles) AS r(id, estado, intentos, proximo, codigo, detalle)
            WHERE e.id = r.id AND e.estado = 'pendiente' AND e.proximo_intento = @arriendo
            """,
            ("ids", ids), ("estados", estados), ("intentos", intentos), ("proximos", proximos), ("codigos", Arreglo(codigos, NpgsqlDbType.Integer)),
            ("detalles", Arreglo(detalles, NpgsqlDbType.Text)), ("ahora", ahora), ("arriendo", arriendo));
        await Ejecutar(conexion, tx,
            """
            INSERT INTO integraciones.intentos_webhook (id, empresa_id, entrega_id, numero, momento, codigo_estado, duracion_ms, respuesta, error)
            SELECT gen_random_uuid(), r.empresa_id, r.entrega_id, r.numero, r.momento, r.codigo, r.duracion, r.respuesta, r.error
            FROM unnest(@empresas, @ids, @intentos, @momentos, @codigos, @duraciones, @respuestas, @detalles)
                AS r(empresa_id, entrega_id, numero, momento, codigo, duracion, respuesta, error)
            """,
            ("empresas", resultados.Select(r => r.Entrega.EmpresaId).ToArray()), ("ids", ids), ("intentos", intentos), ("momentos", resultados.Select(r => r.Momento).ToArray()),
            ("codigos", Arreglo(codigos, NpgsqlDbType.Integer)), ("duraciones", resultados.Select(r => r.DuracionMs).ToArray()),
            ("respuestas", Arreglo(resultados.Select(r => Recortar(r.Respuesta, LargosWebhooks.Respuesta)).ToArray(), NpgsqlDbType.Text)),
            ("detalles", Arreglo(detalles, NpgsqlDbType.Text)));

        // Per subscription: any success in the batch clears its failure streak; otherwise the streak grows.
        var porSuscripcion = resultados.GroupBy(r => r.Entrega.SuscripcionId).Select(g => (Id: g.Key, Exito: g.Any(r => r.Exito), Fallos: g.Count(r => !r.Exito))).ToList();
        await Ejecutar(conexion, tx,
            """
            UPDATE integraciones.suscripciones_webhook s
            SET fallos_consecutivos = CASE WHEN r.exito THEN 0 ELSE s.fallos_consecutivos + r.fallos END,
                fallando_desde = CASE WHEN r.exito THEN NULL ELSE coalesce(s.fallando_desde, @ahora) END
            FROM unnest(@ids, @exitos, @fallos) AS r(id, exito, fallos) WHERE s.id = r.id
            """,
            ("ids", porSuscripcion.Select(s => s.Id).ToArray()), ("exitos", porSuscripcion.Select(s => s.Exito).ToArray()),
            ("fallos", porSuscripcion.Select(s => s.Fallos).ToArray()), ("ahora", ahora));
        var desactivadas = new List<(Guid Id, Guid EmpresaId, string Url, int Fallos)>();
        await using (var cmd = new NpgsqlCommand(
            """
            UPDATE integraciones.suscripciones_webhook SET activa = false, desactivada_automaticamente = @ahora
            WHERE id = ANY(@ids) AND activa AND fallos_consecutivos >= @umbral AND fallando_desde <= @desde
            RETURNING id, empresa_id, url, fallos_consecutivos
            """, conexion, tx))
        {
            cmd.Parameters.AddWithValue("ids", porSuscripcion.Select(s => s.Id).ToArray());
            cmd.Parameters.AddWithValue("ahora", ahora);
            cmd.Parameters.AddWithValue("umbral", FallosParaDesactivar);
            cmd.Parameters.AddWithValue("desde", ahora - VentanaDesactivacion);
            await using var l = await cmd.ExecuteReaderAsync(CancellationToken.None);
            while (await l.ReadAsync(CancellationToken.None))
                desactivadas.Add((l.GetGuid(0), l.GetGuid(1), l.GetString(2), l.GetInt32(3)));
        }

        await tx.CommitAsync(CancellationToken.None);
        foreach (var d in desactivadas)
            await AvisarDesactivacionAsync(d.EmpresaId, d.Id, d.Url, d.Fallos);
    }

    private async Task AvisarDesactivacionAsync(Guid empresaId, Guid suscripcionId, string url, int fallos)
    {
        log.LogWarning("Webhook {Suscripcion} de la empresa {Empresa} desactivado tras {Fallos} fallos seguidos", suscripcionId, empresaId, fallos);
        try
        {
            await using var ambito = ambitos.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresaId, Actor);
            var mediator = ambito.ServiceProvider.GetRequiredService<IMediator>();
            var u = WebUtility.HtmlEncode(url);
            await mediator.Send(new AvisarAdministradores(empresaId, "Webhook desactivado por fallos repetidos",
                $"""
                <p>El webhook hacia <strong>{u}</strong> falló {fallos} intentos seguidos durante más de {VentanaDesactivacion.TotalHours:0} horas y fue desactivado.</p>
                <p>Los eventos pendientes se conservan. Revise el registro de entregas en Integraciones › Webhooks, corrija el receptor y vuelva a activarlo.</p>
                """,
                $"El webhook hacia {url} falló {fallos} intentos seguidos durante más de {VentanaDesactivacion.TotalHours:0} horas y fue desactivado.\n"
                + "Los eventos pendientes se conservan. Revise el registro de entregas en Integraciones > Webhooks, corrija el receptor y vuelva a activarlo.\n"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "No se pudo avisar a los administradores de la empresa {Empresa} la desactivación del webhook {Suscripcion}", empresaId, suscripcionId);
        }
    }

    /// <summary>1, 2, 4… minutes after the n-th failed attempt, at most 6 hours: 12 attempts span about 20 hours.</summary>
    public static TimeSpan Espera(int intentos) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, intentos - 1)));

    private static NpgsqlParameter Arreglo<T>(T[] valores, NpgsqlDbType tipo) => new() { Value = valores, NpgsqlDbType = NpgsqlDbType.Array | tipo };

    private static async Task Ejecutar(NpgsqlConnection conexion, NpgsqlTransaction tx, string sql, params (string Nombre, object Valor)[] parametros)
    {
        await using var cmd = new NpgsqlCommand(sql, conexion, tx);
        foreach (var (nombre, valor) in parametros)
        {
            if (valor is NpgsqlParameter p)
            {
                p.ParameterName = nombre;
                cmd.Parameters.Add(p);
            }
            else
                cmd.Parameters.AddWithValue(nombre, valor);
        }

        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static string? Recortar(string? texto, int largo) => texto is null || texto.Length <= largo ? texto : texto[..largo];

    /// <summary>PostgreSQL keeps microseconds: the lease must compare equal after the round trip.</summary>
    private static DateTimeOffset Microsegundos(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);
}

/// <summary>The webhook sender: clustered, every 15 seconds, one at a time per cluster.</summary>
[DisallowConcurrentExecution]
public sealed class EnviarWebhooksJob(IServiceScopeFactory ambitos, ILogger<EnviarWebhooksJob> log) : IJob
{
    public static readonly JobKey Clave = new("enviar-webhooks", "integraciones");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var ambito = ambitos.CreateAsyncScope();
        var entregadas = await ambito.ServiceProvider.GetRequiredService<DrenadorWebhooks>().DrenarAsync(cancellationToken);
        if (entregadas > 0)
            log.LogInformation("Webhooks: {Entregadas} eventos entregados", entregadas);
    }
}

using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Cobranzas.Notificaciones.Seguimiento;

/// <summary>The replies mailbox (config <c>Notificaciones:Imap:*</c>); without a host nothing is read.</summary>
public sealed class OpcionesImap
{
    public string? Host { get; set; }
    public int Port { get; set; } = 143;
    public string? Usuario { get; set; }
    public string? Password { get; set; }
    public string Carpeta { get; set; } = "INBOX";

    /// <summary>TLS (implicit on 993, STARTTLS otherwise); off only for a server on loopback.</summary>
    public bool Tls { get; set; } = true;

    public int MaximoPorLectura { get; set; } = 200;
}

public sealed record ResultadoLectura(int Leidos, IReadOnlyDictionary<string, int> PorResultado);

/// <summary>
/// Reads the new messages of the replies mailbox over IMAP (MailKit) and hands each one, in its own scope, to
/// <see cref="ProcesadorCorreoEntrante"/>; the processed ones are remembered by folder, UIDVALIDITY and UID (and Message-ID), and flagged seen.
/// </summary>
public sealed class LectorRespuestas(IServiceScopeFactory ambitos, IOptions<OpcionesImap> opciones, ILogger<LectorRespuestas> log)
{
    public async Task<ResultadoLectura> LeerAsync(CancellationToken ct)
    {
        var o = opciones.Value;
        var conteo = new Dictionary<string, int>();
        if (string.IsNullOrWhiteSpace(o.Host))
            return new ResultadoLectura(0, conteo);

        using var imap = new ImapClient();
        await imap.ConnectAsync(o.Host, o.Port, o.Tls ? SecureSocketOptions.Auto : SecureSocketOptions.None, ct);
        await imap.AuthenticateAsync(o.Usuario ?? "", o.Password ?? "", ct);
        var carpeta = await imap.GetFolderAsync(o.Carpeta, ct);
        await carpeta.OpenAsync(FolderAccess.ReadWrite, ct);
        var prefijo = $"{o.Carpeta}:{carpeta.UidValidity}:";

        HashSet<string> procesados;
        await using (var ambito = ambitos.CreateAsyncScope())
        {
            var db = ambito.ServiceProvider.GetRequiredService<Persistencia.NotificacionesDbContext>();
            procesados = (await db.Set<MensajeImap>().AsNoTracking().Where(x => x.Clave.StartsWith(prefijo)).Select(x => x.Clave).ToListAsync(ct)).ToHashSet();
        }

        var nuevos = (await carpeta.SearchAsync(SearchQuery.All, ct)).Where(u => !procesados.Contains(prefijo + u.Id)).Take(o.MaximoPorLectura).ToList();
        foreach (var uid in nuevos)
        {
            var mensaje = await carpeta.GetMessageAsync(uid, ct);
            string resultado;
            try
            {
                await using var ambito = ambitos.CreateAsyncScope();
                resultado = await ambito.ServiceProvider.GetRequiredService<ProcesadorCorreoEntrante>().ProcesarAsync(prefijo + uid.Id, mensaje, ct);
            }
            catch (DbUpdateException e)
            {
                // Another reader recorded it first (the key is unique): it is processed.
                log.LogInformation(e, "Mensaje IMAP {Uid} ya procesado", uid.Id);
                resultado = "repetido";
            }

            conteo[resultado] = conteo.GetValueOrDefault(resultado) + 1;
            await carpeta.AddFlagsAsync(uid, MessageFlags.Seen, true, ct);
        }

        await imap.DisconnectAsync(true, ct);
        return new ResultadoLectura(nuevos.Count, conteo);
    }
}

[DisallowConcurrentExecution]
public sealed class LeerRespuestasJob(LectorRespuestas lector, ILogger<LeerRespuestasJob> log) : IJob
{
    public static readonly JobKey Clave = new("leer-respuestas", "notificaciones");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var r = await lector.LeerAsync(cancellationToken);
        log.LogInformation("Respuestas por IMAP del disparo {Disparo:O} en {Instancia}: {Leidos} mensajes {Resultados}",
            context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId, r.Leidos, string.Join(", ", r.PorResultado.Select(x => $"{x.Key}={x.Value}")));
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>
/// Tells the sender that a run committed mails: fires <see cref="EnviarNotificacionesJob"/> now (clustered, one at a time; a trigger that
/// comes while it runs waits for it) instead of leaving them for its next tick. The job's schedule stays the safety net: a lost signal
/// only delays a mail. With Quartz disabled (tests, bench) it does nothing and the caller drains.
/// </summary>
public sealed class AvisoEnvios(ISchedulerFactory fabrica, IConfiguration configuracion, ILogger<AvisoEnvios> log)
{
    private bool Habilitado => configuracion.GetValue("Quartz:Habilitado", true);

    public async Task AvisarAsync(CancellationToken ct)
    {
        if (!Habilitado)
            return;
        try
        {
            await (await fabrica.GetScheduler(ct)).TriggerJob(EnviarNotificacionesJob.Clave, ct);
        }
        catch (SchedulerException e)
        {
            log.LogWarning(e, "No se pudo adelantar el envío de notificaciones; saldrán en el próximo ciclo");
        }
    }
}

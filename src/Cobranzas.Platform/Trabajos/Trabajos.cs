using Cobranzas.Platform.Correo;
using Cobranzas.Platform.Persistencia;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Cobranzas.Platform.Trabajos;

/// <summary>Housekeeping: expired or revoked sessions and used or expired invitations are deleted after a day.</summary>
[DisallowConcurrentExecution]
public sealed class PurgarSesionesJob(PlataformaDbContext db, TimeProvider reloj) : IJob
{
    public static readonly JobKey Clave = new("purgar-sesiones", "plataforma");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var limite = reloj.GetUtcNow().AddDays(-1);
        await db.Sesiones.Where(s => s.Expira < limite || s.Revocada < limite).ExecuteDeleteAsync(cancellationToken);
        await db.Invitaciones.Where(i => i.Expira < limite).ExecuteDeleteAsync(cancellationToken);
    }
}

[DisallowConcurrentExecution]
public sealed class EnviarCorreosJob(DespachadorCorreos despachador) : IJob
{
    public static readonly JobKey Clave = new("enviar-correos", "plataforma");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await despachador.EnviarPendientesAsync(cancellationToken);
}

/// <summary>Idempotency keys are kept 24 h; expired rows (and leases of requests that never finished) are deleted.</summary>
[DisallowConcurrentExecution]
public sealed class PurgarClavesIdempotenciaJob(PlataformaDbContext db, TimeProvider reloj) : IJob
{
    public static readonly JobKey Clave = new("purgar-claves-idempotencia", "plataforma");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ahora = reloj.GetUtcNow();
        await db.Set<Idempotencia.ClaveIdempotencia>().Where(c => c.Expira <= ahora).ExecuteDeleteAsync(cancellationToken);
    }
}

using Cobranzas.Clientes.Persistencia;
using Cobranzas.Gestion.Contracts;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Clientes.Credito;

/// <summary>
/// The alert raised for one claim to report (an overdue installment of an insured client under a policy): at most one per claim, so
/// the daily job run twice, or on two replicas, raises one task.
/// </summary>
public sealed class AvisoSiniestro : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid PolizaId { get; init; }
    public Guid ClienteId { get; init; }
    public Guid DocumentoId { get; init; }
    public int Cuota { get; init; }
    public DateOnly FechaLimite { get; init; }
    public DateOnly FechaAviso { get; init; }
    public Guid TareaId { get; set; }
}

public sealed class AvisoSiniestroConfiguracion : IEntityTypeConfiguration<AvisoSiniestro>
{
    public void Configure(EntityTypeBuilder<AvisoSiniestro> e)
    {
        e.ToTable("avisos_siniestro");
        e.HasIndex(x => new { x.EmpresaId, x.PolizaId, x.DocumentoId, x.Cuota }).IsUnique();
        e.HasOne<PolizaSeguro>().WithMany().HasForeignKey(x => x.PolizaId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Daily at 07:30 Santiago: each claim whose reporting deadline (plazo para denunciar siniestro) falls within
/// <see cref="DiasAviso"/> days raises one task, with a notification, for the client's collector in Gestión (unassigned clients' tasks
/// wait in the team's worklist), so the claim is filed before the insurer stops covering it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AvisoSiniestrosJob(IServiceScopeFactory ambitos, ILogger<AvisoSiniestrosJob> log) : IJob
{
    public const int DiasAviso = 10;
    public static readonly JobKey Clave = new("aviso-siniestros-seguro", "clientes");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var avisos = await EjecutarAsync(cancellationToken);
        log.LogInformation("Avisos de siniestros por denunciar del disparo {Disparo:O}: {Avisos}", context.ScheduledFireTimeUtc, avisos);
    }

    public async Task<int> EjecutarAsync(CancellationToken ct)
    {
        List<Guid> empresas;
        await using (var ambito = ambitos.CreateAsyncScope())
        {
            var db = ambito.ServiceProvider.GetRequiredService<ClientesDbContext>();
            var hoy = FechaNegocio.Hoy(ambito.ServiceProvider.GetRequiredService<TimeProvider>());
            empresas = await db.Set<PolizaSeguro>().IgnoreQueryFilters().Where(p => p.VigenciaHasta >= hoy).Select(p => p.EmpresaId).Distinct().ToListAsync(ct);
        }

        var total = 0;
        foreach (var empresa in empresas)
        {
            await using var ambito = ambitos.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "sistema: aviso de siniestros por denunciar");
            total += await AvisarAsync(ambito.ServiceProvider, ct);
        }

        return total;
    }

    private static async Task<int> AvisarAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<ClientesDbContext>();
        var mediator = sp.GetRequiredService<ISender>();
        var hoy = FechaNegocio.Hoy(sp.GetRequiredService<TimeProvider>());
        var siniestros = await mediator.Send(new ListarSiniestrosPorDenunciar(DiasAviso), ct);
        var documentos = siniestros.Select(s => s.DocumentoId).Distinct().ToList();
        var avisados = (await db.Set<AvisoSiniestro>().Where(a => documentos.Contains(a.DocumentoId)).Select(a => new { a.PolizaId, a.DocumentoId, a.Cuota }).ToListAsync(ct))
            .Select(a => (a.PolizaId, a.DocumentoId, a.Cuota)).ToHashSet();
        var n = 0;
        foreach (var s in siniestros.Where(s => !avisados.Contains((s.PolizaId, s.DocumentoId, s.Cuota))))
        {
            var aviso = new AvisoSiniestro
            {
                PolizaId = s.PolizaId, ClienteId = s.ClienteId, DocumentoId = s.DocumentoId, Cuota = s.Cuota, FechaLimite = s.FechaLimiteDenuncia, FechaAviso = hoy,
            };
            aviso.TareaId = await mediator.Send(new CrearTareaRevisionCredito(
                s.ClienteId, aviso.Id, $"Denunciar siniestro de {s.RazonSocial} a {s.Aseguradora}",
                $"La factura {s.Folio} (cuota {s.Cuota}, vencida el {s.FechaVencimiento:dd-MM-yyyy}, saldo {s.Saldo:N0} {s.Moneda}) debe denunciarse a {s.Aseguradora} "
                + $"(póliza {s.NumeroPoliza}) a más tardar el {s.FechaLimiteDenuncia:dd-MM-yyyy}; después el seguro no la cubre.", hoy), ct);
            db.Add(aviso);
            await db.SaveChangesAsync(ct);
            n++;
        }

        return n;
    }
}

using System.ComponentModel;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Cobranzas.Cartera.Convenios;

public sealed record ResultadoCumplimiento(int Rotos, int Cumplidos);

/// <summary>
/// The daily compliance follow-up of one company: a vigente convenio whose receivable is paid is cumplido; one with an installment
/// overdue more than the company's days is broken. Each convenio is decided under its client's lock and only while still vigente,
/// so a second run (or a second replica) finds nothing left to do.
/// </summary>
public sealed class CumplimientoConvenios(CarteraDbContext db, IMediator mediator, AvisoPagos aviso, TimeProvider reloj)
{
    public async Task<ResultadoCumplimiento> EjecutarAsync(CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var dias = (await db.Set<ConfiguracionConvenios>().AsNoTracking().SingleOrDefaultAsync(ct))?.DiasRuptura ?? ConfiguracionConvenios.DiasRupturaPorOmision;
        var limite = hoy.AddDays(-dias);
        var candidatos = await db.Set<Convenio>().AsNoTracking().Where(c => c.Estado == EstadosConvenio.Vigente)
            .Select(c => new
            {
                c.Id, c.ClienteId,
                Pagado = db.Documentos.Where(d => d.Id == c.DocumentoId).Select(d => d.Saldo).FirstOrDefault() == 0,
                Atrasado = db.Cuotas.Any(k => k.DocumentoId == c.DocumentoId && k.Saldo > 0 && k.FechaVencimiento < limite),
            })
            .Where(x => x.Pagado || x.Atrasado).ToListAsync(ct);
        int rotos = 0, cumplidos = 0;
        foreach (var candidato in candidatos)
        {
            db.ChangeTracker.Clear();
            Convenio c;
            bool roto;
            await using (var tx = await BloqueoCliente.TomarAsync(db, [candidato.ClienteId], ct))
            {
                c = await ProyeccionConvenio.CargarAsync(db, candidato.Id, ct);
                if (c.Estado != EstadosConvenio.Vigente)
                    continue;
                var cuotas = await db.Cuotas.AsNoTracking().Where(k => k.DocumentoId == c.DocumentoId).ToListAsync(ct);
                if (cuotas.All(k => k.Saldo == 0))
                {
                    c.Estado = EstadosConvenio.Cumplido;
                    c.FechaTermino = hoy;
                    c.MotivoTermino = "Todas las cuotas pagadas.";
                    c.TerminadoPor = "sistema: cumplimiento de convenios";
                    roto = false;
                }
                else if (cuotas.Where(k => k.Saldo > 0).Min(k => k.FechaVencimiento) is var vencida && vencida < limite)
                {
                    var motivo = $"Cuota vencida el {vencida:dd-MM-yyyy}, más de {dias} días de atraso";
                    await RupturaConvenio.RomperAsync(db, c, hoy, motivo, "sistema: cumplimiento de convenios", reloj.GetUtcNow(), ct);
                    roto = true;
                }
                else
                    continue;

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }

            if (roto)
            {
                rotos++;
                await aviso.PublicarAsync([c.ClienteId], ct);
                await RupturaConvenio.NotificarAsync(mediator, c, ct);
            }
            else
                cumplidos++;
        }

        return new ResultadoCumplimiento(rotos, cumplidos);
    }
}

/// <summary>Daily compliance of every company with vigente convenios, each in its own scope.</summary>
[DisallowConcurrentExecution]
public sealed class CumplimientoConveniosJob(IServiceScopeFactory ambitos, ILogger<CumplimientoConveniosJob> log) : IJob
{
    public static readonly JobKey Clave = new("cumplimiento-convenios", "cartera");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var r = await EjecutarAsync(cancellationToken);
        log.LogInformation("Cumplimiento de convenios del disparo {Disparo:O} en {Instancia}: {Rotos} rotos, {Cumplidos} cumplidos",
            context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId, r.Rotos, r.Cumplidos);
    }

    public async Task<ResultadoCumplimiento> EjecutarAsync(CancellationToken ct)
    {
        List<Guid> empresas;
        await using (var ambito = ambitos.CreateAsyncScope())
        {
            var db = ambito.ServiceProvider.GetRequiredService<CarteraDbContext>();
            empresas = await db.Set<Convenio>().IgnoreQueryFilters().Where(c => c.Estado == EstadosConvenio.Vigente).Select(c => c.EmpresaId).Distinct().ToListAsync(ct);
        }

        int rotos = 0, cumplidos = 0;
        foreach (var empresa in empresas)
        {
            await using var ambito = ambitos.CreateAsyncScope();
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(empresa, "sistema: cumplimiento de convenios");
            var r = await ambito.ServiceProvider.GetRequiredService<CumplimientoConvenios>().EjecutarAsync(ct);
            rotos += r.Rotos;
            cumplidos += r.Cumplidos;
        }

        return new ResultadoCumplimiento(rotos, cumplidos);
    }
}

public sealed record ConfiguracionConveniosDto([property: Description("Días de atraso de una cuota tras los cuales el convenio se rompe.")] int DiasRuptura);

public sealed record ObtenerConfiguracionConvenios : IRequest<ConfiguracionConveniosDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/convenios/configuracion", async Task<Ok<ConfiguracionConveniosDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerConfiguracionConvenios(), ct)))
        .WithName("ObtenerConfiguracionConvenios").WithTags("Convenios");
}

public sealed class ObtenerConfiguracionConveniosHandler(CarteraDbContext db) : IRequestHandler<ObtenerConfiguracionConvenios, ConfiguracionConveniosDto>
{
    public async ValueTask<ConfiguracionConveniosDto> Handle(ObtenerConfiguracionConvenios request, CancellationToken cancellationToken) =>
        new((await db.Set<ConfiguracionConvenios>().AsNoTracking().SingleOrDefaultAsync(cancellationToken))?.DiasRuptura ?? ConfiguracionConvenios.DiasRupturaPorOmision);
}

public sealed record GuardarConfiguracionConvenios(ConfiguracionConveniosDto Cuerpo) : IRequest<ConfiguracionConveniosDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/convenios/configuracion", async Task<Ok<ConfiguracionConveniosDto>> (ConfiguracionConveniosDto body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarConfiguracionConvenios(body), ct)))
        .WithName("GuardarConfiguracionConvenios").WithTags("Convenios").ProducesValidationProblem();
}

public sealed class GuardarConfiguracionConveniosValidator : AbstractValidator<GuardarConfiguracionConvenios>
{
    public GuardarConfiguracionConveniosValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.DiasRuptura).InclusiveBetween(1, 365).WithMessage("diasRuptura va de 1 a 365."));
}

public sealed class GuardarConfiguracionConveniosHandler(CarteraDbContext db) : IRequestHandler<GuardarConfiguracionConvenios, ConfiguracionConveniosDto>
{
    public async ValueTask<ConfiguracionConveniosDto> Handle(GuardarConfiguracionConvenios request, CancellationToken cancellationToken)
    {
        var c = await db.Set<ConfiguracionConvenios>().SingleOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            c = new ConfiguracionConvenios();
            db.Add(c);
        }

        c.DiasRuptura = request.Cuerpo.DiasRuptura;
        await db.SaveChangesAsync(cancellationToken);
        return new ConfiguracionConveniosDto(c.DiasRuptura);
    }
}

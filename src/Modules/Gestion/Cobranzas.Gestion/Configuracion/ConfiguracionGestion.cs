using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Configuracion;

/// <summary>
/// The company's collection settings: the grace in days after a promise's date, and the contact limits it sets itself for
/// business clients (null: none; consumers always follow Ley 21.320), and after how many days an open dispute is a critical case.
/// </summary>
public sealed record ConfiguracionGestionDto(int DiasGraciaCompromiso, int? MaxLlamadasSemanaEmpresas, int? MaxEscritosSemanaEmpresas, int DiasDisputaCritica = 30);

public sealed record ObtenerConfiguracionGestion : IRequest<ConfiguracionGestionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/configuracion", async Task<Ok<ConfiguracionGestionDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerConfiguracionGestion(), ct)))
        .WithName("ObtenerConfiguracionGestion");
}

public sealed record GuardarConfiguracionGestion(ConfiguracionGestionDto Cuerpo) : IRequest<ConfiguracionGestionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/gestion/configuracion", async Task<Ok<ConfiguracionGestionDto>> (ConfiguracionGestionDto body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarConfiguracionGestion(body), ct)))
        .WithName("GuardarConfiguracionGestion").ProducesValidationProblem();
}

public sealed class GuardarConfiguracionGestionValidator : AbstractValidator<GuardarConfiguracionGestion>
{
    public GuardarConfiguracionGestionValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.DiasGraciaCompromiso).InclusiveBetween(0, 30);
            c.RuleFor(x => x.MaxLlamadasSemanaEmpresas).InclusiveBetween(1, 50);
            c.RuleFor(x => x.MaxEscritosSemanaEmpresas).InclusiveBetween(1, 50);
            c.RuleFor(x => x.DiasDisputaCritica).InclusiveBetween(1, 365);
        });
}

public sealed class ConfiguracionGestionHandler(GestionDbContext db, IContextoSolicitud contexto)
    : IRequestHandler<ObtenerConfiguracionGestion, ConfiguracionGestionDto>, IRequestHandler<GuardarConfiguracionGestion, ConfiguracionGestionDto>
{
    public async ValueTask<ConfiguracionGestionDto> Handle(ObtenerConfiguracionGestion request, CancellationToken cancellationToken) =>
        Dto(await ConfiguracionEmpresa.CargarAsync(db, cancellationToken));

    public async ValueTask<ConfiguracionGestionDto> Handle(GuardarConfiguracionGestion request, CancellationToken cancellationToken)
    {
        var configuracion = await db.Configuraciones.SingleOrDefaultAsync(cancellationToken);
        if (configuracion is null)
        {
            configuracion = new ConfiguracionGestion { EmpresaId = contexto.EmpresaId };
            db.Configuraciones.Add(configuracion);
        }

        configuracion.DiasGraciaCompromiso = request.Cuerpo.DiasGraciaCompromiso;
        configuracion.MaxLlamadasSemanaEmpresas = request.Cuerpo.MaxLlamadasSemanaEmpresas;
        configuracion.MaxEscritosSemanaEmpresas = request.Cuerpo.MaxEscritosSemanaEmpresas;
        configuracion.DiasDisputaCritica = request.Cuerpo.DiasDisputaCritica;
        await db.SaveChangesAsync(cancellationToken);
        return Dto(configuracion);
    }

    private static ConfiguracionGestionDto Dto(ConfiguracionGestion c) => new(c.DiasGraciaCompromiso, c.MaxLlamadasSemanaEmpresas, c.MaxEscritosSemanaEmpresas, c.DiasDisputaCritica);
}

/// <summary>The company's settings, or the defaults while it has saved none.</summary>
public static class ConfiguracionEmpresa
{
    public static async Task<ConfiguracionGestion> CargarAsync(GestionDbContext db, CancellationToken ct) =>
        await db.Configuraciones.AsNoTracking().SingleOrDefaultAsync(ct) ?? new ConfiguracionGestion();
}

/// <summary>A new company starts with the default settings saved, so what it reads is what it has.</summary>
public sealed class SembrarConfiguracionGestion(GestionDbContext db) : INotificationHandler<EmpresaRegistrada>
{
    public async ValueTask Handle(EmpresaRegistrada notification, CancellationToken cancellationToken)
    {
        db.Configuraciones.Add(new ConfiguracionGestion { EmpresaId = notification.EmpresaId });
        await db.SaveChangesAsync(cancellationToken);
    }
}

using System.ComponentModel;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Cartera.CargosMora;

/// <summary>The company's late-charge settings: the legal maximum rate it enters, the rate it applies, the invoice commission.</summary>
public sealed class ConfiguracionCargosMora : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public decimal? TasaMaximaAnual { get; set; }
    public decimal? TasaAnual { get; set; }
    public decimal ComisionCobranza { get; set; } = ReglasCargosMora.ComisionMaximaPorcentaje;
}

public sealed class ConfiguracionCargosMoraConfiguracion : IEntityTypeConfiguration<ConfiguracionCargosMora>
{
    public void Configure(EntityTypeBuilder<ConfiguracionCargosMora> e)
    {
        e.ToTable("configuracion_cargos_mora");
        e.HasKey(x => x.EmpresaId);
        e.Property(x => x.EmpresaId).ValueGeneratedNever();
        e.Property(x => x.TasaMaximaAnual).HasPrecision(9, 4);
        e.Property(x => x.TasaAnual).HasPrecision(9, 4);
        e.Property(x => x.ComisionCobranza).HasPrecision(5, 4);
    }
}

public sealed record ConfiguracionCargosMoraDto(
    [property: Description("Tasa máxima convencional anual vigente (porcentaje) que la empresa ingresa; no es un monto.")] decimal? TasaMaximaAnual,
    [property: Description("Tasa de interés moratorio anual que la empresa aplica (porcentaje, hasta la máxima); null = la máxima.")] decimal? TasaAnual,
    [property: Description("Tasa anual con que se calcula: la aplicada o, si no hay, la máxima; null = sin interés.")] decimal? TasaEfectiva,
    [property: Description("Comisión fija de cobranza sobre el saldo de facturas vencidas (porcentaje, hasta 1, Ley 21.131); no es un monto.")] decimal PorcentajeComision)
{
    public static ConfiguracionCargosMoraDto De(ConfiguracionCargosMora? c) =>
        new(c?.TasaMaximaAnual, c?.TasaAnual, c?.TasaAnual ?? c?.TasaMaximaAnual, c?.ComisionCobranza ?? ReglasCargosMora.ComisionMaximaPorcentaje);
}

public sealed record ObtenerConfiguracionCargosMora : IRequest<ConfiguracionCargosMoraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/cargos-mora/configuracion", async Task<Ok<ConfiguracionCargosMoraDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerConfiguracionCargosMora(), ct)))
        .WithName("ObtenerConfiguracionCargosMora");
}

public sealed class ObtenerConfiguracionCargosMoraHandler(CarteraDbContext db) : IRequestHandler<ObtenerConfiguracionCargosMora, ConfiguracionCargosMoraDto>
{
    public async ValueTask<ConfiguracionCargosMoraDto> Handle(ObtenerConfiguracionCargosMora request, CancellationToken cancellationToken) =>
        ConfiguracionCargosMoraDto.De(await db.Set<ConfiguracionCargosMora>().AsNoTracking().SingleOrDefaultAsync(cancellationToken));
}

public sealed record DatosConfiguracionCargosMora(
    [property: Description("Tasa máxima convencional anual (porcentaje, 0 a 100, hasta 4 decimales); no es un monto.")] decimal? TasaMaximaAnual,
    [property: Description("Tasa anual aplicada (porcentaje, hasta la máxima, hasta 4 decimales); no es un monto.")] decimal? TasaAnual,
    [property: Description("Comisión de cobranza de facturas (porcentaje de 0 a 1, hasta 4 decimales); no es un monto.")] decimal? PorcentajeComision);

public sealed record GuardarConfiguracionCargosMora(DatosConfiguracionCargosMora Cuerpo) : IRequest<ConfiguracionCargosMoraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/cargos-mora/configuracion", async Task<Ok<ConfiguracionCargosMoraDto>> (DatosConfiguracionCargosMora body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarConfiguracionCargosMora(body), ct)))
        .WithName("GuardarConfiguracionCargosMora").ProducesValidationProblem();
}

public sealed class GuardarConfiguracionCargosMoraValidator : AbstractValidator<GuardarConfiguracionCargosMora>
{
    public GuardarConfiguracionCargosMoraValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.TasaMaximaAnual).InclusiveBetween(0m, 100m).Must(Cuatro).WithName("tasaMaximaAnual")
                .WithMessage("tasaMaximaAnual es un porcentaje de 0 a 100, con hasta 4 decimales.");
            c.RuleFor(x => x.TasaAnual).InclusiveBetween(0m, 100m).Must(Cuatro).WithName("tasaAnual")
                .WithMessage("tasaAnual es un porcentaje de 0 a 100, con hasta 4 decimales.");
            c.RuleFor(x => x.TasaAnual).Must((x, t) => t is null || x.TasaMaximaAnual is null || t <= x.TasaMaximaAnual).WithName("tasaAnual")
                .WithErrorCode("sobre_maxima").WithMessage("tasaAnual no puede superar la tasa máxima convencional.");
            c.RuleFor(x => x.PorcentajeComision).InclusiveBetween(0m, ReglasCargosMora.ComisionMaximaPorcentaje).Must(Cuatro).WithName("porcentajeComision")
                .WithMessage("porcentajeComision va de 0 a 1 (por ciento del saldo, Ley 21.131), con hasta 4 decimales.");
        });

    private static bool Cuatro(decimal? p) => p is null || decimal.Round(p.Value, 4) == p;
}

public sealed class GuardarConfiguracionCargosMoraHandler(CarteraDbContext db) : IRequestHandler<GuardarConfiguracionCargosMora, ConfiguracionCargosMoraDto>
{
    public async ValueTask<ConfiguracionCargosMoraDto> Handle(GuardarConfiguracionCargosMora request, CancellationToken cancellationToken)
    {
        var c = await db.Set<ConfiguracionCargosMora>().SingleOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            c = new ConfiguracionCargosMora();
            db.Add(c);
        }

        c.TasaMaximaAnual = request.Cuerpo.TasaMaximaAnual;
        c.TasaAnual = request.Cuerpo.TasaAnual;
        c.ComisionCobranza = request.Cuerpo.PorcentajeComision ?? ReglasCargosMora.ComisionMaximaPorcentaje;
        await db.SaveChangesAsync(cancellationToken);
        return ConfiguracionCargosMoraDto.De(c);
    }
}

using System.Globalization;
using Cobranzas.Portal.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Modulos;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Portal.Marca;

/// <summary>The company's colours on its client portal (the logo is the one uploaded in Notificaciones).</summary>
public sealed class MarcaPortal : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public required string ColorPrimario { get; set; }
    public required string ColorAcento { get; set; }
}

public sealed class MarcaPortalConfiguracion : IEntityTypeConfiguration<MarcaPortal>
{
    public void Configure(EntityTypeBuilder<MarcaPortal> e)
    {
        e.ToTable("marcas");
        e.HasKey(x => x.EmpresaId);
        e.Property(x => x.EmpresaId).ValueGeneratedNever();
        e.Property(x => x.ColorPrimario).HasMaxLength(7);
        e.Property(x => x.ColorAcento).HasMaxLength(7);
    }
}

/// <summary>
/// WCAG 2.1 contrast. The primary colour carries white text (the portal's header and its filled buttons); the accent is the
/// page's background, under body text and the dimmed text (Mantine gray.7 as the SPA sets it), so both must reach AA (4.5:1).
/// </summary>
public static class ContrasteMarca
{
    public const double Minimo = 4.5;
    public const string Blanco = "#ffffff";
    public const string TextoAtenuado = "#495057";
    public const string PrimarioPorDefecto = "#1c4e80";
    public const string AcentoPorDefecto = "#e8f0f8";

    public static bool EsColor(string? c) =>
        c is { Length: 7 } && c[0] == '#' && c.Skip(1).All(char.IsAsciiHexDigit);

    public static double Razon(string a, string b)
    {
        var (x, y) = (Luminancia(a), Luminancia(b));
        return (Math.Max(x, y) + 0.05) / (Math.Min(x, y) + 0.05);
    }

    private static double Luminancia(string hex)
    {
        double Canal(int i)
        {
            var c = int.Parse(hex.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Canal(1)) + (0.7152 * Canal(3)) + (0.0722 * Canal(5));
    }
}

public sealed record MarcaPortalDto(string ColorPrimario, string ColorAcento, bool PorDefecto);

public sealed record ObtenerMarcaPortal : IRequest<MarcaPortalDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/configuracion/portal", async Task<Ok<MarcaPortalDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerMarcaPortal(), ct)))
        .WithName("ObtenerMarcaPortal");
}

public sealed class ObtenerMarcaPortalHandler(PortalDbContext db) : IRequestHandler<ObtenerMarcaPortal, MarcaPortalDto>
{
    public async ValueTask<MarcaPortalDto> Handle(ObtenerMarcaPortal request, CancellationToken cancellationToken) =>
        await CargarAsync(db, cancellationToken);

    public static async Task<MarcaPortalDto> CargarAsync(PortalDbContext db, CancellationToken ct)
    {
        var marca = await db.Set<MarcaPortal>().AsNoTracking().SingleOrDefaultAsync(ct);
        return marca is null
            ? new MarcaPortalDto(ContrasteMarca.PrimarioPorDefecto, ContrasteMarca.AcentoPorDefecto, true)
            : new MarcaPortalDto(marca.ColorPrimario, marca.ColorAcento, false);
    }
}

public sealed record DatosMarcaPortal(string ColorPrimario, string ColorAcento);

public sealed class DatosMarcaPortalValidator : AbstractValidator<DatosMarcaPortal>
{
    public DatosMarcaPortalValidator()
    {
        RuleFor(x => x.ColorPrimario).NotEmpty().MaximumLength(7).Must(ContrasteMarca.EsColor).WithName("colorPrimario")
            .WithMessage("colorPrimario debe ser un color #rrggbb (por ejemplo #1c4e80).");
        RuleFor(x => x.ColorAcento).NotEmpty().MaximumLength(7).Must(ContrasteMarca.EsColor).WithName("colorAcento")
            .WithMessage("colorAcento debe ser un color #rrggbb (por ejemplo #e8f0f8).");
    }
}

/// <summary>Saves the portal's colours; a colour the portal's text would not be readable on (below 4.5:1) is refused.</summary>
public sealed record GuardarMarcaPortal(DatosMarcaPortal Cuerpo) : IRequest<MarcaPortalDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/configuracion/portal", async Task<Ok<MarcaPortalDto>> (DatosMarcaPortal body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarMarcaPortal(body), ct)))
        .WithName("GuardarMarcaPortal").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class GuardarMarcaPortalValidator : AbstractValidator<GuardarMarcaPortal>
{
    public GuardarMarcaPortalValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosMarcaPortalValidator());
}

public sealed class GuardarMarcaPortalHandler(PortalDbContext db, IContextoSolicitud contexto) : IRequestHandler<GuardarMarcaPortal, MarcaPortalDto>
{
    public async ValueTask<MarcaPortalDto> Handle(GuardarMarcaPortal request, CancellationToken cancellationToken)
    {
        var primario = request.Cuerpo.ColorPrimario.ToLowerInvariant();
        var acento = request.Cuerpo.ColorAcento.ToLowerInvariant();
        var sobrePrimario = ContrasteMarca.Razon(primario, ContrasteMarca.Blanco);
        if (sobrePrimario < ContrasteMarca.Minimo)
        {
            throw new ReglaNegocioException("colorPrimario", "contraste_insuficiente",
                $"El texto blanco sobre colorPrimario tiene contraste {sobrePrimario.ToString("0.00", CultureInfo.InvariantCulture)}:1; se necesita al menos 4.5:1 (WCAG AA). Elija un color más oscuro.");
        }

        var sobreAcento = ContrasteMarca.Razon(acento, ContrasteMarca.TextoAtenuado);
        if (sobreAcento < ContrasteMarca.Minimo)
        {
            throw new ReglaNegocioException("colorAcento", "contraste_insuficiente",
                $"El texto atenuado sobre colorAcento tiene contraste {sobreAcento.ToString("0.00", CultureInfo.InvariantCulture)}:1; se necesita al menos 4.5:1 (WCAG AA). Elija un color más claro.");
        }

        var marca = await db.Set<MarcaPortal>().SingleOrDefaultAsync(cancellationToken);
        if (marca is null)
            db.Add(new MarcaPortal { EmpresaId = contexto.EmpresaId, ColorPrimario = primario, ColorAcento = acento });
        else
            (marca.ColorPrimario, marca.ColorAcento) = (primario, acento);
        await db.SaveChangesAsync(cancellationToken);
        return await ObtenerMarcaPortalHandler.CargarAsync(db, cancellationToken);
    }
}

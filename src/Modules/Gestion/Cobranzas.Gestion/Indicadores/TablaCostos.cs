using Cobranzas.Gestion.Configuracion;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Gestion.Indicadores;

/// <summary>What one activity of a type costs the company (CLP): the cost table of the collection-cost KPI.</summary>
public sealed class CostoActividad : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }
    public Guid TipoActividadId { get; init; }
    public decimal Costo { get; set; }
}

public sealed class CostoActividadConfiguracion : IEntityTypeConfiguration<CostoActividad>
{
    public void Configure(EntityTypeBuilder<CostoActividad> e)
    {
        e.ToTable("costos_actividad");
        e.HasKey(x => new { x.EmpresaId, x.TipoActividadId });
        e.Property(x => x.Costo).HasPrecision(18, 0);
        e.HasOne<TipoActividad>().WithMany().HasForeignKey(x => x.TipoActividadId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed record CostoTipoActividadDto(Guid TipoActividadId, string Nombre, string Tipo, bool Activo, decimal Costo);

/// <summary>
/// The cost table: every activity type with its cost (0 until set) and the commission of external agencies (%).
/// Agencies do not exist yet, so what they recover is 0 and so is their commission, whatever the percentage.
/// </summary>
public sealed record TablaCostosDto(decimal ComisionAgenciasPorcentaje, IReadOnlyList<CostoTipoActividadDto> Costos);

public sealed record CostoTipo(Guid TipoActividadId, decimal Costo);

public sealed record DatosTablaCostos(decimal ComisionAgenciasPorcentaje, IReadOnlyList<CostoTipo> Costos);

public sealed record ObtenerTablaCostos : IRequest<TablaCostosDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/costos-cobranza", async Task<Ok<TablaCostosDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerTablaCostos(), ct)))
        .WithName("ObtenerTablaCostos");
}

public sealed record GuardarTablaCostos(DatosTablaCostos Cuerpo) : IRequest<TablaCostosDto>
{
    public const decimal CostoMaximo = 999_999_999m;

    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/gestion/costos-cobranza", async Task<Ok<TablaCostosDto>> (DatosTablaCostos body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarTablaCostos(body), ct)))
        .WithName("GuardarTablaCostos").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class GuardarTablaCostosValidator : AbstractValidator<GuardarTablaCostos>
{
    public GuardarTablaCostosValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.ComisionAgenciasPorcentaje).InclusiveBetween(0, 100).WithMessage("La comisión de agencias externas debe estar entre 0 y 100 %.")
                .Must(p => decimal.Round(p, 2) == p).WithMessage("La comisión de agencias externas lleva a lo más dos decimales.");
            c.RuleFor(x => x.Costos).Cascade(CascadeMode.Stop).NotNull().WithMessage("Indique la tabla de costos (puede ser vacía).")
                .Must(x => x.Count <= 200).WithMessage("A lo más 200 tipos de actividad.")
                .Must(x => x.Where(t => t is not null).Select(t => t.TipoActividadId).Distinct().Count() == x.Count(t => t is not null)).WithMessage("Hay tipos de actividad repetidos.");
            c.RuleForEach(x => x.Costos).NotNull().WithMessage("Cada costo es un objeto con tipoActividadId y costo.").ChildRules(t =>
            {
                t.RuleFor(x => x.TipoActividadId).NotEmpty().WithMessage("Indique el tipo de actividad.");
                t.RuleFor(x => x.Costo).InclusiveBetween(0, GuardarTablaCostos.CostoMaximo).WithMessage($"El costo debe estar entre 0 y {GuardarTablaCostos.CostoMaximo:N0} CLP.")
                    .Must(m => m == decimal.Truncate(m)).WithMessage("El costo en CLP no lleva decimales.");
            });
        });
}

public sealed class TablaCostosHandler(GestionDbContext db, IContextoSolicitud contexto)
    : IRequestHandler<ObtenerTablaCostos, TablaCostosDto>, IRequestHandler<GuardarTablaCostos, TablaCostosDto>
{
    public async ValueTask<TablaCostosDto> Handle(ObtenerTablaCostos request, CancellationToken cancellationToken) => await CargarAsync(cancellationToken);

    public async ValueTask<TablaCostosDto> Handle(GuardarTablaCostos request, CancellationToken cancellationToken)
    {
        var datos = request.Cuerpo;
        var tipos = await db.TiposActividad.Select(t => t.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < datos.Costos.Count; i++)
        {
            if (!tipos.Contains(datos.Costos[i].TipoActividadId))
                throw new ReglaNegocioException($"costos[{i}].tipoActividadId", "tipo_inexistente", "El tipo de actividad no existe.");
        }

        var configuracion = await db.Configuraciones.SingleOrDefaultAsync(cancellationToken);
        if (configuracion is null)
        {
            configuracion = new ConfiguracionGestion { EmpresaId = contexto.EmpresaId };
            db.Configuraciones.Add(configuracion);
        }

        configuracion.ComisionAgenciasPorcentaje = datos.ComisionAgenciasPorcentaje;
        var actuales = await db.Set<CostoActividad>().ToDictionaryAsync(c => c.TipoActividadId, cancellationToken);
        foreach (var costo in datos.Costos)
        {
            if (actuales.Remove(costo.TipoActividadId, out var actual))
                actual.Costo = costo.Costo;
            else
                db.Add(new CostoActividad { TipoActividadId = costo.TipoActividadId, Costo = costo.Costo });
        }

        // A type left out of the table costs nothing from now on.
        db.RemoveRange(actuales.Values);
        await db.SaveChangesAsync(cancellationToken);
        return await CargarAsync(cancellationToken);
    }

    private async Task<TablaCostosDto> CargarAsync(CancellationToken ct)
    {
        var configuracion = await ConfiguracionEmpresa.CargarAsync(db, ct);
        var costos = await db.Set<CostoActividad>().AsNoTracking().ToDictionaryAsync(c => c.TipoActividadId, c => c.Costo, ct);
        var tipos = await db.TiposActividad.AsNoTracking().OrderBy(t => t.Nombre).ToListAsync(ct);
        return new TablaCostosDto(configuracion.ComisionAgenciasPorcentaje,
            tipos.Select(t => new CostoTipoActividadDto(t.Id, t.Nombre, t.Tipo, t.Activo, costos.GetValueOrDefault(t.Id))).ToList());
    }
}

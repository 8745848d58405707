using System.ComponentModel;
using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Persistencia;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Configuracion;

public static class OrdenesImputacion
{
    /// <summary>Oldest due date first (FIFO by vencimiento), the default.</summary>
    public const string Vencimiento = "vencimiento";

    /// <summary>Oldest issue date first.</summary>
    public const string Emision = "emision";

    /// <summary>Smallest balance first, to close as many documents as possible.</summary>
    public const string MontoMenor = "monto_menor";

    public static readonly string[] Todos = [Vencimiento, Emision, MontoMenor];

    /// <summary>
    /// The order's keys, most significant first, as columns of an open installment (with its document's emission date and
    /// folio); the document id and installment number make the order total. The one definition: the single payment
    /// (<see cref="Comparador"/>) and the payments batch (<see cref="OrdenSql"/>) are both generated from it.
    /// </summary>
    private static string[] Claves(string orden) => orden switch
    {
        Emision => ["fecha_emision", "fecha_vencimiento", "folio", "documento_id", "numero"],
        MontoMenor => ["saldo", "fecha_vencimiento", "fecha_emision", "folio", "documento_id", "numero"],
        _ => ["fecha_vencimiento", "fecha_emision", "folio", "documento_id", "numero"],
    };

    /// <summary>The ORDER BY list over columns named as in <see cref="Claves"/>.</summary>
    public static string OrdenSql(string orden) => string.Join(", ", Claves(orden));

    public static IComparer<CuotaImputable> Comparador(string orden)
    {
        var claves = Claves(orden);
        return Comparer<CuotaImputable>.Create((a, b) =>
        {
            foreach (var clave in claves)
            {
                var r = clave switch
                {
                    "saldo" => a.Saldo.CompareTo(b.Saldo),
                    "fecha_vencimiento" => a.FechaVencimiento.CompareTo(b.FechaVencimiento),
                    "fecha_emision" => a.FechaEmision.CompareTo(b.FechaEmision),
                    "folio" => a.Folio.CompareTo(b.Folio),
                    "documento_id" => a.DocumentoId.CompareTo(b.DocumentoId),
                    _ => a.Numero.CompareTo(b.Numero),
                };
                if (r != 0)
                    return r;
            }

            return 0;
        });
    }
}

/// <summary>What the automatic application orders an open installment by.</summary>
public readonly record struct CuotaImputable(decimal Saldo, DateOnly FechaVencimiento, DateOnly FechaEmision, long Folio, Guid DocumentoId, int Numero);

/// <summary>The settings in force for the company: what is stored, or the defaults.</summary>
public sealed record AjustesCartera(
    IReadOnlyList<int> LimitesTramos, string OrdenImputacion, IReadOnlyList<decimal> PorcentajesProvision,
    string? CuentaContableConReferencia, string? CuentaContableSinReferencia, decimal ConcentracionMaxima = AjustesCartera.ConcentracionMaximaPorDefecto)
{
    /// <summary>Concentración máxima (% of the portfolio per client) when the company has not set one.</summary>
    public const decimal ConcentracionMaximaPorDefecto = 10m;

    public static readonly AjustesCartera PorDefecto = new([30, 60, 90, 120], OrdenesImputacion.Vencimiento, [1m, 5m, 10m, 25m, 50m, 100m], null, null);

    /// <summary>por_vencer, then 1-l1, (l1+1)-l2, ..., then mas_ln.</summary>
    public IReadOnlyList<Tramo> Tramos
    {
        get
        {
            var tramos = new List<Tramo> { new("por_vencer", null, 0) };
            var desde = 1;
            foreach (var hasta in LimitesTramos)
            {
                tramos.Add(new Tramo($"{desde}-{hasta}", desde, hasta));
                desde = hasta + 1;
            }

            tramos.Add(new Tramo($"mas_{desde - 1}", desde, null));
            return tramos;
        }
    }

    public static async Task<AjustesCartera> CargarAsync(CarteraDbContext db, CancellationToken ct)
    {
        var c = await db.Configuraciones.AsNoTracking().SingleOrDefaultAsync(ct);
        return c is null ? PorDefecto : new(c.LimitesTramos, c.OrdenImputacion, c.PorcentajesProvision, c.CuentaContableConReferencia, c.CuentaContableSinReferencia,
            c.ConcentracionMaxima ?? ConcentracionMaximaPorDefecto);
    }
}

public sealed record ConfiguracionCarteraDto(
    IReadOnlyList<int> LimitesTramos, IReadOnlyList<Tramo> Tramos, string OrdenImputacion,
    [property: Description("Porcentaje de provisión de cada tramo, en orden (0 a 100), exactos; no son montos.")] IReadOnlyList<decimal> PorcentajesProvision,
    string? CuentaContableConReferencia, string? CuentaContableSinReferencia, bool PorDefecto,
    [property: Description("Concentración máxima: porcentaje de la cartera (0 a 100) que un cliente no debería superar.")] decimal ConcentracionMaxima);

public sealed record ObtenerConfiguracionCartera : IRequest<ConfiguracionCarteraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/cartera/configuracion", async Task<Ok<ConfiguracionCarteraDto>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerConfiguracionCartera(), ct)))
        .WithName("ObtenerConfiguracionCartera");
}

public sealed class ObtenerConfiguracionCarteraHandler(CarteraDbContext db) : IRequestHandler<ObtenerConfiguracionCartera, ConfiguracionCarteraDto>
{
    public async ValueTask<ConfiguracionCarteraDto> Handle(ObtenerConfiguracionCartera request, CancellationToken cancellationToken)
    {
        var guardada = await db.Configuraciones.AsNoTracking().AnyAsync(cancellationToken);
        return Proyeccion.Dto(await AjustesCartera.CargarAsync(db, cancellationToken), !guardada);
    }
}

public sealed record DatosConfiguracionCartera(
    IReadOnlyList<int> LimitesTramos, string OrdenImputacion, [property: Description("Porcentaje de provisión de cada tramo, en orden (0 a 100), exactos; no son montos.")] IReadOnlyList<decimal> PorcentajesProvision,
    string? CuentaContableConReferencia, string? CuentaContableSinReferencia,
    [property: Description("Concentración máxima: porcentaje de la cartera (mayor que 0 y hasta 100) que un cliente no debería superar; omitido = 10.")] decimal? ConcentracionMaxima = null);

public sealed class DatosConfiguracionCarteraValidator : AbstractValidator<DatosConfiguracionCartera>
{
    public DatosConfiguracionCarteraValidator()
    {
        RuleFor(x => x.LimitesTramos).NotNull().Must(l => l is null || l.Count is >= 1 and <= 10).WithErrorCode("cantidad_tramos")
            .WithMessage("Indique entre 1 y 10 límites de tramo.");
        RuleFor(x => x.LimitesTramos).Must(l => l.All(d => d is > 0 and <= 3650) && l.Zip(l.Skip(1)).All(p => p.First < p.Second))
            .When(x => x.LimitesTramos is not null).WithErrorCode("limites_crecientes")
            .WithMessage("Los límites son días entre 1 y 3650, en orden creciente y sin repetir (por ejemplo 30, 60, 90, 120).");
        RuleFor(x => x.OrdenImputacion).NotEmpty().Must(o => OrdenesImputacion.Todos.Contains(o)).WithErrorCode("orden_invalido")
            .WithMessage($"OrdenImputacion debe ser uno de: {string.Join(", ", OrdenesImputacion.Todos)}.");
        RuleFor(x => x.PorcentajesProvision).NotNull().Must((x, p) => p is null || x.LimitesTramos is null || p.Count == x.LimitesTramos.Count + 2)
            .WithErrorCode("un_porcentaje_por_tramo")
            .WithMessage(x => $"Indique un porcentaje por tramo: {(x.LimitesTramos?.Count ?? 0) + 2} (por vencer, cada límite y el último).");
        RuleForEach(x => x.PorcentajesProvision).InclusiveBetween(0m, 100m).Must(p => decimal.Round(p, 4) == p)
            .WithErrorCode("porcentaje_invalido").WithMessage("Cada porcentaje va de 0 a 100, con hasta 4 decimales.");
        RuleFor(x => x.CuentaContableConReferencia).MaximumLength(LargosCartera.CuentaContable);
        RuleFor(x => x.CuentaContableSinReferencia).MaximumLength(LargosCartera.CuentaContable);
        RuleFor(x => x.ConcentracionMaxima).GreaterThan(0m).LessThanOrEqualTo(100m).Must(p => p is null || decimal.Round(p.Value, 4) == p)
            .WithName("concentracionMaxima").WithMessage("concentracionMaxima va de más de 0 a 100, con hasta 4 decimales.");
    }
}

public sealed record GuardarConfiguracionCartera(DatosConfiguracionCartera Cuerpo) : IRequest<ConfiguracionCarteraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/cartera/configuracion", async Task<Ok<ConfiguracionCarteraDto>> (DatosConfiguracionCartera body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarConfiguracionCartera(body), ct)))
        .WithName("GuardarConfiguracionCartera").ProducesValidationProblem();
}

public sealed class GuardarConfiguracionCarteraValidator : AbstractValidator<GuardarConfiguracionCartera>
{
    public GuardarConfiguracionCarteraValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosConfiguracionCarteraValidator());
}

public sealed class GuardarConfiguracionCarteraHandler(CarteraDbContext db) : IRequestHandler<GuardarConfiguracionCartera, ConfiguracionCarteraDto>
{
    public async ValueTask<ConfiguracionCarteraDto> Handle(GuardarConfiguracionCartera request, CancellationToken cancellationToken)
    {
        var datos = request.Cuerpo;
        var c = await db.Configuraciones.SingleOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            c = new ConfiguracionCartera { OrdenImputacion = datos.OrdenImputacion };
            db.Configuraciones.Add(c);
        }

        c.LimitesTramos = [.. datos.LimitesTramos];
        c.OrdenImputacion = datos.OrdenImputacion;
        c.PorcentajesProvision = [.. datos.PorcentajesProvision];
        c.CuentaContableConReferencia = Limpiar(datos.CuentaContableConReferencia);
        c.CuentaContableSinReferencia = Limpiar(datos.CuentaContableSinReferencia);
        c.ConcentracionMaxima = datos.ConcentracionMaxima;
        await db.SaveChangesAsync(cancellationToken);
        return Proyeccion.Dto(await AjustesCartera.CargarAsync(db, cancellationToken), false);
    }

    private static string? Limpiar(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

file static class Proyeccion
{
    public static ConfiguracionCarteraDto Dto(AjustesCartera a, bool porDefecto) =>
        new(a.LimitesTramos, a.Tramos, a.OrdenImputacion, a.PorcentajesProvision, a.CuentaContableConReferencia, a.CuentaContableSinReferencia, porDefecto, a.ConcentracionMaxima);
}

using System.ComponentModel;
using Cobranzas.Integraciones.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Integraciones.Contabilidad;

public sealed record LineaAsientoDto(string Cuenta, string Concepto, decimal Debe, decimal Haber);

public sealed record AsientoDto(
    Guid Id, long Secuencia, DateOnly Fecha, string TipoOrigen, Guid OrigenId, int Version, string Glosa, string? Referencia, string Moneda, Guid ClienteId, decimal Total,
    IReadOnlyList<LineaAsientoDto> Lineas)
{
    public static AsientoDto Desde(AsientoContable a) => new(
        a.Id, a.Secuencia, a.Fecha, a.TipoOrigen, a.OrigenId, a.Version, a.Glosa, a.Referencia, a.Moneda, a.ClienteId, a.Lineas.Sum(l => l.Debe),
        a.Lineas.Select(l => new LineaAsientoDto(l.Cuenta, l.Concepto, l.Debe, l.Haber)).ToList());
}

public sealed record PaginaAsientos(
    IReadOnlyList<AsientoDto> Asientos,
    [property: Description("Cursor para la siguiente llamada: los asientos posteriores a esta página. Igual al enviado si no hay nuevos.")] string SiguienteCursor,
    bool HayMas);

/// <summary>
/// The ERP's incremental pull: entries after the cursor in sequence order. Sequence numbers follow commit order (see
/// <see cref="GeneradorAsientos"/>), so following <c>siguienteCursor</c> never repeats nor skips an entry.
/// </summary>
public sealed record ListarAsientos(string? Cursor, int? Limite) : IRequest<PaginaAsientos>
{
    public const int LimiteMaximo = 1000;

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/integraciones/contabilidad/asientos", async Task<Ok<PaginaAsientos>> ([AsParameters] ListarAsientos q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarAsientosContables").WithTags("Contabilidad").ProducesValidationProblem();
}

public sealed class ListarAsientosValidator : AbstractValidator<ListarAsientos>
{
    public ListarAsientosValidator()
    {
        RuleFor(x => x.Cursor).Matches(@"^[0-9]{1,18}$").WithErrorCode("formato").WithMessage("El cursor es el siguienteCursor de la respuesta anterior (un número).");
        RuleFor(x => x.Limite).InclusiveBetween(1, ListarAsientos.LimiteMaximo);
    }
}

public sealed class ListarAsientosHandler(IntegracionesDbContext db) : IRequestHandler<ListarAsientos, PaginaAsientos>
{
    public async ValueTask<PaginaAsientos> Handle(ListarAsientos request, CancellationToken cancellationToken)
    {
        var desde = long.Parse(request.Cursor ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var limite = request.Limite ?? 100;
        var asientos = await db.Set<AsientoContable>().AsNoTracking().Where(a => a.Secuencia > desde).OrderBy(a => a.Secuencia).Take(limite + 1).ToListAsync(cancellationToken);
        var pagina = asientos.Take(limite).ToList();
        var siguiente = pagina.Count > 0 ? pagina[^1].Secuencia : desde;
        return new PaginaAsientos(pagina.Select(AsientoDto.Desde).ToList(), siguiente.ToString(System.Globalization.CultureInfo.InvariantCulture), asientos.Count > limite);
    }
}

public sealed record TotalCuentaDto(string Cuenta, string Moneda, decimal Debe, decimal Haber);

public sealed record AsientosPeriodoDto(
    DateOnly Desde, DateOnly Hasta, int Cantidad, IReadOnlyList<AsientoDto> Asientos,
    [property: Description("Hay más asientos en el período que los mostrados (los totales los incluyen todos).")] bool Truncado,
    IReadOnlyList<TotalCuentaDto> TotalesPorCuenta, decimal TotalDebe, decimal TotalHaber);

/// <summary>The entries dated in a period (as generated so far), with totals per account: the export's preview.</summary>
public sealed record AsientosPeriodo(DateOnly? Desde, DateOnly? Hasta) : IRequest<AsientosPeriodoDto>
{
    public const int MaximoMostrados = 500;

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/integraciones/contabilidad/asientos/periodo", async Task<Ok<AsientosPeriodoDto>> ([AsParameters] AsientosPeriodo q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("AsientosContablesPeriodo").WithTags("Contabilidad").ProducesValidationProblem();
}

public static class ReglasPeriodo
{
    public static readonly DateOnly Minimo = new(2000, 1, 1);
    public static readonly DateOnly Maximo = new(2100, 12, 31);

    public static void Periodo<T>(this AbstractValidator<T> v, Func<T, DateOnly?> desde, Func<T, DateOnly?> hasta)
    {
        v.RuleFor(x => desde(x)).InclusiveBetween(Minimo, Maximo).OverridePropertyName("desde");
        v.RuleFor(x => hasta(x)).InclusiveBetween(Minimo, Maximo).OverridePropertyName("hasta");
        v.RuleFor(x => hasta(x)).Must((x, h) => h >= desde(x) && h!.Value.DayNumber - desde(x)!.Value.DayNumber <= 366)
            .When(x => desde(x) is not null && hasta(x) is not null).OverridePropertyName("hasta")
            .WithErrorCode("rango_invalido").WithMessage("Hasta va desde «desde» y abarca un año como máximo.");
    }
}

public static class Periodos
{
    /// <summary>Without dates, the current month; with one, the rest of its month.</summary>
    public static (DateOnly Desde, DateOnly Hasta) Resolver(DateOnly? desde, DateOnly? hasta, TimeProvider reloj)
    {
        var referencia = desde ?? hasta ?? FechaNegocio.Hoy(reloj);
        var inicio = desde ?? new DateOnly(referencia.Year, referencia.Month, 1);
        return (inicio, hasta ?? new DateOnly(inicio.Year, inicio.Month, 1).AddMonths(1).AddDays(-1));
    }
}

public sealed class AsientosPeriodoValidator : AbstractValidator<AsientosPeriodo>
{
    public AsientosPeriodoValidator() => this.Periodo(x => x.Desde, x => x.Hasta);
}

public sealed class AsientosPeriodoHandler(IntegracionesDbContext db, TimeProvider reloj) : IRequestHandler<AsientosPeriodo, AsientosPeriodoDto>
{
    public async ValueTask<AsientosPeriodoDto> Handle(AsientosPeriodo request, CancellationToken cancellationToken)
    {
        var (desde, hasta) = Periodos.Resolver(request.Desde, request.Hasta, reloj);
        var asientos = await Consultas.DelPeriodoAsync(db, desde, hasta, cancellationToken);
        var lineas = asientos.SelectMany(a => a.Lineas.Select(l => (a.Moneda, l))).ToList();
        return new AsientosPeriodoDto(
            desde, hasta, asientos.Count, asientos.Take(AsientosPeriodo.MaximoMostrados).Select(AsientoDto.Desde).ToList(), asientos.Count > AsientosPeriodo.MaximoMostrados,
            lineas.GroupBy(x => (x.l.Cuenta, x.Moneda)).OrderBy(g => g.Key.Cuenta, StringComparer.Ordinal).ThenBy(g => g.Key.Moneda, StringComparer.Ordinal)
                .Select(g => new TotalCuentaDto(g.Key.Cuenta, g.Key.Moneda, g.Sum(x => x.l.Debe), g.Sum(x => x.l.Haber))).ToList(),
            lineas.Sum(x => x.l.Debe), lineas.Sum(x => x.l.Haber));
    }
}

public sealed record ExportarAsientos(DateOnly? Desde, DateOnly? Hasta, string? Formato) : IRequest<ArchivoExportado>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/integraciones/contabilidad/asientos/exportar", async Task<FileContentHttpResult> ([AsParameters] ExportarAsientos q, IMediator m, CancellationToken ct) =>
        {
            var archivo = await m.Send(q, ct);
            return TypedResults.File(archivo.Contenido, archivo.TipoContenido, archivo.NombreArchivo);
        })
        .WithName("ExportarAsientosContables").WithTags("Contabilidad").Produces(200, typeof(Stream), Exportacion.TipoXlsx, "text/csv").ProducesValidationProblem();
}

public sealed class ExportarAsientosValidator : AbstractValidator<ExportarAsientos>
{
    public ExportarAsientosValidator()
    {
        this.Periodo(x => x.Desde, x => x.Hasta);
        RuleFor(x => x.Formato).Must(f => f is null || Exportacion.Formatos.Contains(f)).WithErrorCode("formato_invalido").WithMessage("Formato debe ser xlsx o csv.");
    }
}

public sealed class ExportarAsientosHandler(IntegracionesDbContext db, TimeProvider reloj) : IRequestHandler<ExportarAsientos, ArchivoExportado>
{
    private static readonly string[] Encabezados = ["Secuencia", "Fecha", "Asiento", "Origen", "Versión", "Glosa", "Referencia", "Moneda", "Cuenta", "Concepto", "Debe", "Haber"];

    public async ValueTask<ArchivoExportado> Handle(ExportarAsientos request, CancellationToken cancellationToken)
    {
        var (desde, hasta) = Periodos.Resolver(request.Desde, request.Hasta, reloj);
        var asientos = await Consultas.DelPeriodoAsync(db, desde, hasta, cancellationToken);
        var filas = asientos.SelectMany(a => a.Lineas.Select(l => (IReadOnlyList<object?>)
            [a.Secuencia, a.Fecha, a.Id.ToString(), a.TipoOrigen, a.Version, a.Glosa, a.Referencia, a.Moneda, l.Cuenta, l.Concepto, l.Debe, l.Haber]));
        return Exportacion.Generar(request.Formato ?? "xlsx", $"asientos-{desde:yyyy-MM-dd}-{hasta:yyyy-MM-dd}", "Asientos", Encabezados, filas);
    }
}

file static class Consultas
{
    public static Task<List<AsientoContable>> DelPeriodoAsync(IntegracionesDbContext db, DateOnly desde, DateOnly hasta, CancellationToken ct) =>
        db.Set<AsientoContable>().AsNoTracking().Where(a => a.Fecha >= desde && a.Fecha <= hasta).OrderBy(a => a.Fecha).ThenBy(a => a.Secuencia).ToListAsync(ct);
}

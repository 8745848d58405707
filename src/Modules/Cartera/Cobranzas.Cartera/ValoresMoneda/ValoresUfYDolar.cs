using System.ComponentModel;
using Cobranzas.Cartera.Persistencia;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.ValoresMoneda;

public interface IValorDiarioDto
{
    DateOnly Fecha { get; }
    decimal Valor { get; }
}

public sealed record ValorUfDto(DateOnly Fecha, [property: Description("Pesos (CLP) por una UF en la fecha, exacto.")] decimal Valor) : IValorDiarioDto;

/// <summary>UF values by date (a national index, shared by every company): inserted or replaced.</summary>
public sealed record GuardarValoresUf(IReadOnlyList<ValorUfDto> Cuerpo) : IRequest<int>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/valores-uf", async Task<NoContent> (IReadOnlyList<ValorUfDto> body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new GuardarValoresUf(body), ct);
            return TypedResults.NoContent();
        })
        .WithName("GuardarValoresUf").ProducesValidationProblem();
}

public sealed class GuardarValoresUfValidator : AbstractValidator<GuardarValoresUf>
{
    public GuardarValoresUfValidator() => SerieDiaria.Reglas(this, x => x.Cuerpo);
}

public sealed class GuardarValoresUfHandler(CarteraDbContext db) : IRequestHandler<GuardarValoresUf, int>
{
    public async ValueTask<int> Handle(GuardarValoresUf request, CancellationToken cancellationToken) =>
        await SerieDiaria.GuardarAsync(db, db.ValoresUf, request.Cuerpo.Select(v => (v.Fecha, v.Valor)), (f, v) => new ValorUf { Fecha = f, Valor = v }, cancellationToken);
}

public sealed record ListarValoresUf(DateOnly? Desde, DateOnly? Hasta) : IRequest<IReadOnlyList<ValorUfDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/valores-uf", async Task<Ok<IReadOnlyList<ValorUfDto>>> ([AsParameters] ListarValoresUf q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarValoresUf").ProducesValidationProblem();
}

public sealed class ListarValoresUfHandler(CarteraDbContext db) : IRequestHandler<ListarValoresUf, IReadOnlyList<ValorUfDto>>
{
    public async ValueTask<IReadOnlyList<ValorUfDto>> Handle(ListarValoresUf request, CancellationToken cancellationToken) =>
        (await SerieDiaria.ListarAsync(db.ValoresUf, request.Desde, request.Hasta, cancellationToken)).Select(v => new ValorUfDto(v.Fecha, v.Valor)).ToList();
}

public sealed record ValorDolarDto(DateOnly Fecha, [property: Description("Dólar observado: pesos (CLP) por un dólar en la fecha, exacto.")] decimal Valor) : IValorDiarioDto;

/// <summary>Dólar observado by date (CLP per USD, national, shared by every company): inserted or replaced.</summary>
public sealed record GuardarValoresDolar(IReadOnlyList<ValorDolarDto> Cuerpo) : IRequest<int>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/valores-dolar", async Task<NoContent> (IReadOnlyList<ValorDolarDto> body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new GuardarValoresDolar(body), ct);
            return TypedResults.NoContent();
        })
        .WithName("GuardarValoresDolar").ProducesValidationProblem();
}

public sealed class GuardarValoresDolarValidator : AbstractValidator<GuardarValoresDolar>
{
    public GuardarValoresDolarValidator() => SerieDiaria.Reglas(this, x => x.Cuerpo);
}

public sealed class GuardarValoresDolarHandler(CarteraDbContext db) : IRequestHandler<GuardarValoresDolar, int>
{
    public async ValueTask<int> Handle(GuardarValoresDolar request, CancellationToken cancellationToken) =>
        await SerieDiaria.GuardarAsync(db, db.ValoresDolar, request.Cuerpo.Select(v => (v.Fecha, v.Valor)), (f, v) => new ValorDolar { Fecha = f, Valor = v }, cancellationToken);
}

public sealed record ListarValoresDolar(DateOnly? Desde, DateOnly? Hasta) : IRequest<IReadOnlyList<ValorDolarDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/valores-dolar", async Task<Ok<IReadOnlyList<ValorDolarDto>>> ([AsParameters] ListarValoresDolar q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarValoresDolar").ProducesValidationProblem();
}

public sealed class ListarValoresDolarHandler(CarteraDbContext db) : IRequestHandler<ListarValoresDolar, IReadOnlyList<ValorDolarDto>>
{
    public async ValueTask<IReadOnlyList<ValorDolarDto>> Handle(ListarValoresDolar request, CancellationToken cancellationToken) =>
        (await SerieDiaria.ListarAsync(db.ValoresDolar, request.Desde, request.Hasta, cancellationToken)).Select(v => new ValorDolarDto(v.Fecha, v.Valor)).ToList();
}

/// <summary>What the UF and the dólar observado share: validation, upsert by date, listing by range.</summary>
public static class SerieDiaria
{
    public static void Reglas<T, TDto>(AbstractValidator<T> v, System.Linq.Expressions.Expression<Func<T, IReadOnlyList<TDto>>> cuerpo) where TDto : IValorDiarioDto
    {
        v.RuleFor(cuerpo).NotEmpty().Must(l => l.Count <= 5000).WithMessage("Máximo 5000 valores por solicitud.")
            .Must(l => l.Select(x => x.Fecha).Distinct().Count() == l.Count).WithErrorCode("fecha_repetida").WithMessage("Cada fecha va una sola vez.");
        v.RuleForEach(System.Linq.Expressions.Expression.Lambda<Func<T, IEnumerable<TDto>>>(cuerpo.Body, cuerpo.Parameters)).ChildRules(c =>
        {
            c.RuleFor(x => x.Fecha).NotEmpty();
            c.RuleFor(x => x.Valor).GreaterThan(0).LessThan(1_000_000m).Must(x => x == Math.Round(x, 2)).WithErrorCode("escala").WithMessage("El valor tiene 2 decimales.");
        });
    }

    public static async Task<int> GuardarAsync<T>(
        CarteraDbContext db, DbSet<T> serie, IEnumerable<(DateOnly Fecha, decimal Valor)> valores, Func<DateOnly, decimal, T> crear, CancellationToken ct)
        where T : class, IValorDiario
    {
        var lista = valores.ToList();
        var fechas = lista.Select(v => v.Fecha).ToList();
        var existentes = await serie.Where(v => fechas.Contains(v.Fecha)).ToDictionaryAsync(v => v.Fecha, ct);
        foreach (var (fecha, valor) in lista)
        {
            if (existentes.TryGetValue(fecha, out var existente))
                existente.Valor = valor;
            else
                serie.Add(crear(fecha, valor));
        }

        await db.SaveChangesAsync(ct);
        return lista.Count;
    }

    public static async Task<List<(DateOnly Fecha, decimal Valor)>> ListarAsync<T>(DbSet<T> serie, DateOnly? desde, DateOnly? hasta, CancellationToken ct)
        where T : class, IValorDiario
    {
        var d = desde ?? DateOnly.MinValue;
        var h = hasta ?? DateOnly.MaxValue;
        return (await serie.AsNoTracking().Where(v => v.Fecha >= d && v.Fecha <= h).OrderBy(v => v.Fecha).Take(1000).Select(v => new { v.Fecha, v.Valor }).ToListAsync(ct))
            .Select(v => (v.Fecha, v.Valor)).ToList();
    }
}

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

/// <summary>The value a company uses on a date, and whether it is the national one or the company's own.</summary>
public sealed record ValorVigenteDto(
    DateOnly Fecha,
    [property: Description("Pesos (CLP) por unidad en la fecha, exacto.")] decimal Valor,
    [property: Description("nacional: la serie oficial que carga el operador de la instalación; empresa: un valor propio de esta empresa, que reemplaza al nacional en esa fecha sólo para ella.")]
    string Origen);

public static class OrigenesValor
{
    public const string Nacional = "nacional";
    public const string Empresa = "empresa";
}

/// <summary>
/// The company's own UF values by date (inserted or replaced), used instead of the national ones only by this company. The
/// national series is loaded only by the installation's operator (<c>valores cargar-uf</c>).
/// </summary>
public sealed record GuardarValoresUf(IReadOnlyList<ValorUfDto> Cuerpo) : IRequest<int>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/valores-uf", async Task<NoContent> (IReadOnlyList<ValorUfDto> body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new GuardarValoresUf(body), ct);
            return TypedResults.NoContent();
        })
        .WithName("GuardarValoresUf").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class GuardarValoresUfValidator : AbstractValidator<GuardarValoresUf>
{
    public GuardarValoresUfValidator() => SerieDiaria.Reglas(this, x => x.Cuerpo);
}

public sealed class GuardarValoresUfHandler(CarteraDbContext db) : IRequestHandler<GuardarValoresUf, int>
{
    public async ValueTask<int> Handle(GuardarValoresUf request, CancellationToken cancellationToken) =>
        await SerieDiaria.GuardarAsync(db, db.ValoresUfEmpresa, request.Cuerpo.Select(v => (v.Fecha, v.Valor)), (f, v) => new ValorUfEmpresa { Fecha = f, Valor = v }, cancellationToken);
}

/// <summary>The UF the company uses on each date of the range: its own value where it has one, else the national one.</summary>
public sealed record ListarValoresUf(DateOnly? Desde, DateOnly? Hasta) : IRequest<IReadOnlyList<ValorVigenteDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/valores-uf", async Task<Ok<IReadOnlyList<ValorVigenteDto>>> ([AsParameters] ListarValoresUf q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarValoresUf").ProducesValidationProblem();
}

public sealed class ListarValoresUfHandler(CarteraDbContext db) : IRequestHandler<ListarValoresUf, IReadOnlyList<ValorVigenteDto>>
{
    public async ValueTask<IReadOnlyList<ValorVigenteDto>> Handle(ListarValoresUf request, CancellationToken cancellationToken) =>
        await SerieDiaria.ListarAsync(db.ValoresUf, db.ValoresUfEmpresa, request.Desde, request.Hasta, cancellationToken);
}

public sealed record ValorDolarDto(DateOnly Fecha, [property: Description("Dólar observado: pesos (CLP) por un dólar en la fecha, exacto.")] decimal Valor) : IValorDiarioDto;

/// <summary>The company's own dólar observado by date (CLP per USD), used instead of the national one only by this company.</summary>
public sealed record GuardarValoresDolar(IReadOnlyList<ValorDolarDto> Cuerpo) : IRequest<int>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/valores-dolar", async Task<NoContent> (IReadOnlyList<ValorDolarDto> body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new GuardarValoresDolar(body), ct);
            return TypedResults.NoContent();
        })
        .WithName("GuardarValoresDolar").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class GuardarValoresDolarValidator : AbstractValidator<GuardarValoresDolar>
{
    public GuardarValoresDolarValidator() => SerieDiaria.Reglas(this, x => x.Cuerpo);
}

public sealed class GuardarValoresDolarHandler(CarteraDbContext db) : IRequestHandler<GuardarValoresDolar, int>
{
    public async ValueTask<int> Handle(GuardarValoresDolar request, CancellationToken cancellationToken) =>
        await SerieDiaria.GuardarAsync(db, db.ValoresDolarEmpresa, request.Cuerpo.Select(v => (v.Fecha, v.Valor)), (f, v) => new ValorDolarEmpresa { Fecha = f, Valor = v }, cancellationToken);
}

/// <summary>The dólar the company uses on each date of the range: its own value where it has one, else the national one.</summary>
public sealed record ListarValoresDolar(DateOnly? Desde, DateOnly? Hasta) : IRequest<IReadOnlyList<ValorVigenteDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/valores-dolar", async Task<Ok<IReadOnlyList<ValorVigenteDto>>> ([AsParameters] ListarValoresDolar q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarValoresDolar").ProducesValidationProblem();
}

public sealed class ListarValoresDolarHandler(CarteraDbContext db) : IRequestHandler<ListarValoresDolar, IReadOnlyList<ValorVigenteDto>>
{
    public async ValueTask<IReadOnlyList<ValorVigenteDto>> Handle(ListarValoresDolar request, CancellationToken cancellationToken) =>
        await SerieDiaria.ListarAsync(db.ValoresDolar, db.ValoresDolarEmpresa, request.Desde, request.Hasta, cancellationToken);
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

    /// <summary>The first 1000 dates of the range with a value; the company's own values (the query filter keeps them to it) win over the national ones.</summary>
    public static async Task<List<ValorVigenteDto>> ListarAsync<TNacional, TEmpresa>(
        DbSet<TNacional> nacional, DbSet<TEmpresa> propios, DateOnly? desde, DateOnly? hasta, CancellationToken ct)
        where TNacional : class, IValorDiario
        where TEmpresa : class, IValorDiario
    {
        const int Maximo = 1000;
        var d = desde ?? DateOnly.MinValue;
        var h = hasta ?? DateOnly.MaxValue;
        var valores = (await nacional.AsNoTracking().Where(v => v.Fecha >= d && v.Fecha <= h).OrderBy(v => v.Fecha).Take(Maximo).Select(v => new { v.Fecha, v.Valor }).ToListAsync(ct))
            .ToDictionary(v => v.Fecha, v => new ValorVigenteDto(v.Fecha, v.Valor, OrigenesValor.Nacional));
        foreach (var v in await propios.AsNoTracking().Where(v => v.Fecha >= d && v.Fecha <= h).OrderBy(v => v.Fecha).Take(Maximo).Select(v => new { v.Fecha, v.Valor }).ToListAsync(ct))
            valores[v.Fecha] = new ValorVigenteDto(v.Fecha, v.Valor, OrigenesValor.Empresa);
        return valores.Values.OrderBy(v => v.Fecha).Take(Maximo).ToList();
    }
}

/// <summary>The UF and dólar a company uses, read through the SQL functions that are their one home (<c>cartera.valor_uf</c> and siblings).</summary>
public static class ValoresDelDia
{
    /// <summary>The values of the latest date up to <paramref name="fecha"/> that has one (the company's own or the national one).</summary>
    public static async Task<(decimal? Uf, decimal? Dolar)> UltimosAsync(CarteraDbContext db, DateOnly fecha, CancellationToken ct)
    {
        var empresa = db.EmpresaActual;
        var fila = await db.Database
            .SqlQuery<UltimosValores>($"SELECT cartera.ultimo_valor_uf({empresa}, {fecha}) AS uf, cartera.ultimo_valor_dolar({empresa}, {fecha}) AS dolar")
            .SingleAsync(ct);
        return (fila.Uf, fila.Dolar);
    }

    /// <summary>The date of the UF value <see cref="UltimosAsync"/> uses for <paramref name="fecha"/>: the credit panel says how old it is.</summary>
    public static async Task<DateOnly?> FechaUltimaUfAsync(CarteraDbContext db, DateOnly fecha, CancellationToken ct)
    {
        var empresa = db.EmpresaActual;
        return await db.Database.SqlQuery<DateOnly?>($"""
            SELECT max(u.fecha) AS "Value"
            FROM (SELECT max(e.fecha) FROM cartera.valores_uf_empresa e WHERE e.empresa_id = {empresa} AND e.fecha <= {fecha}
                  UNION ALL
                  SELECT max(n.fecha) FROM cartera.valores_uf n WHERE n.fecha <= {fecha}) AS u(fecha)
            """).SingleAsync(ct);
    }

    private sealed class UltimosValores
    {
        public decimal? Uf { get; init; }
        public decimal? Dolar { get; init; }
    }
}

using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.Gestion.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Credito;

/// <param name="Puntaje">The factor's own score, 0 to 100, by its <paramref name="Regla"/>.</param>
/// <param name="PonderacionPorcentaje">Its weight, percent of the total.</param>
/// <param name="Aporte">Puntaje × ponderación / 100: what it adds to the total score.</param>
public sealed record FactorScoreDto(string Codigo, string Nombre, string Dato, string Regla, decimal Puntaje, int PonderacionPorcentaje, decimal Aporte);

/// <param name="Total">Sum of the contributions, 0 to 100.</param>
/// <param name="Categoria">A (75 or more), B (50 or more), C (25 or more), D.</param>
public sealed record ScoreCreditoDto(decimal Total, string Categoria, IReadOnlyList<FactorScoreDto> Factores);

/// <summary>The weights, each 0 to 100, adding up to 100.</summary>
public sealed record PonderacionesScoreDto(int DiasPago, int Protestos, int CompromisosRotos, int Bureau, int Antiguedad, int Exposicion);

/// <summary>What the score reads: this company's own record of the client (Cartera, Gestión) and the request's bureau report.</summary>
public sealed record EntradasScore(decimal? DiasPromedioPago, int Protestos, int CompromisosRotos, InformeComercial? Informe, int? MesesRelacion, decimal ExposicionClp, decimal? LimiteSolicitadoClp);

/// <summary>The internal score: each factor's rule is stated here and shown with its contribution.</summary>
public static class ScoreCredito
{
    public static readonly PonderacionesScoreDto PorDefecto = new(30, 15, 10, 25, 10, 10);

    public static ScoreCreditoDto Calcular(EntradasScore e, PonderacionesScoreDto p)
    {
        var factores = new List<FactorScoreDto>
        {
            Factor("dias_pago", "Días de pago", e.DiasPromedioPago is { } d ? $"{d:0.#} días promedio desde el vencimiento" : "Sin pagos en 12 meses",
                "100 − 2 por cada día de atraso promedio (0 si paga a tiempo); sin historia: 50", e.DiasPromedioPago is { } dias ? 100 - (2 * Math.Max(0, dias)) : 50, p.DiasPago),
            Factor("protestos", "Protestos en la empresa", $"{e.Protestos} en 12 meses", "100 − 25 por protesto", 100 - (25m * e.Protestos), p.Protestos),
            Factor("compromisos_rotos", "Compromisos incumplidos", $"{e.CompromisosRotos} en 12 meses", "100 − 20 por compromiso roto", 100 - (20m * e.CompromisosRotos), p.CompromisosRotos),
            Factor("bureau", "Informe comercial", e.Informe is { } i ? $"score {i.Score?.ToString() ?? "—"}, {i.Protestos} protestos, {i.Morosidades} morosidades, {i.DicomCantidad} DICOM" : "Sin informe",
                "score / 10 − 10 por protesto − 5 por morosidad − 10 por registro DICOM; sin informe: 0",
                e.Informe is { } inf ? ((inf.Score ?? 0) / 10m) - (10m * inf.Protestos) - (5m * inf.Morosidades) - (10m * inf.DicomCantidad) : 0, p.Bureau),
            Factor("antiguedad", "Antigüedad de la relación", e.MesesRelacion is { } m ? $"{m} meses" : "Sin documentos", "100 a los 36 meses, proporcional antes",
                e.MesesRelacion is { } meses ? meses * 100m / 36 : 0, p.Antiguedad),
            Factor("exposicion", "Exposición frente a la línea", e.LimiteSolicitadoClp is { } l ? $"{e.ExposicionClp:N0} de {l:N0} pesos" : "Sin línea en pesos",
                "100 × (1 − exposición / línea solicitada)", e.LimiteSolicitadoClp is > 0 and { } linea ? 100 * (1 - (e.ExposicionClp / linea)) : 0, p.Exposicion),
        };
        var total = factores.Sum(f => f.Aporte);
        return new(total, total >= 75 ? "A" : total >= 50 ? "B" : total >= 25 ? "C" : "D", factores);
    }

    private static FactorScoreDto Factor(string codigo, string nombre, string dato, string regla, decimal puntaje, int peso)
    {
        var p = Math.Round(Math.Clamp(puntaje, 0, 100), 2);
        return new(codigo, nombre, dato, regla, p, peso, Math.Round(p * peso / 100, 2));
    }

    public static async Task<PonderacionesScoreDto> PonderacionesAsync(ClientesDbContext db, CancellationToken ct) =>
        await db.Set<PonderacionesScore>().AsNoTracking()
            .Select(p => new PonderacionesScoreDto(p.DiasPago, p.Protestos, p.CompromisosRotos, p.Bureau, p.Antiguedad, p.Exposicion))
            .SingleOrDefaultAsync(ct) ?? PorDefecto;

    /// <summary>Reads the inputs over the last 12 months from Cartera and Gestión through their contracts.</summary>
    public static async Task<(EntradasScore Entradas, decimal? ValorUf)> EntradasAsync(ISender mediator, SolicitudCredito s, DateOnly hoy, CancellationToken ct)
    {
        var desde = hoy.AddMonths(-12);
        var pago = await mediator.Send(new ObtenerComportamientoPago(s.ClienteId, desde), ct);
        var rotos = await mediator.Send(new CompromisosRotosCliente(s.ClienteId, desde), ct);
        int? meses = pago.PrimeraEmision is { } f ? Math.Max(0, ((hoy.Year - f.Year) * 12) + hoy.Month - f.Month - (hoy.Day < f.Day ? 1 : 0)) : null;
        decimal? lineaClp = s.Moneda == Monedas.Uf ? pago.ValorUf is { } uf ? Math.Round(s.LimiteSolicitado * uf, 0) : null : s.LimiteSolicitado;
        return (new EntradasScore(pago.DiasPromedioPago, pago.Protestos, rotos, s.Informe, meses, pago.ExposicionClp, lineaClp), pago.ValorUf);
    }
}

public sealed record ObtenerPonderacionesScore : IRequest<PonderacionesScoreDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/credito/ponderaciones", async Task<Ok<PonderacionesScoreDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerPonderacionesScore(), ct)))
        .WithName("ObtenerPonderacionesScore").WithTags("Crédito");
}

public sealed class ObtenerPonderacionesScoreHandler(ClientesDbContext db) : IRequestHandler<ObtenerPonderacionesScore, PonderacionesScoreDto>
{
    public async ValueTask<PonderacionesScoreDto> Handle(ObtenerPonderacionesScore request, CancellationToken cancellationToken) => await ScoreCredito.PonderacionesAsync(db, cancellationToken);
}

public sealed record GuardarPonderacionesScore(PonderacionesScoreDto Cuerpo) : IRequest<PonderacionesScoreDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/credito/ponderaciones", async Task<Ok<PonderacionesScoreDto>> (PonderacionesScoreDto body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarPonderacionesScore(body), ct)))
        .WithName("GuardarPonderacionesScore").WithTags("Crédito").ProducesValidationProblem();
}

public sealed class GuardarPonderacionesScoreValidator : AbstractValidator<GuardarPonderacionesScore>
{
    public GuardarPonderacionesScoreValidator()
    {
        RuleFor(x => x.Cuerpo).NotNull();
        RuleFor(x => x.Cuerpo.DiasPago).InclusiveBetween(0, 100);
        RuleFor(x => x.Cuerpo.Protestos).InclusiveBetween(0, 100);
        RuleFor(x => x.Cuerpo.CompromisosRotos).InclusiveBetween(0, 100);
        RuleFor(x => x.Cuerpo.Bureau).InclusiveBetween(0, 100);
        RuleFor(x => x.Cuerpo.Antiguedad).InclusiveBetween(0, 100);
        RuleFor(x => x.Cuerpo.Exposicion).InclusiveBetween(0, 100);
        RuleFor(x => x.Cuerpo.DiasPago).Must((x, _) => (long)x.Cuerpo.DiasPago + x.Cuerpo.Protestos + x.Cuerpo.CompromisosRotos + x.Cuerpo.Bureau + x.Cuerpo.Antiguedad + x.Cuerpo.Exposicion == 100)
            .When(x => x.Cuerpo is not null).WithErrorCode("suma").WithMessage("Las ponderaciones deben sumar 100.");
    }
}

public sealed class GuardarPonderacionesScoreHandler(ClientesDbContext db) : IRequestHandler<GuardarPonderacionesScore, PonderacionesScoreDto>
{
    public async ValueTask<PonderacionesScoreDto> Handle(GuardarPonderacionesScore request, CancellationToken cancellationToken)
    {
        var p = await db.Set<PonderacionesScore>().SingleOrDefaultAsync(cancellationToken);
        if (p is null)
        {
            p = new PonderacionesScore();
            db.Add(p);
        }

        var c = request.Cuerpo;
        (p.DiasPago, p.Protestos, p.CompromisosRotos, p.Bureau, p.Antiguedad, p.Exposicion) = (c.DiasPago, c.Protestos, c.CompromisosRotos, c.Bureau, c.Antiguedad, c.Exposicion);
        await db.SaveChangesAsync(cancellationToken);
        return c;
    }
}

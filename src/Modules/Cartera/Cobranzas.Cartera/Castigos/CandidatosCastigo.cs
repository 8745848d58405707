using System.ComponentModel;
using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Castigos;

public sealed record ReglasCastigoDto(
    [property: Description("Días de vencido que un documento supera para ser candidato (por omisión 365).")] int DiasMinimos,
    [property: Description("Si además se exige que la cobranza judicial del cliente terminó: todos sus juicios terminados o su quiebra cerrada.")] bool ExigeCierreJudicial);

/// <param name="Saldo">In the document's currency (<paramref name="Moneda"/>).</param>
/// <param name="SaldoClp">The balance in pesos at today's UF or dólar; null when that value is missing.</param>
/// <param name="Provision">In pesos; null when the balance cannot be put in pesos.</param>
/// <param name="SaldoClp">The balance in pesos at today's UF or dólar (the latest loaded up to today); null when that value is missing.</param>
public sealed record CandidatoCastigoDto(
    Guid DocumentoId, Guid ClienteId, string? RazonSocial, string Tipo, long Folio, DateOnly FechaVencimiento, int DiasVencido, decimal Saldo,
    decimal? Provision,
    [property: Description("Por qué es candidato (antigüedad y situación judicial).")] string Motivo,
    string Moneda,
    decimal? SaldoClp);

/// <param name="Total">In pesos: the candidates' balances at today's UF and dólar (those without a value left out).</param>
public sealed record CandidatosCastigoDto(DateOnly Fecha, ReglasCastigoDto Reglas, IReadOnlyList<CandidatoCastigoDto> Documentos, decimal Total, decimal Provision);

/// <summary>
/// Write-off candidates at today: documents in the company's own collection (in any currency, valued in pesos at today's UF or dólar), overdue beyond the company's days, whose client's
/// legal collection ended (when the rules ask for it, as Gestión reports it), and not already in a pending proposal.
/// </summary>
public sealed record ListarCandidatosCastigo(Guid? ClienteId) : IRequest<CandidatosCastigoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/castigos/candidatos", async Task<Ok<CandidatosCastigoDto>> ([AsParameters] ListarCandidatosCastigo q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarCandidatosCastigo").WithTags("Castigos").ProducesValidationProblem();
}

public sealed class ListarCandidatosCastigoHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<ListarCandidatosCastigo, CandidatosCastigoDto>
{
    public async ValueTask<CandidatosCastigoDto> Handle(ListarCandidatosCastigo request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var reglas = await CandidatosCastigo.ReglasAsync(db, cancellationToken);
        var candidatos = await CandidatosCastigo.BuscarAsync(db, mediator, reglas, hoy, request.ClienteId, null, cancellationToken);
        return new CandidatosCastigoDto(hoy, reglas, candidatos, candidatos.Sum(c => c.SaldoClp ?? 0), candidatos.Sum(c => c.Provision ?? 0));
    }
}

public static class CandidatosCastigo
{
    public const int Maximo = 1000;

    public static async Task<ReglasCastigoDto> ReglasAsync(CarteraDbContext db, CancellationToken ct)
    {
        var c = await db.Set<ConfiguracionCastigos>().AsNoTracking().SingleOrDefaultAsync(ct) ?? new ConfiguracionCastigos();
        return new ReglasCastigoDto(c.DiasMinimos, c.ExigeCierreJudicial);
    }

    /// <summary>The candidates under the rules, optionally only among <paramref name="ids"/> (a proposal checks its documents with the same rule).</summary>
    public static async Task<List<CandidatoCastigoDto>> BuscarAsync(
        CarteraDbContext db, IMediator mediator, ReglasCastigoDto reglas, DateOnly hoy, Guid? clienteId, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var limite = hoy.AddDays(-reglas.DiasMinimos);
        var enPropuesta = db.Set<PropuestaCastigoDocumento>()
            .Where(x => db.Set<PropuestaCastigo>().Any(p => p.Id == x.PropuestaId && p.Estado == EstadosPropuestaCastigo.PendienteAprobacion))
            .Select(x => x.DocumentoId);
        var q = db.Documentos.AsNoTracking().Where(ReglasCartera.EnCartera)
            .Where(d => d.Saldo > 0 && d.FechaVencimiento < limite && !enPropuesta.Contains(d.Id));
        if (clienteId is { } cliente)
            q = q.Where(d => d.ClienteId == cliente);
        if (ids is not null)
            q = q.Where(d => ids.Contains(d.Id));
        var documentos = await q.OrderBy(d => d.FechaVencimiento).ThenBy(d => d.Folio).Take(Maximo)
            .Select(d => new { d.Id, d.ClienteId, d.Tipo, d.Folio, d.FechaVencimiento, d.Saldo, d.Moneda }).ToListAsync(ct);
        if (documentos.Count == 0)
            return [];

        var clientes = documentos.Select(d => d.ClienteId).Distinct().ToList();
        var situaciones = (await mediator.Send(new SituacionJudicialClientes(clientes), ct)).ToDictionary(s => s.ClienteId);
        var nombres = (await mediator.Send(new BuscarClientes(clientes, []), ct)).ToDictionary(c => c.Id, c => c.RazonSocial);
        var ajustes = await AjustesCartera.CargarAsync(db, ct);
        var tramos = ajustes.Tramos;
        var (uf, dolar) = documentos.Any(d => d.Moneda != Monedas.Clp) ? await ValoresMoneda.ValoresDelDia.UltimosAsync(db, hoy, ct) : (null, null);

        var r = new List<CandidatoCastigoDto>();
        foreach (var d in documentos)
        {
            var situacion = situaciones.GetValueOrDefault(d.ClienteId);
            var cierre = CierreJudicial(situacion);
            if (reglas.ExigeCierreJudicial && cierre is null)
                continue;
            var dias = hoy.DayNumber - d.FechaVencimiento.DayNumber;
            var tramo = tramos.Select((t, i) => (t, i)).Last(x => x.i == 0 || dias >= x.t.Desde).i;
            var saldoClp = ReglasCartera.EnClp(d.Saldo, d.Moneda, uf, dolar);
            decimal? provision = saldoClp is { } clp ? Math.Min(clp, Math.Round(clp * ajustes.PorcentajesProvision[tramo] / 100m, 0, MidpointRounding.AwayFromZero)) : null;
            var motivo = $"Vencido hace {dias} días (más de {reglas.DiasMinimos})" + (cierre is null ? "" : $"; {cierre}");
            r.Add(new CandidatoCastigoDto(d.Id, d.ClienteId, nombres.GetValueOrDefault(d.ClienteId), d.Tipo, d.Folio, d.FechaVencimiento, dias, d.Saldo, provision, motivo, d.Moneda, saldoClp));
        }

        return r;
    }

    private static string? CierreJudicial(SituacionJudicialCliente? s) => s switch
    {
        { QuiebraAbierta: false, QuiebraCerrada: { } cierre } => $"procedimiento concursal cerrado el {cierre:dd-MM-yyyy}",
        { JuiciosVigentes: 0, UltimoJuicioTerminado: { } termino } => $"cobranza judicial terminada el {termino:dd-MM-yyyy}",
        _ => null,
    };
}

public sealed record ObtenerReglasCastigo : IRequest<ReglasCastigoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/castigos/reglas", async Task<Ok<ReglasCastigoDto>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerReglasCastigo(), ct)))
        .WithName("ObtenerReglasCastigo").WithTags("Castigos");
}

public sealed class ObtenerReglasCastigoHandler(CarteraDbContext db) : IRequestHandler<ObtenerReglasCastigo, ReglasCastigoDto>
{
    public async ValueTask<ReglasCastigoDto> Handle(ObtenerReglasCastigo request, CancellationToken cancellationToken) => await CandidatosCastigo.ReglasAsync(db, cancellationToken);
}

public sealed record GuardarReglasCastigo(ReglasCastigoDto Cuerpo) : IRequest<ReglasCastigoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/castigos/reglas", async Task<Ok<ReglasCastigoDto>> (ReglasCastigoDto body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarReglasCastigo(body), ct)))
        .WithName("GuardarReglasCastigo").WithTags("Castigos").ProducesValidationProblem();
}

public sealed class GuardarReglasCastigoValidator : AbstractValidator<GuardarReglasCastigo>
{
    public GuardarReglasCastigoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.DiasMinimos).InclusiveBetween(90, 3650).WithMessage("diasMinimos va de 90 a 3650."));
}

public sealed class GuardarReglasCastigoHandler(CarteraDbContext db) : IRequestHandler<GuardarReglasCastigo, ReglasCastigoDto>
{
    public async ValueTask<ReglasCastigoDto> Handle(GuardarReglasCastigo request, CancellationToken cancellationToken)
    {
        var c = await db.Set<ConfiguracionCastigos>().SingleOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            c = new ConfiguracionCastigos();
            db.Add(c);
        }

        c.DiasMinimos = request.Cuerpo.DiasMinimos;
        c.ExigeCierreJudicial = request.Cuerpo.ExigeCierreJudicial;
        await db.SaveChangesAsync(cancellationToken);
        return await CandidatosCastigo.ReglasAsync(db, cancellationToken);
    }
}

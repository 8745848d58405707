using System.Globalization;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Credito;

public sealed record MotivoCredito(string Codigo, string Mensaje);

/// <param name="FechaUf">Date of the UF value a limit in UF was converted with (null without a limit in UF or a value).</param>
/// <param name="UfDesactualizada">That value is from before the current month: the limit in pesos may be stale.</param>
/// <param name="ExposicionCedidaDelegada">The part of <c>Exposicion</c> in documents ceded to a factor under administración delegada.</param>
public sealed record CreditoDto(
    Guid ClienteId, decimal? Limite, string Moneda, decimal? LimiteClp, decimal Exposicion, decimal? Disponible, string Estado, bool Suspender, IReadOnlyList<MotivoCredito> Motivos,
    DateOnly? FechaUf = null, bool UfDesactualizada = false, decimal ExposicionCedidaDelegada = 0);

/// <summary>A client's credit position today: limit from its effective policy, exposure from its open portfolio.</summary>
public sealed record ObtenerCredito(Guid Id) : IRequest<CreditoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/clientes/{id:guid}/credito", async Task<Ok<CreditoDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerCredito(id), ct)))
        .WithName("ObtenerCredito").ProducesProblem(404);
}

public sealed class ObtenerCreditoHandler(IMediator mediator, ControlCredito control) : IRequestHandler<ObtenerCredito, CreditoDto>
{
    public async ValueTask<CreditoDto> Handle(ObtenerCredito request, CancellationToken cancellationToken)
    {
        var cliente = (await mediator.Send(new BuscarClientes([request.Id], []), cancellationToken)).SingleOrDefault()
            ?? throw new NoEncontradoException("Cliente", request.Id);
        return (await control.EvaluarAsync([cliente], cancellationToken)).Single();
    }
}

/// <summary>
/// Credit control: exposure = open balance of debit documents the company collects (its own and those ceded under administración
/// delegada: the client still owes them and the company bears their collection; UF and USD at the latest value up to today) +
/// cheques a fecha not yet cleared; a client over its limit or with an installment overdue more than its policy's tolerance is
/// suspended automatically, and restored when cured (only if the control suspended it).
/// </summary>
public sealed class ControlCredito(CarteraDbContext db, IMediator mediator, TimeProvider reloj)
{
    public async Task<IReadOnlyList<CreditoDto>> EvaluarAsync(IReadOnlyList<ClienteInfo> clientes, CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var ids = clientes.Select(c => c.Id).ToList();
        var deudas = await db.Documentos.Where(ReglasCartera.EnCobranza).Where(d => ids.Contains(d.ClienteId))
            .SelectMany(d => d.Cuotas.Where(c => c.Saldo > 0), (d, c) => new { d.ClienteId, d.Moneda, c.Saldo, c.FechaVencimiento, c.Delegada })
            .GroupBy(x => new { x.ClienteId, x.Moneda })
            .Select(g => new
            {
                g.Key.ClienteId, g.Key.Moneda, Saldo = g.Sum(x => x.Saldo), Delegado = g.Where(x => x.Delegada).Sum(x => x.Saldo),
                VencimientoMasAntiguo = g.Where(x => x.FechaVencimiento < hoy).Min(x => (DateOnly?)x.FechaVencimiento),
            })
            .ToListAsync(ct);
        var cheques = await ChequesEnCarteraAsync(ids, ct);
        var (uf, dolar) = await ValoresMoneda.ValoresDelDia.UltimosAsync(db, hoy, ct);
        var fechaUf = uf is null || clientes.All(c => c.MonedaLimite != Monedas.Uf || c.LimiteCredito is null)
            ? null : await ValoresMoneda.ValoresDelDia.FechaUltimaUfAsync(db, hoy, ct);
        var ufDesactualizada = fechaUf is { } f && f < new DateOnly(hoy.Year, hoy.Month, 1);

        return clientes.Select(c =>
        {
            var motivos = new List<MotivoCredito>();
            decimal EnClp(string moneda, decimal monto) => ReglasCartera.EnClp(monto, moneda, uf, dolar) ?? 0;

            var propias = deudas.Where(d => d.ClienteId == c.Id).ToList();
            foreach (var sinConvertir in propias.Where(d => (d.Moneda == Monedas.Usd && dolar is null) || (d.Moneda == Monedas.Uf && uf is null)))
                motivos.Add(new MotivoCredito("sin_conversion", $"El saldo en {sinConvertir.Moneda} ({sinConvertir.Saldo}) no se suma: no hay tipo de cambio."));
            var delegada = propias.Sum(d => EnClp(d.Moneda, d.Delegado));
            var exposicion = propias.Sum(d => EnClp(d.Moneda, d.Saldo)) + cheques.Where(x => x.ClienteId == c.Id).Sum(x => EnClp(x.Moneda, x.Monto));

            decimal? limiteClp = c.LimiteCredito is null ? null
                : c.MonedaLimite == Monedas.Uf ? uf is null ? null : Math.Round(c.LimiteCredito.Value * uf.Value, 0)
                : c.LimiteCredito;
            if (c.LimiteCredito is not null && limiteClp is null)
                motivos.Add(new MotivoCredito("sin_valor_uf", "El límite está en UF y no hay valor UF cargado."));
            var suspender = false;
            if (limiteClp is { } limite && exposicion > limite)
            {
                suspender = true;
                motivos.Add(new MotivoCredito("sobre_limite", $"Exposición {Clp(exposicion)} supera el límite de crédito {Clp(limite)}."));
            }

            var antiguo = propias.Select(d => d.VencimientoMasAntiguo).Where(f => f is not null).Min();
            if (antiguo is { } vencido && hoy.DayNumber - vencido.DayNumber > c.DiasTolerancia)
            {
                suspender = true;
                motivos.Add(new MotivoCredito("mora", $"Tiene deuda vencida hace {hoy.DayNumber - vencido.DayNumber} días (tolerancia {c.DiasTolerancia})."));
            }

            var enUf = c.MonedaLimite == Monedas.Uf && c.LimiteCredito is not null;
            return new CreditoDto(c.Id, c.LimiteCredito, c.MonedaLimite, limiteClp, exposicion, limiteClp - exposicion, c.EstadoCredito, suspender, motivos,
                enUf ? fechaUf : null, enUf && ufDesactualizada, delegada);
        }).ToList();
    }

    /// <summary>Evaluates the clients and suspends or restores them through the Clientes module (one request for all); answers how many changed.</summary>
    public async Task<int> AplicarAsync(IReadOnlyCollection<Guid> clienteIds, CancellationToken ct)
    {
        if (clienteIds.Count == 0)
            return 0;
        var clientes = await mediator.Send(new BuscarClientes(clienteIds, []), ct);
        var estados = clientes.ToDictionary(c => c.Id, c => c.EstadoCredito);
        var cambios = new List<CambiarEstadoCreditoAutomatico>();
        foreach (var e in await EvaluarAsync(clientes, ct))
        {
            // Only a vigente client can be suspended and only a suspended one restored (the Clientes module
            // also checks who suspended it): the others are not sent.
            if (estados[e.ClienteId] != (e.Suspender ? EstadoVigente : EstadoSuspendido))
                continue;
            var motivo = e.Suspender ? string.Join(" ", e.Motivos.Where(m => m.Codigo is "sobre_limite" or "mora").Select(m => m.Mensaje)) : "Regularizó su situación de crédito.";
            cambios.Add(new CambiarEstadoCreditoAutomatico(e.ClienteId, e.Suspender, motivo));
        }

        return cambios.Count == 0 ? 0 : await mediator.Send(new CambiarEstadosCreditoAutomatico(cambios), ct);
    }

    /// <summary>Every client of the company with open debt, plus those the control suspended (they may be cured).</summary>
    public async Task<int> AplicarATodosAsync(CancellationToken ct)
    {
        var conDeuda = await db.Documentos.Where(ReglasCartera.EnCobranza).Where(d => d.Saldo > 0).Select(d => d.ClienteId).Distinct().ToListAsync(ct);
        var suspendidos = await mediator.Send(new ClientesSuspendidosAutomaticamente(), ct);
        return await AplicarAsync(conDeuda.Union(suspendidos).ToList(), ct);
    }

    /// <summary>Cheques a fecha received and not cleared yet (en cartera or deposited): a risk until the bank pays them.</summary>
    private async Task<List<(Guid ClienteId, string Moneda, decimal Monto)>> ChequesEnCarteraAsync(List<Guid> ids, CancellationToken ct) =>
        (await db.Pagos.Where(p => ids.Contains(p.ClienteId) && (p.EstadoCheque == Cheques.EnCartera || p.EstadoCheque == Cheques.Depositado))
            .GroupBy(p => new { p.ClienteId, p.Moneda }).Select(g => new { g.Key.ClienteId, g.Key.Moneda, Monto = g.Sum(p => p.Monto) }).ToListAsync(ct))
        .Select(x => (x.ClienteId, x.Moneda, x.Monto)).ToList();

    private const string EstadoVigente = "vigente";
    private const string EstadoSuspendido = "suspendido";

    private static string Clp(decimal monto) => "$" + monto.ToString("#,0", CultureInfo.GetCultureInfo("es-CL"));
}

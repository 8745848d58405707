using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Cartera.Reportes;

public sealed record PuntoTendenciaDto(DateOnly Corte, decimal DsoCountback, decimal DsoSimple, decimal Cei, decimal IndiceMorosidad);

public sealed record MontoMonedaDto(string Moneda, decimal Monto);

public sealed record CompromisosSemanaDto(DateOnly Desde, DateOnly Hasta, int Cantidad, IReadOnlyList<MontoMonedaDto> Montos);

public sealed record DeudorTableroDto(Guid ClienteId, string Rut, string RazonSocial, decimal Saldo, decimal Vencido, decimal Participacion);

public sealed record CasoCriticoTableroDto(string Tipo, Guid ClienteId, string RazonSocial, Guid? ReferenciaId, decimal Monto, int Dias, string Descripcion);

/// <summary>
/// The home dashboard at <see cref="FechaCorte"/> (CLP): receivable, overdue and its share (%), the aging by bucket, DSO (countback) and
/// CEI with their 12 month-end trend, collected this month (1st to the cut-off) and the whole previous month, the promises due in the
/// cut-off's week (Monday to Sunday), the forecast of the next 4 weeks, the 10 largest debtors and the critical cases.
/// </summary>
public sealed record TableroDto(
    DateOnly FechaCorte, decimal TotalPorCobrar, decimal Vencido, decimal ParticipacionVencido, IReadOnlyList<Tramo> DefinicionTramos,
    IReadOnlyList<MontoTramoDto> Antiguedad, decimal Dso, decimal Cei, IReadOnlyList<PuntoTendenciaDto> Tendencia, decimal RecaudadoMes,
    decimal RecaudadoMesAnterior, CompromisosSemanaDto CompromisosSemana, IReadOnlyList<SemanaPronostico> Pronostico,
    IReadOnlyList<DeudorTableroDto> PrincipalesDeudores, IReadOnlyList<CasoCriticoTableroDto> CasosCriticos);

public sealed record ObtenerTablero(DateOnly? FechaCorte, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId) : IRequest<TableroDto>, IFiltroReporte
{
    public const int MesesTendencia = 12;
    public const int SemanasPronostico = 4;
    public const int Deudores = 10;
    public const int CasosPorTipo = 5;

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/indicadores/tablero", async Task<Ok<TableroDto>> ([AsParameters] ObtenerTablero q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ObtenerTablero").ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
}

public sealed class ObtenerTableroValidator : AbstractValidator<ObtenerTablero>
{
    public ObtenerTableroValidator()
    {
        RuleFor(x => x.FechaCorte).EnRango("fechaCorte");
        this.ReglasFiltroReporte();
    }
}

/// <summary>
/// Composes the dashboard from the reports' own requests, so each figure is the one its report shows. The parts are independent and
/// each runs in its own scope (its own DbContext and connection) at the same time: the dashboard takes about as long as its slowest part.
/// </summary>
public sealed class ObtenerTableroHandler(
    IMediator mediator, IServiceScopeFactory ambitos, IContextoSolicitud contexto, IHttpContextAccessor http, TimeProvider reloj, CarteraDbContext db, HechosDelDia cache)
    : IRequestHandler<ObtenerTablero, TableroDto>
{
    /// <summary>The parts computed from Cartera's facts alone, which the whole company's dashboard keeps for the day while no fact changes.</summary>
    private sealed record PartesCartera(
        (IReadOnlyList<Tramo> Tramos, IReadOnlyList<MontoTramoDto> Montos, decimal Total) Antiguedad, IReadOnlyList<IndicadoresCartera> Tendencia,
        decimal RecaudadoMes, decimal RecaudadoAnterior, IReadOnlyList<DeudorPrincipal> Deudores);

    public async ValueTask<TableroDto> Handle(ObtenerTablero request, CancellationToken ct)
    {
        var corte = request.FechaCorte ?? FechaNegocio.Hoy(reloj);
        var clientes = await request.ClientesAsync(mediator, ct);
        var inicioMes = new DateOnly(corte.Year, corte.Month, 1);
        var lunes = corte.AddDays(-(((int)corte.DayOfWeek + 6) % 7));

        async Task<PartesCartera> PartesAsync()
        {
            var antiguedad = Paralelo(sp => AntiguedadAsync(sp, corte, clientes, ct));
            var tendencia = Paralelo(sp => sp.GetRequiredService<IMediator>().Send(new ObtenerTendenciaIndicadores(corte, ObtenerTablero.MesesTendencia, clientes), ct).AsTask());
            var recaudadoMes = Paralelo(sp => sp.GetRequiredService<IMediator>().Send(new ObtenerRecaudacion(inicioMes, corte, clientes), ct).AsTask());
            var recaudadoAnterior = Paralelo(sp => sp.GetRequiredService<IMediator>().Send(new ObtenerRecaudacion(inicioMes.AddMonths(-1), inicioMes.AddDays(-1), clientes), ct).AsTask());
            var deudores = Paralelo(sp => sp.GetRequiredService<IMediator>().Send(new ObtenerPrincipalesDeudores(corte, ObtenerTablero.Deudores, clientes), ct).AsTask());
            await Task.WhenAll(antiguedad, tendencia, recaudadoMes, recaudadoAnterior, deudores);
            return new PartesCartera(await antiguedad, await tendencia, await recaudadoMes, await recaudadoAnterior, await deudores);
        }

        // The whole company's parts are read from the day's cache (the key also names today and the configured buckets, the only
        // setting they read); a filtered dashboard depends on other modules' data (segments, assignments) and is computed.
        var cartera = clientes is null
            ? cache.ObtenerAsync(db, contexto.EmpresaId,
                $"tablero {corte:yyyy-MM-dd} {FechaNegocio.Hoy(reloj):yyyy-MM-dd} {string.Join(',', (await AjustesCartera.CargarAsync(db, ct)).LimitesTramos)}", PartesAsync, ct)
            : PartesAsync();
        var compromisos = Paralelo(sp => sp.GetRequiredService<IMediator>().Send(new CompromisosPendientes(lunes, lunes.AddDays(6), clientes), ct).AsTask());
        var pronostico = Paralelo(sp => sp.GetRequiredService<IMediator>().Send(new ObtenerPronosticoSemanal(corte, ObtenerTablero.SemanasPronostico, clientes), ct).AsTask());
        var casos = Paralelo(sp => sp.GetRequiredService<IMediator>().Send(new ObtenerCasosCriticos(corte, ObtenerTablero.CasosPorTipo, clientes), ct).AsTask());
        await Task.WhenAll(cartera, compromisos, pronostico, casos);

        var partes = await cartera;
        var (tramos, montos, total) = partes.Antiguedad;
        var vencido = total - montos[0].Monto;
        var serie = partes.Tendencia;
        var actual = serie.Count > 0 ? serie[^1] : null;
        var pendientes = await compromisos;
        var deudores = partes.Deudores;
        var nombres = await ResolucionCliente.PorIdAsync(mediator, deudores.Select(d => d.ClienteId).Concat((await casos).Select(c => c.ClienteId)), ct);

        return new TableroDto(
            corte, total, vencido, total == 0 ? 0 : Math.Round(vencido * 100 / total, 2), tramos, montos, actual?.DsoCountback ?? 0, actual?.Cei ?? 0,
            serie.Select(s => new PuntoTendenciaDto(s.Corte, s.DsoCountback, s.DsoSimple, s.Cei, s.IndiceMorosidad)).ToList(),
            partes.RecaudadoMes, partes.RecaudadoAnterior,
            new CompromisosSemanaDto(lunes, lunes.AddDays(6), pendientes.Count,
                pendientes.GroupBy(p => p.Moneda).Select(g => new MontoMonedaDto(g.Key, g.Sum(p => p.Monto))).OrderBy(m => m.Moneda != Monedas.Clp).ThenBy(m => m.Moneda).ToList()),
            await pronostico,
            deudores.Select(d => nombres.TryGetValue(d.ClienteId, out var c)
                ? new DeudorTableroDto(d.ClienteId, c.Rut, c.RazonSocial, d.Saldo, d.Vencido, d.Participacion)
                : new DeudorTableroDto(d.ClienteId, "", "", d.Saldo, d.Vencido, d.Participacion)).ToList(),
            (await casos).Select(k => new CasoCriticoTableroDto(k.Tipo, k.ClienteId, nombres.TryGetValue(k.ClienteId, out var c) ? c.RazonSocial : "", k.ReferenciaId, k.Monto, k.Dias, k.Descripcion)).ToList());
    }

    /// <summary>
    /// The company's aging by bucket (the aging report's own request, grouped by company); with a filter, the sum of the filtered clients'
    /// rows of the same statement.
    /// </summary>
    private static async Task<(IReadOnlyList<Tramo> Tramos, IReadOnlyList<MontoTramoDto> Montos, decimal Total)> AntiguedadAsync(
        IServiceProvider sp, DateOnly corte, IReadOnlyCollection<Guid>? clientes, CancellationToken ct)
    {
        if (clientes is null)
        {
            var a = await sp.GetRequiredService<IMediator>().Send(new AntiguedadCartera(corte, "empresa", null, null, null, null), ct);
            return (a.DefinicionTramos, a.Totales, a.Total);
        }

        var db = sp.GetRequiredService<CarteraDbContext>();
        var tramos = (await AjustesCartera.CargarAsync(db, ct)).Tramos;
        var (filas, _) = await ConsultaAntiguedad.EjecutarAsync(db, new OpcionesAntiguedad(sp.GetRequiredService<IContextoSolicitud>().EmpresaId, corte, tramos) { PorCliente = true }, ct);
        var elegidos = clientes as IReadOnlySet<Guid> ?? clientes.ToHashSet();
        var suyas = filas.Where(f => elegidos.Contains(f.ClienteId!.Value)).ToList();
        var montos = tramos.Select((t, i) => new MontoTramoDto(t.Codigo, suyas.Sum(f => f.Montos[i]))).ToList();
        return (tramos, montos, suyas.Sum(f => f.Total));
    }

    /// <summary>Runs a part in a scope of its own; outside a request (a scheduled report) the scope acts for the same company.</summary>
    private async Task<T> Paralelo<T>(Func<IServiceProvider, Task<T>> parte)
    {
        await Task.Yield();
        await using var ambito = ambitos.CreateAsyncScope();
        if (http.HttpContext is null)
            ambito.ServiceProvider.GetRequiredService<IContextoSolicitudExplicito>().Establecer(contexto.EmpresaId, contexto.Actor, contexto.UsuarioId);
        return await parte(ambito.ServiceProvider);
    }
}

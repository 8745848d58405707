using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;

namespace Cobranzas.Cartera.Reportes;

public sealed record HorizonteBacktestDto(int Horizonte, int Pares, decimal MaeModelo, decimal MaeIngenuo, decimal RealMedio);

/// <summary>One forecast week of one origin: what the model and the naive baseline said, and what came in.</summary>
public sealed record SemanaBacktestDto(DateOnly Origen, int Horizonte, DateOnly Inicio, decimal Modelo, decimal Ingenuo, decimal Real, bool Completa);

public sealed record BacktestDto(
    DateOnly FechaCorte, DateOnly Desde, int Origenes, int Pares, decimal MaeModelo, decimal MaeIngenuo, decimal RealMedio, decimal Mejora,
    IReadOnlyList<HorizonteBacktestDto> PorHorizonte, IReadOnlyList<SemanaBacktestDto> Semanas, string Metodo);

/// <summary>
/// Replays the last 26 weeks: at each Monday origin the forecast is made from the facts dated before it only, and each of its
/// 13 weeks that has fully passed is compared with the receipts that actually came in for the installments open at the origin.
/// </summary>
public sealed record ObtenerBacktestPronostico(string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId, Guid? ClienteId)
    : IRequest<BacktestDto>, IFiltroReporte
{
    public const int Origenes = 26;
    public const int Semanas = 13;

    public const string Metodo =
        "En cada lunes de los últimos 6 meses se rehace el pronóstico sólo con lo conocido antes de ese día (documentos emitidos y pagos " +
        "fechados hasta el domingo anterior, ni compromisos ni pagos posteriores) y se compara cada una de sus 13 semanas ya cerradas con lo " +
        "realmente recaudado en ella por los documentos abiertos en ese origen. Error: promedio del valor absoluto de la diferencia por semana (MAE, CLP). " +
        "Referencia ingenua: cada documento se paga en su vencimiento (los vencidos, en la semana 1).";

    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/reportes/pronostico/backtest", async Task<Ok<BacktestDto>> ([AsParameters] ObtenerBacktestPronostico q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ObtenerBacktestPronostico").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422).ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/reportes/pronostico/backtest/exportar", async Task<FileContentHttpResult> ([AsParameters] ExportarBacktestPronostico q, IMediator m, CancellationToken ct) =>
                ArchivosPronostico.Respuesta(await m.Send(q, ct)))
            .WithName("ExportarBacktestPronostico").Produces(200, typeof(Stream), "text/csv", Exportacion.TipoXlsx, "application/pdf")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422).ConLimite(LimitesUso.Informes);
    }
}

public sealed class ObtenerBacktestPronosticoValidator : AbstractValidator<ObtenerBacktestPronostico>
{
    public ObtenerBacktestPronosticoValidator() => this.ReglasFiltroReporte();
}

public sealed class ObtenerBacktestPronosticoHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ObtenerBacktestPronostico, BacktestDto>
{
    public async ValueTask<BacktestDto> Handle(ObtenerBacktestPronostico request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var clientes = await FiltroPronostico.ClientesAsync(request, request.ClienteId, mediator, cancellationToken);
        var desde = MotorPronostico.Lunes(hoy).AddDays(-7 * ObtenerBacktestPronostico.Origenes);
        var (cuotas, aplicaciones) = await HechosPronostico.HistoriaAsync(db, contexto.EmpresaId, hoy, desde, cancellationToken);
        var segmentos = await HechosPronostico.SegmentosAsync(mediator, cuotas.Select(c => c.ClienteId), cancellationToken);
        return Backtest.Calcular(cuotas, aplicaciones, segmentos, hoy, clientes);
    }
}

public static class Backtest
{
    public static BacktestDto Calcular(
        IReadOnlyList<CuotaHistorica> cuotas, IReadOnlyList<AplicacionHistorica> aplicaciones, Func<Guid, string?> segmentoDe, DateOnly hoy, IReadOnlyCollection<Guid>? clientes)
    {
        var n = ObtenerBacktestPronostico.Semanas;
        var lunes = MotorPronostico.Lunes(hoy);
        var desde = lunes.AddDays(-7 * ObtenerBacktestPronostico.Origenes);
        var porCuota = aplicaciones.ToLookup(a => (a.DocumentoId, a.Cuota));
        var filtro = clientes is null ? null : clientes.ToHashSet();
        var semanas = new List<SemanaBacktestDto>();
        for (var origen = desde; origen < lunes; origen = origen.AddDays(7))
        {
            var corte = origen.AddDays(-1);
            var observaciones = new List<Observacion>();
            var abiertas = new List<PartidaAbierta>();
            var real = new decimal[n];
            foreach (var c in cuotas)
            {
                var suyas = porCuota[(c.DocumentoId, c.Numero)];
                foreach (var a in suyas)
                    if (a.EsPago && a.ActivaAl(corte) && a.Fecha.DayNumber > corte.DayNumber - MotorPronostico.VentanaDias)
                        observaciones.Add(new Observacion(c.ClienteId, a.Fecha.DayNumber - c.Vencimiento.DayNumber, MotorPronostico.Peso(corte, a.Fecha)));
                if ((filtro is not null && !filtro.Contains(c.ClienteId)) || !c.EnCarteraAl(corte))
                    continue;
                var saldo = c.Monto - suyas.Where(a => a.ActivaAl(corte)).Sum(a => a.Monto);
                if (saldo <= 0)
                    continue;
                abiertas.Add(new PartidaAbierta(c.DocumentoId, c.Numero, c.ClienteId, c.Vencimiento, saldo));
                // What actually came in: payments that stayed applied, dated in the forecast's weeks.
                foreach (var a in suyas)
                    if (a.EsPago && a.Reversa is null && a.Fecha >= origen)
                    {
                        var s = MotorPronostico.Semana(origen, a.Fecha);
                        if (s < n)
                            real[s] += a.Monto;
                    }
            }

            var modelo = new MotorPronostico(observaciones, segmentoDe).Semanas(abiertas, [], corte, origen, n);
            var ingenuo = MotorPronostico.Ingenuo(abiertas, origen, n);
            for (var h = 0; h < n; h++)
            {
                var inicio = origen.AddDays(7 * h);
                semanas.Add(new SemanaBacktestDto(origen, h + 1, inicio, modelo[h].Esperado, ingenuo[h], real[h], inicio.AddDays(6) < hoy));
            }
        }

        var completas = semanas.Where(s => s.Completa).ToList();
        decimal Mae(IEnumerable<SemanaBacktestDto> xs, Func<SemanaBacktestDto, decimal> f) => xs.Any() ? Math.Round(xs.Average(x => Math.Abs(f(x) - x.Real))) : 0;
        var porHorizonte = Enumerable.Range(1, n).Select(h =>
        {
            var xs = completas.Where(s => s.Horizonte == h).ToList();
            return new HorizonteBacktestDto(h, xs.Count, Mae(xs, x => x.Modelo), Mae(xs, x => x.Ingenuo), xs.Count > 0 ? Math.Round(xs.Average(x => x.Real)) : 0);
        }).ToList();
        var maeModelo = Mae(completas, x => x.Modelo);
        var maeIngenuo = Mae(completas, x => x.Ingenuo);
        return new BacktestDto(hoy, desde, ObtenerBacktestPronostico.Origenes, completas.Count, maeModelo, maeIngenuo,
            completas.Count > 0 ? Math.Round(completas.Average(x => x.Real)) : 0, maeIngenuo > 0 ? Math.Round(1 - (maeModelo / maeIngenuo), 4) : 0,
            porHorizonte, semanas, ObtenerBacktestPronostico.Metodo);
    }
}

public sealed record ExportarBacktestPronostico(string? Formato, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId, Guid? ClienteId)
    : IRequest<ArchivoExportado>, IFiltroReporte;

public sealed class ExportarBacktestPronosticoValidator : AbstractValidator<ExportarBacktestPronostico>
{
    public ExportarBacktestPronosticoValidator()
    {
        this.ReglasFiltroReporte();
        RuleFor(x => x.Formato).ReglaFormatoPronostico();
    }
}

public sealed class ExportarBacktestPronosticoHandler(IMediator mediator, ImpresoraPdf impresora) : IRequestHandler<ExportarBacktestPronostico, ArchivoExportado>
{
    public async ValueTask<ArchivoExportado> Handle(ExportarBacktestPronostico request, CancellationToken cancellationToken)
    {
        var b = await mediator.Send(new ObtenerBacktestPronostico(request.Segmento, request.CobradorId, request.CarteraId, request.GrupoId, request.ClienteId), cancellationToken);
        string[] encabezados = ["Horizonte (semana)", "Pares", "MAE modelo (CLP)", "MAE ingenuo (CLP)", "Recaudado medio (CLP)"];
        var filas = b.PorHorizonte.Select(h => (IReadOnlyList<object?>)[h.Horizonte, h.Pares, h.MaeModelo, h.MaeIngenuo, h.RealMedio])
            .Append(["Total", b.Pares, b.MaeModelo, b.MaeIngenuo, b.RealMedio]).ToList();
        return await ArchivosPronostico.GenerarAsync(impresora, request.Formato, $"pronostico-backtest-{b.FechaCorte:yyyyMMdd}", "Backtest",
            $"Backtest del pronóstico ({b.Desde:dd-MM-yyyy} a {b.FechaCorte:dd-MM-yyyy})", ObtenerBacktestPronostico.Metodo, encabezados, filas, cancellationToken);
    }
}

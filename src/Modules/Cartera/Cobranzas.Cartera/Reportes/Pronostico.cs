using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;

namespace Cobranzas.Cartera.Reportes;

/// <summary>The dashboard's contract: the forecast from today's facts for the weeks from the week of <c>Desde</c>.</summary>
public sealed class ObtenerPronosticoSemanalHandler(
    CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, ObservacionesDelDia cache, HechosDelDia hechos, TimeProvider reloj)
    : IRequestHandler<ObtenerPronosticoSemanal, IReadOnlyList<SemanaPronostico>>
{
    public async ValueTask<IReadOnlyList<SemanaPronostico>> Handle(ObtenerPronosticoSemanal request, CancellationToken cancellationToken)
    {
        var semanas = Math.Clamp(request.Semanas, 1, 53);
        var corte = FechaNegocio.Hoy(reloj);
        var inicio = MotorPronostico.Lunes(request.Desde);
        if (request.ClienteIds is { Count: 0 })
            return Enumerable.Range(0, semanas).Select(s => new SemanaPronostico(inicio.AddDays(7 * s), 0, 0, 0, 0)).ToList();
        var promesas = await HechosPronostico.PromesasAsync(mediator, corte, inicio.AddDays(7 * semanas - 1), request.ClienteIds, cancellationToken);
        if (request.ClienteIds is not null)
        {
            var abiertas = await HechosPronostico.AbiertasAsync(db, contexto.EmpresaId, corte, request.ClienteIds, cancellationToken);
            var observaciones = await cache.ObtenerAsync(db, contexto.EmpresaId, corte, cancellationToken);
            var segmentos = await HechosPronostico.SegmentosAsync(mediator, observaciones.Select(o => o.ClienteId).Concat(abiertas.Select(a => a.ClienteId)), cancellationToken);
            return Calcular(new MotorPronostico(observaciones, segmentos), abiertas, promesas, corte, inicio, semanas);
        }

        // The whole company's forecast is kept for the day while no Cartera fact changes; the key carries what it reads from the
        // other modules (every client's segment, the pending promises), so a change there computes it again.
        var todos = await mediator.Send(new SegmentosClientes(null), cancellationToken);
        var clave = $"pronostico {corte:yyyy-MM-dd} {inicio:yyyy-MM-dd} {semanas} {Huella(todos, promesas)}";
        return await hechos.ObtenerAsync(db, contexto.EmpresaId, clave, async () =>
        {
            var abiertas = await HechosPronostico.AbiertasAsync(db, contexto.EmpresaId, corte, null, cancellationToken);
            var observaciones = await cache.ObtenerAsync(db, contexto.EmpresaId, corte, cancellationToken);
            var porId = todos.ToDictionary(c => c.Id, c => c.Segmento);
            return Calcular(new MotorPronostico(observaciones, id => porId.TryGetValue(id, out var s) ? s : null), abiertas, promesas, corte, inicio, semanas);
        }, cancellationToken);
    }

    private static IReadOnlyList<SemanaPronostico> Calcular(
        MotorPronostico motor, List<PartidaAbierta> abiertas, List<PromesaCliente> promesas, DateOnly corte, DateOnly inicio, int semanas) =>
        motor.Semanas(abiertas, promesas, corte, inicio, semanas).Select(s => new SemanaPronostico(s.Inicio, s.Esperado, s.Bajo, s.Alto, s.DeCompromisos)).ToList();

    /// <summary>A SHA-256 of the segments (in id order) and the promises (in their order).</summary>
    private static string Huella(IReadOnlyList<SegmentoCliente> segmentos, List<PromesaCliente> promesas)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        Span<byte> id = stackalloc byte[16];
        foreach (var c in segmentos)
        {
            c.Id.TryWriteBytes(id);
            hash.AppendData(id);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(c.Segmento + "\n"));
        }

        foreach (var p in promesas)
        {
            p.ClienteId.TryWriteBytes(id);
            hash.AppendData(id);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{p.Fecha:yyyy-MM-dd} {p.Monto.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

public sealed record SemanaPronosticoDto(int Semana, DateOnly Inicio, DateOnly Fin, decimal Esperado, decimal Bajo, decimal Alto, decimal DeCompromisos);

public sealed record PronosticoDto(
    DateOnly FechaCorte, string Moneda, IReadOnlyList<SemanaPronosticoDto> Semanas, decimal Total, decimal TotalCompromisos, decimal SaldoAbierto, string Metodo);

/// <summary>Expected receipts (CLP) per week (Monday to Sunday) for the next weeks, from today's open installments.</summary>
public sealed record ObtenerPronostico(string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId, Guid? ClienteId, int? Semanas)
    : IRequest<PronosticoDto>, IFiltroReporte
{
    public const string Metodo =
        "Cada documento abierto se paga en su vencimiento más un atraso tomado de la distribución de días de pago del cliente " +
        "(pagos de los últimos 24 meses, cada uno con peso 0,5^(antigüedad/180 días)); con menos de 4 pagos se usa su segmento y, si tampoco alcanza, la empresa. " +
        "La distribución se condiciona a lo que ya se sabe: un documento impago con a días de atraso sólo puede pagarse con más de a días. " +
        "Un documento más atrasado que todo el historial cae en la semana 1 con probabilidad 0,5^(días sobre el máximo/30). " +
        "Un compromiso de pago pendiente cubre los documentos más antiguos del cliente y fija su fecha y monto. " +
        "Banda: esperado ± 1,28 desviaciones (80 %), tratando cada documento como independiente.";

    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/reportes/pronostico", async Task<Ok<PronosticoDto>> ([AsParameters] ObtenerPronostico q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ObtenerPronostico").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422).ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/reportes/pronostico/exportar", async Task<FileContentHttpResult> ([AsParameters] ExportarPronostico q, IMediator m, CancellationToken ct) =>
                ArchivosPronostico.Respuesta(await m.Send(q, ct)))
            .WithName("ExportarPronostico").Produces(200, typeof(Stream), "text/csv", Exportacion.TipoXlsx, "application/pdf")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422).ConLimite(LimitesUso.Informes);
    }
}

public sealed class ObtenerPronosticoValidator : AbstractValidator<ObtenerPronostico>
{
    public ObtenerPronosticoValidator()
    {
        this.ReglasFiltroReporte();
        RuleFor(x => x.Semanas).InclusiveBetween(1, 26).WithName("semanas");
    }
}

public sealed class ObtenerPronosticoHandler(IMediator mediator, TimeProvider reloj) : IRequestHandler<ObtenerPronostico, PronosticoDto>
{
    public async ValueTask<PronosticoDto> Handle(ObtenerPronostico request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var clientes = await FiltroPronostico.ClientesAsync(request, request.ClienteId, mediator, cancellationToken);
        var semanas = await mediator.Send(new ObtenerPronosticoSemanal(hoy, request.Semanas ?? 13, clientes), cancellationToken);
        var saldo = await mediator.Send(new SaldoAbiertoPronostico(clientes), cancellationToken);
        var filas = semanas.Select((s, i) => new SemanaPronosticoDto(i + 1, s.Inicio, s.Inicio.AddDays(6), s.Esperado, s.Bajo, s.Alto, s.DeCompromisos)).ToList();
        return new PronosticoDto(hoy, Monedas.Clp, filas, filas.Sum(s => s.Esperado), filas.Sum(s => s.DeCompromisos), saldo, ObtenerPronostico.Metodo);
    }
}

/// <summary>The open balance (CLP) the forecast spreads over the weeks.</summary>
public sealed record SaldoAbiertoPronostico(IReadOnlyCollection<Guid>? Clientes) : IRequest<decimal>;

public sealed class SaldoAbiertoPronosticoHandler(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<SaldoAbiertoPronostico, decimal>
{
    public async ValueTask<decimal> Handle(SaldoAbiertoPronostico request, CancellationToken cancellationToken) =>
        request.Clientes is { Count: 0 } ? 0
            : await HechosPronostico.SaldoAbiertoAsync(db, contexto.EmpresaId, FechaNegocio.Hoy(reloj), request.Clientes, cancellationToken);
}

public sealed record ExportarPronostico(string? Formato, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId, Guid? ClienteId, int? Semanas)
    : IRequest<ArchivoExportado>, IFiltroReporte;

public sealed class ExportarPronosticoValidator : AbstractValidator<ExportarPronostico>
{
    public ExportarPronosticoValidator()
    {
        this.ReglasFiltroReporte();
        RuleFor(x => x.Formato).ReglaFormatoPronostico();
        RuleFor(x => x.Semanas).InclusiveBetween(1, 26).WithName("semanas");
    }
}

public sealed class ExportarPronosticoHandler(IMediator mediator, ImpresoraPdf impresora) : IRequestHandler<ExportarPronostico, ArchivoExportado>
{
    public async ValueTask<ArchivoExportado> Handle(ExportarPronostico request, CancellationToken cancellationToken)
    {
        var p = await mediator.Send(new ObtenerPronostico(request.Segmento, request.CobradorId, request.CarteraId, request.GrupoId, request.ClienteId, request.Semanas), cancellationToken);
        string[] encabezados = ["Semana", "Desde", "Hasta", "Esperado (CLP)", "Bajo (CLP)", "Alto (CLP)", "De compromisos (CLP)"];
        var filas = p.Semanas.Select(s => (IReadOnlyList<object?>)[s.Semana, s.Inicio, s.Fin, s.Esperado, s.Bajo, s.Alto, s.DeCompromisos]).ToList();
        return await ArchivosPronostico.GenerarAsync(impresora, request.Formato, $"pronostico-{p.FechaCorte:yyyyMMdd}", "Pronóstico",
            $"Pronóstico de recaudación a 13 semanas al {p.FechaCorte:dd-MM-yyyy}", p.Metodo, encabezados, filas, cancellationToken);
    }
}

public static class FiltroPronostico
{
    /// <summary>The report filters plus an optional single client.</summary>
    public static async ValueTask<IReadOnlyCollection<Guid>?> ClientesAsync(IFiltroReporte filtro, Guid? cliente, IMediator mediator, CancellationToken ct)
    {
        var clientes = await filtro.ClientesAsync(mediator, ct);
        if (cliente is not { } id)
            return clientes;
        return clientes is null || clientes.Contains(id) ? [id] : [];
    }
}

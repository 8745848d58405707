using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Reportes;

public sealed record PrediccionDto(
    Guid DocumentoId, string Tipo, long Folio, int Cuota, Guid ClienteId, string Rut, string RazonSocial, DateOnly FechaVencimiento, decimal Saldo,
    DateOnly FechaPrevista, DateOnly FechaTemprana, DateOnly FechaTardia, int DiasAtrasoPrevisto, decimal Probabilidad, string Base, decimal MontoCompromiso);

public sealed record PaginaPrediccionDto(DateOnly FechaCorte, IReadOnlyList<PrediccionDto> Items, int Total, int NumeroPagina, int TamanoPagina, string Metodo);

/// <summary>The predicted payment date of each open installment (CLP), earliest first; <c>base</c> narrows to one basis.</summary>
public sealed record ObtenerPrediccion(string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId, Guid? ClienteId, string? Base, int? Pagina, int? TamanoPagina)
    : IRequest<PaginaPrediccionDto>, IFiltroReporte
{
    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/reportes/prediccion", async Task<Ok<PaginaPrediccionDto>> ([AsParameters] ObtenerPrediccion q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ObtenerPrediccion").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422).ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/reportes/prediccion/exportar", async Task<FileContentHttpResult> ([AsParameters] ExportarPrediccion q, IMediator m, CancellationToken ct) =>
                ArchivosPronostico.Respuesta(await m.Send(q, ct)))
            .WithName("ExportarPrediccion").Produces(200, typeof(Stream), "text/csv", Exportacion.TipoXlsx, "application/pdf")
            .ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422).ConLimite(LimitesUso.Informes);
    }
}

public sealed class ObtenerPrediccionValidator : AbstractValidator<ObtenerPrediccion>
{
    public ObtenerPrediccionValidator()
    {
        this.ReglasFiltroReporte();
        RuleFor(x => x.Base).Must(b => b is null || BasesPrediccion.Todas.Contains(b)).WithName("base")
            .WithMessage($"Base debe ser una de: {string.Join(", ", BasesPrediccion.Todas)}.");
        RuleFor(x => x.Pagina).GreaterThan(0).WithName("pagina");
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo).WithName("tamanoPagina");
    }
}

public sealed class ObtenerPrediccionHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ObtenerPrediccion, PaginaPrediccionDto>
{
    public async ValueTask<PaginaPrediccionDto> Handle(ObtenerPrediccion request, CancellationToken cancellationToken)
    {
        var corte = FechaNegocio.Hoy(reloj);
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var consulta = new ConsultaPrediccion(db, mediator, contexto.EmpresaId);
        var todas = await consulta.PrediccionesAsync(request, request.ClienteId, request.Base, corte, cancellationToken);
        var items = await consulta.DetallarAsync(todas.Skip(saltar).Take(tomar).ToList(), cancellationToken);
        return new PaginaPrediccionDto(corte, items, todas.Count, pagina, tamano, ObtenerPronostico.Metodo);
    }
}

/// <summary>The predictions of the filtered clients' open installments, and a page of them with document and client details.</summary>
public sealed class ConsultaPrediccion(CarteraDbContext db, IMediator mediator, Guid empresa)
{
    public async Task<List<Prediccion>> PrediccionesAsync(IFiltroReporte filtro, Guid? cliente, string? baseModelo, DateOnly corte, CancellationToken ct)
    {
        var clientes = await FiltroPronostico.ClientesAsync(filtro, cliente, mediator, ct);
        if (clientes is { Count: 0 })
            return [];
        var abiertas = await HechosPronostico.AbiertasAsync(db, empresa, corte, clientes, ct);
        var observaciones = await HechosPronostico.ObservacionesAsync(db, empresa, corte, ct);
        var segmentos = await HechosPronostico.SegmentosAsync(mediator, observaciones.Select(o => o.ClienteId).Concat(abiertas.Select(a => a.ClienteId)), ct);
        var promesas = await HechosPronostico.PromesasAsync(mediator, corte, corte.AddDays(400), clientes, ct);
        return new MotorPronostico(observaciones, segmentos).Predecir(abiertas, promesas, corte)
            .Where(p => baseModelo is null || p.Base == baseModelo)
            .OrderBy(p => p.FechaPrevista).ThenBy(p => p.Partida.Vencimiento).ThenBy(p => p.Partida.DocumentoId).ThenBy(p => p.Partida.Numero).ToList();
    }

    public async Task<List<PrediccionDto>> DetallarAsync(List<Prediccion> pagina, CancellationToken ct)
    {
        var ids = pagina.Select(p => p.Partida.DocumentoId).Distinct().ToList();
        var documentos = await db.Documentos.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Tipo, d.Folio }).ToDictionaryAsync(d => d.Id, ct);
        var clientes = await ResolucionCliente.PorIdAsync(mediator, pagina.Select(p => p.Partida.ClienteId), ct);
        return pagina.Select(p =>
        {
            var d = documentos.GetValueOrDefault(p.Partida.DocumentoId);
            var c = clientes.GetValueOrDefault(p.Partida.ClienteId);
            return new PrediccionDto(p.Partida.DocumentoId, d?.Tipo ?? "", d?.Folio ?? 0, p.Partida.Numero, p.Partida.ClienteId, c?.Rut ?? "", c?.RazonSocial ?? "",
                p.Partida.Vencimiento, p.Partida.Saldo, p.FechaPrevista, p.FechaTemprana, p.FechaTardia, p.FechaPrevista.DayNumber - p.Partida.Vencimiento.DayNumber,
                Math.Round((decimal)p.Probabilidad, 2), p.Base, p.MontoCompromiso);
        }).ToList();
    }
}

public sealed record ExportarPrediccion(string? Formato, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId, Guid? ClienteId, string? Base)
    : IRequest<ArchivoExportado>, IFiltroReporte;

public sealed class ExportarPrediccionValidator : AbstractValidator<ExportarPrediccion>
{
    public ExportarPrediccionValidator()
    {
        this.ReglasFiltroReporte();
        RuleFor(x => x.Formato).ReglaFormatoPronostico();
        RuleFor(x => x.Base).Must(b => b is null || BasesPrediccion.Todas.Contains(b)).WithName("base")
            .WithMessage($"Base debe ser una de: {string.Join(", ", BasesPrediccion.Todas)}.");
    }
}

public sealed class ExportarPrediccionHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, ImpresoraPdf impresora, TimeProvider reloj) : IRequestHandler<ExportarPrediccion, ArchivoExportado>
{
    /// <summary>A file holds at most this many rows (the PDF is printed, a spreadsheet stays usable).</summary>
    public const int MaximoFilas = 20_000;

    public async ValueTask<ArchivoExportado> Handle(ExportarPrediccion request, CancellationToken cancellationToken)
    {
        var corte = FechaNegocio.Hoy(reloj);
        var consulta = new ConsultaPrediccion(db, mediator, contexto.EmpresaId);
        var todas = await consulta.PrediccionesAsync(request, request.ClienteId, request.Base, corte, cancellationToken);
        var items = await consulta.DetallarAsync(todas.Take(request.Formato == "pdf" ? 2_000 : MaximoFilas).ToList(), cancellationToken);
        string[] encabezados = ["Tipo", "Folio", "Cuota", "RUT", "Cliente", "Vencimiento", "Saldo (CLP)", "Fecha prevista", "Temprana", "Tardía", "Atraso previsto (días)", "Probabilidad", "Base", "Compromiso (CLP)"];
        var filas = items.Select(p => (IReadOnlyList<object?>)[p.Tipo, p.Folio, p.Cuota, p.Rut, p.RazonSocial, p.FechaVencimiento, p.Saldo, p.FechaPrevista, p.FechaTemprana,
            p.FechaTardia, p.DiasAtrasoPrevisto, p.Probabilidad, p.Base, p.MontoCompromiso]).ToList();
        return await ArchivosPronostico.GenerarAsync(impresora, request.Formato, $"prediccion-pagos-{corte:yyyyMMdd}", "Predicción",
            $"Fecha prevista de pago por documento al {corte:dd-MM-yyyy}", ObtenerPronostico.Metodo, encabezados, filas, cancellationToken);
    }
}

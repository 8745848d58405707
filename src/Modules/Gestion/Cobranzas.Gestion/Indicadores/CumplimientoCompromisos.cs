using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Configuracion;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Indicadores;

/// <summary>
/// Promises due in a group: made (count and CLP amount), kept in full, broken (not kept in full by date + grace: partially
/// kept or not at all), still pending, and what was paid against them. The rates count only decided promises (kept + broken).
/// </summary>
public sealed record FilaCumplimientoDto(
    string Clave, string Nombre, int Hechos, decimal MontoHechos, int Cumplidos, decimal MontoCumplidos, int Rotos, decimal MontoRotos, int Pendientes,
    decimal MontoPendientes, decimal MontoPagado, decimal? TasaCantidad, decimal? TasaMonto);

public sealed record CumplimientoCompromisosDto(
    DateOnly Desde, DateOnly Hasta, string Agrupar, int DiasGracia, string Definicion, IReadOnlyList<FilaCumplimientoDto> Filas, FilaCumplimientoDto Total);

public sealed record CumplimientoCompromisos(
    DateOnly? Desde, DateOnly? Hasta, string? Agrupar, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<CumplimientoCompromisosDto>, IFiltroIndicadores, IPeriodoIndicadores
{
    public const string Definicion =
        "Compromisos de pago cuya última cuota vence en el período (sin anulados). Cumplido: pagado por completo hasta la fecha de cada cuota más los días de gracia; " +
        "roto: no pagado por completo en ese plazo (parcial o nada); pendiente: aún en plazo. Tasa por cantidad = cumplidos / (cumplidos + rotos); " +
        "tasa por monto = pagado / monto prometido de los cumplidos y rotos.";

    public static readonly string[] Agrupaciones = ["empresa", "cobrador", "segmento", "mes"];

    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/indicadores/compromisos", async Task<Ok<CumplimientoCompromisosDto>> ([AsParameters] CumplimientoCompromisos q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(q, ct)))
            .WithName("IndicadorCumplimientoCompromisos").ProducesValidationProblem().ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/indicadores/compromisos/exportar", async Task<FileContentHttpResult> ([AsParameters] CumplimientoCompromisos q, string? formato, IMediator m, ImpresoraPdf impresora, TimeProvider reloj, CancellationToken ct) =>
                await ExportarIndicador.ArchivoAsync(m, q, formato, Tabla, impresora, reloj, ct))
            .WithName("ExportarCumplimientoCompromisos").Produces(200, typeof(Stream), "text/csv", SharedKernel.Archivos.Exportacion.TipoXlsx, "application/pdf")
            .ProducesValidationProblem().ConLimite(LimitesUso.Informes);
    }

    public static TablaIndicador Tabla(CumplimientoCompromisosDto d) => new("cumplimiento-compromisos", "Compromisos hechos vs cumplidos", Definicion,
        ["Grupo", "Hechos", "Monto hechos", "Cumplidos", "Monto cumplidos", "Rotos", "Monto rotos", "Pendientes", "Monto pendientes", "Pagado", "Tasa cantidad %", "Tasa monto %"],
        [.. d.Filas.Append(d.Total).Select(f => (IReadOnlyList<object?>)
            [f.Nombre, f.Hechos, f.MontoHechos, f.Cumplidos, f.MontoCumplidos, f.Rotos, f.MontoRotos, f.Pendientes, f.MontoPendientes, f.MontoPagado, f.TasaCantidad, f.TasaMonto])]);
}

public sealed class CumplimientoCompromisosValidator : AbstractValidator<CumplimientoCompromisos>
{
    public CumplimientoCompromisosValidator()
    {
        this.ReglasFiltro();
        this.ReglasPeriodo();
        RuleFor(x => x.Agrupar).Must(a => a is null || CumplimientoCompromisos.Agrupaciones.Contains(a))
            .WithMessage($"agrupar debe ser uno de: {string.Join(", ", CumplimientoCompromisos.Agrupaciones)}.");
    }
}

public sealed class CumplimientoCompromisosHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, TimeProvider reloj)
    : IRequestHandler<CumplimientoCompromisos, CumplimientoCompromisosDto>
{
    public async ValueTask<CumplimientoCompromisosDto> Handle(CumplimientoCompromisos request, CancellationToken cancellationToken)
    {
        var (desde, hasta) = request.Periodo(reloj);
        var agrupar = request.Agrupar ?? "empresa";
        var clientes = await request.ClientesAsync(db, alcance, mediator, cancellationToken);
        var gracia = (await ConfiguracionEmpresa.CargarAsync(db, cancellationToken)).DiasGraciaCompromiso;
        var compromisos = await CompromisosVencidosEn.CargarAsync(db, desde, hasta, clientes, cancellationToken);

        Func<Compromiso, string> clave = _ => "empresa";
        var nombres = new Dictionary<string, string> { ["empresa"] = "Empresa" };
        switch (agrupar)
        {
            case "cobrador":
                clave = c => c.CobradorId?.ToString() ?? "";
                nombres = await db.Cobradores.AsNoTracking().ToDictionaryAsync(c => c.Id.ToString(), c => c.Nombre, cancellationToken);
                nombres[""] = "(sin cobrador)";
                break;
            case "segmento":
                var info = (await mediator.Send(new BuscarClientes([.. compromisos.Select(c => c.ClienteId).Distinct()], []), cancellationToken)).ToDictionary(c => c.Id, c => c.Segmento);
                clave = c => info.GetValueOrDefault(c.ClienteId) ?? "(sin segmento)";
                nombres = info.Values.Append("(sin segmento)").Distinct().ToDictionary(s => s, s => s);
                break;
            case "mes":
                clave = c => FiltroIndicadores.Mes(EvaluadorCompromisos.Plazo(c, 0));
                nombres = compromisos.Select(clave).Distinct().ToDictionary(m => m, m => m);
                break;
        }

        var filas = compromisos.GroupBy(clave).Select(g => Fila(g.Key, nombres.GetValueOrDefault(g.Key) ?? g.Key, g))
            .OrderBy(f => agrupar == "mes" ? f.Clave : "").ThenByDescending(f => f.MontoHechos).ThenBy(f => f.Nombre).ToList();
        return new CumplimientoCompromisosDto(desde, hasta, agrupar, gracia, CumplimientoCompromisos.Definicion, filas, Fila("total", "Total", compromisos));
    }

    public static FilaCumplimientoDto Fila(string clave, string nombre, IEnumerable<Compromiso> compromisos)
    {
        var lista = compromisos.ToList();
        var cumplidos = lista.Where(c => c.Estado == EstadosCompromiso.Cumplido).ToList();
        var rotos = lista.Where(c => EstadosCompromiso.Roto(c.Estado)).ToList();
        var pendientes = lista.Where(c => c.Estado == EstadosCompromiso.Pendiente).ToList();
        var decididos = cumplidos.Concat(rotos).ToList();
        return new FilaCumplimientoDto(clave, nombre, lista.Count, lista.Sum(c => c.Monto), cumplidos.Count, cumplidos.Sum(c => c.Monto), rotos.Count, rotos.Sum(c => c.Monto),
            pendientes.Count, pendientes.Sum(c => c.Monto), lista.Sum(c => c.MontoCumplido),
            FiltroIndicadores.Tasa(cumplidos.Count, decididos.Count), FiltroIndicadores.Tasa(decididos.Sum(c => c.MontoCumplido), decididos.Sum(c => c.Monto)));
    }
}

/// <summary>
/// The promises (not cancelled) whose last installment falls in a period. Their state is the one <see cref="EvaluadorCompromisos"/>
/// keeps (paid by each installment's date + the grace days), so the KPI and the promise screens never disagree.
/// </summary>
public static class CompromisosVencidosEn
{
    public static async Task<List<Compromiso>> CargarAsync(GestionDbContext db, DateOnly desde, DateOnly hasta, IReadOnlyCollection<Guid>? clientes, CancellationToken ct)
    {
        // Installments are never before the day the promise was taken: a promise taken after the period cannot be due in it.
        var q = db.Set<Compromiso>().AsNoTracking().Where(c => c.Estado != EstadosCompromiso.Anulado && c.Desde <= hasta);
        if (clientes is not null)
        {
            var ids = clientes.ToList();
            q = q.Where(c => ids.Contains(c.ClienteId));
        }

        return (await q.ToListAsync(ct)).Where(c => c.Cuotas.Count > 0 && EvaluadorCompromisos.Plazo(c, 0) >= desde && EvaluadorCompromisos.Plazo(c, 0) <= hasta).ToList();
    }
}

/// <summary>Every KPI's <c>/exportar</c> sibling: the same request, its table as CSV, XLSX or PDF.</summary>
public static class ExportarIndicador
{
    public static async Task<FileContentHttpResult> ArchivoAsync<TDto>(
        IMediator m, IRequest<TDto> consulta, string? formato, Func<TDto, TablaIndicador> tabla, ImpresoraPdf impresora, TimeProvider reloj, CancellationToken ct)
    {
        formato ??= "xlsx";
        if (!ExportacionIndicadores.Formatos.Contains(formato))
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("formato", "formato debe ser csv, xlsx o pdf.")]);
        var dto = await m.Send(consulta, ct);
        var archivo = await ExportacionIndicadores.GenerarAsync(tabla(dto), formato, impresora, reloj, ct);
        return TypedResults.File(archivo.Contenido, archivo.TipoContenido, archivo.NombreArchivo);
    }
}

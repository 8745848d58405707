using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Configuracion;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

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

public sealed class CumplimientoCompromisosHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CumplimientoCompromisos, CumplimientoCompromisosDto>
{
    public async ValueTask<CumplimientoCompromisosDto> Handle(CumplimientoCompromisos request, CancellationToken cancellationToken)
    {
        var (desde, hasta) = request.Periodo(reloj);
        var agrupar = request.Agrupar ?? "empresa";
        var clientes = await request.ClientesAsync(db, alcance, mediator, cancellationToken);
        var gracia = (await ConfiguracionEmpresa.CargarAsync(db, cancellationToken)).DiasGraciaCompromiso;
        var compromisos = await CompromisosVencidosEn.AgregarAsync(db, contexto.EmpresaId, desde, hasta, clientes, agrupar, cancellationToken);

        Func<AgregadoCompromisos, string> clave = _ => "empresa";
        var nombres = new Dictionary<string, string> { ["empresa"] = "Empresa" };
        switch (agrupar)
        {
            case "cobrador":
                clave = c => c.CobradorId?.ToString() ?? "";
                nombres = await db.Cobradores.AsNoTracking().ToDictionaryAsync(c => c.Id.ToString(), c => c.Nombre, cancellationToken);
                nombres[""] = "(sin cobrador)";
                break;
            case "segmento":
                var info = (await mediator.Send(new BuscarClientes([.. compromisos.Select(c => c.ClienteId!.Value).Distinct()], []), cancellationToken)).ToDictionary(c => c.Id, c => c.Segmento);
                clave = c => info.GetValueOrDefault(c.ClienteId!.Value) ?? "(sin segmento)";
                nombres = info.Values.Append("(sin segmento)").Distinct().ToDictionary(s => s, s => s);
                break;
            case "mes":
                clave = c => FiltroIndicadores.Mes(c.Mes!.Value);
                nombres = compromisos.Select(clave).Distinct().ToDictionary(m => m, m => m);
                break;
        }

        var filas = compromisos.GroupBy(clave).Select(g => Fila(g.Key, nombres.GetValueOrDefault(g.Key) ?? g.Key, g))
            .OrderBy(f => agrupar == "mes" ? f.Clave : "").ThenByDescending(f => f.MontoHechos).ThenBy(f => f.Nombre).ToList();
        return new CumplimientoCompromisosDto(desde, hasta, agrupar, gracia, CumplimientoCompromisos.Definicion, filas, Fila("total", "Total", compromisos));
    }

    public static FilaCumplimientoDto Fila(string clave, string nombre, IEnumerable<AgregadoCompromisos> compromisos)
    {
        var lista = compromisos.ToList();
        var cumplidos = lista.Where(c => c.Estado == EstadosCompromiso.Cumplido).ToList();
        var rotos = lista.Where(c => EstadosCompromiso.Roto(c.Estado)).ToList();
        var pendientes = lista.Where(c => c.Estado == EstadosCompromiso.Pendiente).ToList();
        var decididos = cumplidos.Concat(rotos).ToList();
        return new FilaCumplimientoDto(clave, nombre, lista.Sum(c => c.Cantidad), lista.Sum(c => c.Monto), cumplidos.Sum(c => c.Cantidad), cumplidos.Sum(c => c.Monto),
            rotos.Sum(c => c.Cantidad), rotos.Sum(c => c.Monto), pendientes.Sum(c => c.Cantidad), pendientes.Sum(c => c.Monto), lista.Sum(c => c.MontoCumplido),
            FiltroIndicadores.Tasa(cumplidos.Sum(c => c.Cantidad), decididos.Sum(c => c.Cantidad)), FiltroIndicadores.Tasa(decididos.Sum(c => c.MontoCumplido), decididos.Sum(c => c.Monto)));
    }
}

/// <summary>
/// Promises of one state in one group (the collector, the client or the month of the last installment, as the grouping asks;
/// the others null): how many, the amount promised and the amount paid against them.
/// </summary>
public sealed record AgregadoCompromisos(Guid? CobradorId, Guid? ClienteId, DateOnly? Mes, string Estado, int Cantidad, decimal Monto, decimal MontoCumplido);

/// <summary>
/// The promises (not cancelled) whose last installment falls in a period. Their state is the one <see cref="EvaluadorCompromisos"/>
/// keeps (paid by each installment's date + the grace days), so the KPI and the promise screens never disagree. The last
/// installment's date (<see cref="EvaluadorCompromisos.Plazo"/> without grace) is taken from the jsonb and the promises are
/// counted and summed per group and state in SQL, so only the aggregates travel, not every promise taken up to the period's end.
/// </summary>
public static class CompromisosVencidosEn
{
    private const string Sql = """
        SELECT CASE WHEN @agrupar = 'cobrador' THEN c.cobrador_id END, CASE WHEN @agrupar = 'segmento' THEN c.cliente_id END,
               CASE WHEN @agrupar = 'mes' THEN date_trunc('month', p.plazo)::date END,
               c.estado, count(*)::int, sum(c.monto), sum(c.monto_cumplido)
        FROM gestion.compromisos c
        CROSS JOIN LATERAL (SELECT max((x ->> 'fecha')::date) AS plazo FROM jsonb_array_elements(c.cuotas) x) p
        WHERE c.empresa_id = @empresa AND c.estado <> @anulado AND c.desde <= @hasta AND p.plazo BETWEEN @desde AND @hasta
          AND (@clientes::uuid[] IS NULL OR c.cliente_id = ANY (@clientes))
        GROUP BY 1, 2, 3, 4
        """;

    public static async Task<List<AgregadoCompromisos>> AgregarAsync(
        GestionDbContext db, Guid empresa, DateOnly desde, DateOnly hasta, IReadOnlyCollection<Guid>? clientes, string agrupar, CancellationToken ct)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var comando = new NpgsqlCommand(Sql, conexion);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
        comando.Parameters.Add(new NpgsqlParameter("agrupar", NpgsqlDbType.Text) { Value = agrupar });
        comando.Parameters.Add(new NpgsqlParameter("anulado", NpgsqlDbType.Varchar) { Value = EstadosCompromiso.Anulado });
        comando.Parameters.Add(new NpgsqlParameter("desde", NpgsqlDbType.Date) { Value = desde });
        comando.Parameters.Add(new NpgsqlParameter("hasta", NpgsqlDbType.Date) { Value = hasta });
        comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = clientes is null ? DBNull.Value : clientes.ToArray() });
        await using var lector = await comando.ExecuteReaderAsync(ct);
        var lista = new List<AgregadoCompromisos>();
        while (await lector.ReadAsync(ct))
        {
            lista.Add(new AgregadoCompromisos(lector.IsDBNull(0) ? null : lector.GetGuid(0), lector.IsDBNull(1) ? null : lector.GetGuid(1),
                lector.IsDBNull(2) ? null : lector.GetFieldValue<DateOnly>(2), lector.GetString(3), lector.GetInt32(4), lector.GetDecimal(5), lector.GetDecimal(6)));
        }

        return lista;
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

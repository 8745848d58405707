using System.ComponentModel;
using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Reportes;

public sealed record MesRecuperacionDto(
    [property: Description("Primer día del mes.")] DateOnly Mes,
    [property: Description("Lo recaudado en el mes según el tramo en que estaba la cuota el día en que se aplicó el pago.")] IReadOnlyList<MontoTramoDto> Tramos,
    decimal Total,
    decimal RecuperoCastigos);

public sealed record RecuperacionDto(
    DateOnly FechaCorte, string Moneda, IReadOnlyList<Tramo> DefinicionTramos, IReadOnlyList<MesRecuperacionDto> Meses,
    IReadOnlyList<MontoTramoDto> Totales, decimal Total, decimal RecuperoCastigos);

/// <summary>
/// Recuperación histórica: what was collected each month (payments' applications, in CLP at the application date,
/// not reversed by the cut-off) split by the company's aging bucket the installment was in that day (days past its due
/// date), and the part recovered from written-off documents.
/// </summary>
public sealed record RecuperacionHistorica(DateOnly? FechaCorte, int? Meses, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<RecuperacionDto>, IFiltroReporte
{
    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/reportes/recuperacion", async Task<Ok<RecuperacionDto>> ([AsParameters] RecuperacionHistorica q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("RecuperacionHistorica").ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/reportes/recuperacion/exportar", async Task<FileContentHttpResult> ([AsParameters] RecuperacionHistorica q, string? formato, IMediator m, CancellationToken ct) =>
            {
                var a = await m.Send(new ExportarRecuperacion(q, formato ?? "xlsx"), ct);
                return TypedResults.File(a.Contenido, a.TipoContenido, a.NombreArchivo);
            })
            .WithName("ExportarRecuperacionHistorica").Produces(200, typeof(Stream), Exportacion.TipoXlsx, "text/csv", ExportacionReportes.TipoPdf)
            .ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
    }
}

public sealed class RecuperacionHistoricaValidator : AbstractValidator<RecuperacionHistorica>
{
    public RecuperacionHistoricaValidator()
    {
        this.ReglasSerie(x => x.FechaCorte, x => x.Meses);
        this.ReglasFiltroReporte();
    }
}

public sealed class RecuperacionHistoricaHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<RecuperacionHistorica, RecuperacionDto>
{
    private const string Sql = """
        WITH base AS (
            SELECT date_trunc('month', a.fecha)::date AS mes, a.fecha, d.moneda,
                   width_bucket(a.fecha - c.fecha_vencimiento, @inicios) AS tramo,
                   (d.fecha_castigo IS NOT NULL AND a.fecha >= d.fecha_castigo) AS recupero,
                   sum(a.monto) AS monto
            FROM cartera.aplicaciones a
            JOIN cartera.cuotas c ON c.documento_id = a.documento_id AND c.numero = a.cuota
            JOIN cartera.documentos d ON d.id = a.documento_id
            WHERE a.empresa_id = @empresa AND a.pago_id IS NOT NULL AND a.fecha >= @desde AND a.fecha <= @corte
              AND (a.fecha_reversa IS NULL OR a.fecha_reversa > @corte)
              AND (@clientes IS NULL OR c.cliente_id = ANY(@clientes))
            GROUP BY 1, 2, 3, 4, 5
        ),
        clp AS (
            SELECT mes, tramo, recupero, fecha,
                   CASE WHEN moneda = 'CLP' THEN monto
                        ELSE cartera.en_clp(monto, moneda, cartera.ultimo_valor_uf(@empresa, fecha), cartera.ultimo_valor_dolar(@empresa, fecha)) END AS monto
            FROM base
        )
        SELECT mes, tramo, recupero, COALESCE(sum(monto), 0), min(fecha) FILTER (WHERE monto IS NULL)
        FROM clp GROUP BY 1, 2, 3
        """;

    public async ValueTask<RecuperacionDto> Handle(RecuperacionHistorica request, CancellationToken cancellationToken)
    {
        var corte = request.FechaCorte ?? FechaNegocio.Hoy(reloj);
        var ajustes = await AjustesCartera.CargarAsync(db, cancellationToken);
        var tramos = ajustes.Tramos;
        var clientes = await request.ClientesAsync(mediator, cancellationToken);
        var meses = SerieMensual.Meses(corte, request.Meses ?? ReglasSerieMensual.MesesPorDefecto);

        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        await using var comando = new NpgsqlCommand(Sql, conexion);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = contexto.EmpresaId });
        comando.Parameters.Add(new NpgsqlParameter("desde", NpgsqlDbType.Date) { Value = meses[0].Mes });
        comando.Parameters.Add(new NpgsqlParameter("corte", NpgsqlDbType.Date) { Value = corte });
        comando.Parameters.Add(new NpgsqlParameter("inicios", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = tramos.Skip(1).Select(t => t.Desde!.Value).ToArray() });
        comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = clientes is { } ids ? ids.ToArray() : DBNull.Value });

        var montos = meses.ToDictionary(m => m.Mes, _ => new decimal[tramos.Count]);
        var recuperos = meses.ToDictionary(m => m.Mes, _ => 0m);
        DateOnly? sinValor = null;
        await using (var lector = await comando.ExecuteReaderAsync(cancellationToken))
        {
            while (await lector.ReadAsync(cancellationToken))
            {
                var mes = lector.GetFieldValue<DateOnly>(0);
                var monto = lector.GetDecimal(3);
                montos[mes][lector.GetInt32(1)] += monto;
                if (lector.GetBoolean(2))
                    recuperos[mes] += monto;
                if (!lector.IsDBNull(4))
                    sinValor ??= lector.GetFieldValue<DateOnly>(4);
            }
        }

        // Money recovered from written-off documents (castigos) is income, not an application, so it is read from its own table.
        var desde = meses[0].Mes;
        var consultaRecuperos = db.Set<Castigos.RecuperoCastigo>().AsNoTracking()
            .Where(r => r.Fecha >= desde && r.Fecha <= corte && (r.FechaReversa == null || r.FechaReversa > corte));
        if (clientes is { } acotados)
            consultaRecuperos = consultaRecuperos.Where(r => acotados.Contains(r.ClienteId));
        var recuperosCastigo = await consultaRecuperos
            .GroupBy(r => new { r.Fecha.Year, r.Fecha.Month }).Select(g => new { g.Key.Year, g.Key.Month, Monto = g.Sum(r => r.MontoClp) })
            .ToListAsync(cancellationToken);
        foreach (var r in recuperosCastigo)
            recuperos[new DateOnly(r.Year, r.Month, 1)] += r.Monto;

        if (sinValor is { } dia)
            throw new ReglaNegocioException("fechaCorte", "falta_valor_moneda",
                $"Falta el valor UF o el dólar observado del {dia:yyyy-MM-dd} para convertir pagos aplicados a documentos en UF o USD; cárguelo en /api/v1/valores-uf o /api/v1/valores-dolar.");

        List<MontoTramoDto> Lista(decimal[] m) => tramos.Select((t, i) => new MontoTramoDto(t.Codigo, m[i])).ToList();
        var filas = meses.Select(m => new MesRecuperacionDto(m.Mes, Lista(montos[m.Mes]), montos[m.Mes].Sum(), recuperos[m.Mes])).ToList();
        var totales = Enumerable.Range(0, tramos.Count).Select(i => filas.Sum(f => f.Tramos[i].Monto)).ToArray();
        return new RecuperacionDto(corte, Monedas.Clp, tramos, filas, Lista(totales), totales.Sum(), filas.Sum(f => f.RecuperoCastigos));
    }
}

public sealed record ExportarRecuperacion(RecuperacionHistorica Consulta, string Formato) : IRequest<ArchivoExportado>;

public sealed class ExportarRecuperacionValidator : AbstractValidator<ExportarRecuperacion>
{
    public ExportarRecuperacionValidator() => this.ReglaFormato(x => x.Formato);
}

public sealed class ExportarRecuperacionHandler(IMediator mediator, IContextoSolicitud contexto, ImpresoraPdf impresora) : IRequestHandler<ExportarRecuperacion, ArchivoExportado>
{
    public async ValueTask<ArchivoExportado> Handle(ExportarRecuperacion request, CancellationToken cancellationToken)
    {
        var r = await mediator.Send(request.Consulta, cancellationToken);
        var empresa = await mediator.Send(new ObtenerDatosEmpresa(contexto.EmpresaId), cancellationToken);
        var encabezados = new List<string> { "Mes" };
        encabezados.AddRange(r.DefinicionTramos.Select(t => EstadoCuenta.FormatoCl.Tramo(t.Codigo)));
        encabezados.AddRange(["Total recaudado", "Recupero de castigos"]);
        var tabla = new TablaReporte("Recuperación histórica", "recuperacion-historica", r.FechaCorte,
            [("Total recaudado", ExportacionReportes.Pesos(r.Total)), ("Recupero de castigos", ExportacionReportes.Pesos(r.RecuperoCastigos))], encabezados,
            r.Meses.Select(m => (IReadOnlyList<object?>)new object?[] { m.Mes.ToString("yyyy-MM", ExportacionReportes.Chile) }
                .Concat(m.Tramos.Select(t => (object?)t.Monto)).Concat([m.Total, m.RecuperoCastigos]).ToList()).ToList());
        return await ExportacionReportes.GenerarAsync(request.Formato, tabla, empresa, impresora, cancellationToken);
    }
}

using System.ComponentModel;
using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Contracts;
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

public sealed record DeudorConcentracionDto(
    int Posicion, Guid ClienteId, string Rut, string RazonSocial, string Segmento, decimal Saldo, decimal Vencido,
    [property: Description("Participación del cliente en la deuda total (%), 4 decimales.")] decimal Participacion,
    [property: Description("Participación acumulada hasta este cliente (%), 4 decimales.")] decimal ParticipacionAcumulada,
    bool ExcedeMaximo);

public sealed record ConcentracionDto(
    DateOnly FechaCorte, string Moneda, decimal Total, decimal Vencido, int Clientes,
    IReadOnlyList<DeudorConcentracionDto> Principales,
    [property: Description("Participación de los 10 mayores deudores (%).")] decimal ParticipacionTop10,
    [property: Description("Participación de los 20 mayores deudores (%).")] decimal ParticipacionTop20,
    [property: Description("Índice de Herfindahl: suma de los cuadrados de las participaciones (como fracción, 0 a 1) de todos los clientes.")] decimal IndiceHerfindahl,
    [property: Description("El mismo índice en puntos (0 a 10.000).")] decimal IndiceHerfindahlPuntos,
    [property: Description("Concentración máxima configurada (% de la cartera por cliente).")] decimal ConcentracionMaxima,
    IReadOnlyList<DeudorConcentracionDto> SobreMaximo);

/// <summary>
/// Concentración de deuda at a cut-off: the largest debtors and their share, the share of the top 10 and 20, the
/// Herfindahl index over every client, and the clients above the company's "concentración máxima".
/// </summary>
public sealed record ConcentracionDeuda(DateOnly? FechaCorte, int? Cantidad, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<ConcentracionDto>, IFiltroReporte
{
    public const int CantidadMaxima = 200;

    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/reportes/concentracion", async Task<Ok<ConcentracionDto>> ([AsParameters] ConcentracionDeuda q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ConcentracionDeuda").ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/reportes/concentracion/exportar", async Task<FileContentHttpResult> ([AsParameters] ConcentracionDeuda q, string? formato, IMediator m, CancellationToken ct) =>
            {
                var a = await m.Send(new ExportarConcentracion(q, formato ?? "xlsx"), ct);
                return TypedResults.File(a.Contenido, a.TipoContenido, a.NombreArchivo);
            })
            .WithName("ExportarConcentracionDeuda").Produces(200, typeof(Stream), Exportacion.TipoXlsx, "text/csv", ExportacionReportes.TipoPdf)
            .ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
    }
}

public sealed class ConcentracionDeudaValidator : AbstractValidator<ConcentracionDeuda>
{
    public ConcentracionDeudaValidator()
    {
        RuleFor(x => x.FechaCorte).EnRango("fechaCorte");
        RuleFor(x => x.Cantidad).InclusiveBetween(1, ConcentracionDeuda.CantidadMaxima).WithName("cantidad")
            .WithMessage($"cantidad debe estar entre 1 y {ConcentracionDeuda.CantidadMaxima}.");
        this.ReglasFiltroReporte();
    }
}

/// <summary>
/// Every client's balance at the cut-off, largest first, and the totals. At today's cut-off, when nothing is dated after today,
/// from the per-client read model (<c>SaldosPorClienteHoy.sql</c>); otherwise the aging's as-of figures per client
/// (<c>SaldosPorClienteAlCorte.sql</c>). Both answer the rows as the aging would with two buckets (por vencer, overdue).
/// </summary>
internal static class SaldosPorCliente
{
    private static readonly string SqlHoy = SqlCartera.Leer("Reportes/SaldosPorClienteHoy.sql");
    private static readonly string SqlAlCorte = SqlCartera.Leer("Reportes/SaldosPorClienteAlCorte.sql");
    private static readonly string SqlCambiosDespuesDeHoy = SqlCartera.Leer("Reportes/CambiosDespuesDeHoy.sql");

    public static async Task<(List<FilaAntiguedad> Filas, FilaAntiguedad Totales)> LeerAsync(
        CarteraDbContext db, Guid empresa, DateOnly corte, DateOnly hoy, IReadOnlyCollection<Guid>? clientes, int? tomar, CancellationToken ct)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var delDia = corte == hoy && !await CambiosDespuesDeHoyAsync(conexion, empresa, hoy, ct);
        await using var comando = new NpgsqlCommand(delDia ? SqlHoy : SqlAlCorte, conexion) { CommandTimeout = SentenciaInforme.Segundos };
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
        if (delDia)
            comando.Parameters.Add(new NpgsqlParameter("hoy", NpgsqlDbType.Date) { Value = hoy });
        else
        {
            comando.Parameters.Add(new NpgsqlParameter("corte", NpgsqlDbType.Date) { Value = corte });
            comando.Parameters.Add(new NpgsqlParameter("cliente", NpgsqlDbType.Uuid) { Value = DBNull.Value });
        }

        comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = clientes is { } ids ? ids.ToArray() : DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("limite", NpgsqlDbType.Integer) { Value = (object?)tomar ?? DBNull.Value });
        await using var lector = await comando.ExecuteReaderAsync(ct);
        var filas = new List<FilaAntiguedad>();
        FilaAntiguedad? totales = null;
        long sinUf = 0, sinCambio = 0;
        while (await lector.ReadAsync(ct))
        {
            var (saldo, vencido) = (lector.GetDecimal(1), lector.GetDecimal(2));
            var fila = new FilaAntiguedad(lector.IsDBNull(0) ? null : lector.GetGuid(0), [saldo - vencido, vencido], saldo, (int)lector.GetInt64(3))
            { SumaCuadrados = lector.GetDecimal(4) };
            if (fila.ClienteId is null)
            {
                totales = fila;
                (sinUf, sinCambio) = ((long)lector.GetDecimal(5), (long)lector.GetDecimal(6));
            }
            else
                filas.Add(fila);
        }

        ConsultaAntiguedad.VerificarCambios(corte, sinUf, sinCambio);
        return (filas, totales!);
    }

    private static async Task<bool> CambiosDespuesDeHoyAsync(NpgsqlConnection conexion, Guid empresa, DateOnly hoy, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand(SqlCambiosDespuesDeHoy, conexion);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
        comando.Parameters.Add(new NpgsqlParameter("hoy", NpgsqlDbType.Date) { Value = hoy });
        return (bool)(await comando.ExecuteScalarAsync(ct))!;
    }

    public static decimal Participacion(decimal saldo, decimal total) => total == 0 ? 0 : saldo * 100m / total;
}

public sealed class ConcentracionDeudaHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ConcentracionDeuda, ConcentracionDto>
{
    public async ValueTask<ConcentracionDto> Handle(ConcentracionDeuda request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var corte = request.FechaCorte ?? hoy;
        var cantidad = request.Cantidad ?? 20;
        var maxima = (await AjustesCartera.CargarAsync(db, cancellationToken)).ConcentracionMaxima;
        var clientes = await request.ClientesAsync(mediator, cancellationToken);
        // Only the largest clients travel: the top N, the top 20 and those above the maximum, which are the largest too (more
        // are read in the rare case the last one read is still above it); the statement sums every client's squared total.
        var tomar = Math.Max(cantidad, 20);
        var (filas, totales) = await SaldosPorCliente.LeerAsync(db, contexto.EmpresaId, corte, hoy, clientes, tomar, cancellationToken);
        while (filas.Count == tomar && totales.Total > 0 && SaldosPorCliente.Participacion(filas[^1].Total, totales.Total) > maxima)
        {
            tomar *= 4;
            (filas, totales) = await SaldosPorCliente.LeerAsync(db, contexto.EmpresaId, corte, hoy, clientes, tomar, cancellationToken);
        }

        var total = totales.Total;

        // Herfindahl over every client: the sum of the squared shares, Σt² / T², exact until rounded once at the end.
        var herfindahl = total == 0 ? 0m : totales.SumaCuadrados / total / total;
        decimal Top(int n) => decimal.Round(SaldosPorCliente.Participacion(filas.Take(n).Sum(f => f.Total), total), 4);

        var elegidas = filas.Select((f, i) => (Fila: f, Posicion: i + 1))
            .Where(x => x.Posicion <= cantidad || SaldosPorCliente.Participacion(x.Fila.Total, total) > maxima).ToList();
        var info = await ResolucionCliente.PorIdAsync(mediator, elegidas.Select(x => x.Fila.ClienteId!.Value), cancellationToken);
        var acumulado = 0m;
        var acumulados = filas.Take(elegidas.Count == 0 ? 0 : elegidas[^1].Posicion).Select(f => acumulado += f.Total).ToList();
        var dtos = elegidas.Select(x =>
        {
            var id = x.Fila.ClienteId!.Value;
            var c = info.GetValueOrDefault(id);
            var participacion = SaldosPorCliente.Participacion(x.Fila.Total, total);
            return new DeudorConcentracionDto(x.Posicion, id, c?.Rut ?? "", c?.RazonSocial ?? "", c?.Segmento ?? "", x.Fila.Total, x.Fila.Total - x.Fila.Montos[0],
                decimal.Round(participacion, 4), decimal.Round(SaldosPorCliente.Participacion(acumulados[x.Posicion - 1], total), 4), participacion > maxima);
        }).ToList();

        return new ConcentracionDto(corte, Monedas.Clp, total, total - totales.Montos[0], totales.Grupos,
            dtos.Where(d => d.Posicion <= cantidad).ToList(), Top(10), Top(20), decimal.Round(herfindahl, 6), decimal.Round(herfindahl * 10_000m, 2),
            maxima, dtos.Where(d => d.ExcedeMaximo).ToList());
    }
}

/// <summary>The dashboard's top debtors (contract of Cartera.Contracts): the same figures as the concentration report.</summary>
public sealed class ObtenerPrincipalesDeudoresHandler(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<ObtenerPrincipalesDeudores, IReadOnlyList<DeudorPrincipal>>
{
    public async ValueTask<IReadOnlyList<DeudorPrincipal>> Handle(ObtenerPrincipalesDeudores request, CancellationToken cancellationToken)
    {
        var (filas, totales) = await SaldosPorCliente.LeerAsync(db, contexto.EmpresaId, request.Corte, FechaNegocio.Hoy(reloj), request.ClienteIds, Math.Max(request.Cantidad, 0), cancellationToken);
        return filas.Select(f => new DeudorPrincipal(f.ClienteId!.Value, f.Total, f.Total - f.Montos[0], decimal.Round(SaldosPorCliente.Participacion(f.Total, totales.Total), 4))).ToList();
    }
}

public sealed record ExportarConcentracion(ConcentracionDeuda Consulta, string Formato) : IRequest<ArchivoExportado>;

public sealed class ExportarConcentracionValidator : AbstractValidator<ExportarConcentracion>
{
    public ExportarConcentracionValidator() => this.ReglaFormato(x => x.Formato);
}

public sealed class ExportarConcentracionHandler(IMediator mediator, IContextoSolicitud contexto, ImpresoraPdf impresora) : IRequestHandler<ExportarConcentracion, ArchivoExportado>
{
    public async ValueTask<ArchivoExportado> Handle(ExportarConcentracion request, CancellationToken cancellationToken)
    {
        var r = await mediator.Send(request.Consulta, cancellationToken);
        var empresa = await mediator.Send(new ObtenerDatosEmpresa(contexto.EmpresaId), cancellationToken);
        var tabla = new TablaReporte("Concentración de deuda", "concentracion-deuda", r.FechaCorte,
            [
                ("Deuda total", ExportacionReportes.Pesos(r.Total)), ("Vencido", ExportacionReportes.Pesos(r.Vencido)), ("Clientes con deuda", r.Clientes.ToString("N0", ExportacionReportes.Chile)),
                ("Participación 10 mayores", ExportacionReportes.Porcentaje(r.ParticipacionTop10)), ("Participación 20 mayores", ExportacionReportes.Porcentaje(r.ParticipacionTop20)),
                ("Índice de Herfindahl", r.IndiceHerfindahl.ToString("0.######", ExportacionReportes.Chile)),
                ("Concentración máxima", ExportacionReportes.Porcentaje(r.ConcentracionMaxima)), ("Clientes sobre el máximo", r.SobreMaximo.Count.ToString(ExportacionReportes.Chile)),
            ],
            ["Posición", "RUT", "Razón social", "Segmento", "Saldo", "Vencido", "Participación %", "Participación acumulada %", "Sobre el máximo"],
            r.Principales.Concat(r.SobreMaximo.Where(s => s.Posicion > r.Principales.Count))
                .Select(d => (IReadOnlyList<object?>)[d.Posicion, d.Rut, d.RazonSocial, d.Segmento, d.Saldo, d.Vencido, d.Participacion, d.ParticipacionAcumulada, d.ExcedeMaximo]).ToList());
        return await ExportacionReportes.GenerarAsync(request.Formato, tabla, empresa, impresora, cancellationToken);
    }
}

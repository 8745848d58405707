using Cobranzas.Cartera.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Pdf;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Gestion.Indicadores;

/// <summary>
/// Productivity of collectors in a period, the one computation behind the report, the dashboard's contract and the
/// Cobrador's own strip. Activities are those of the collector dated in the period; a contact is one whose result shows
/// the client was reached; promises are those the collector took in the period (kept: paid in full by date + grace, the
/// amount kept is what was paid against them); collected is what Cartera applied in the period to the collector's clients.
/// </summary>
public static class CalculoProductividad
{
    public static readonly string[] ResultadosContacto =
        [ResultadosActividad.Contactado, ResultadosActividad.Promesa, ResultadosActividad.Disputa, ResultadosActividad.Pago, ResultadosActividad.SeNiega];

    public const string Definicion =
        "Actividades: registradas por el cobrador en el período. Contactos: actividades con resultado que llegó al cliente (contactado, promesa, disputa, pago, se niega). " +
        "Compromisos tomados: los que el cobrador tomó en el período; cumplidos: pagados por completo hasta la fecha de cada cuota más la gracia; monto cumplido: lo pagado contra ellos. " +
        "Recaudado: pagos aplicados en el período a documentos de los clientes asignados hoy al cobrador.";

    private static readonly string Sql = SqlGestion.Leer("Indicadores/Productividad.sql");
    private static readonly string SqlAsignados = SqlGestion.Leer("Indicadores/ProductividadAsignados.sql");

    public static async Task<List<ProductividadCobrador>> CalcularAsync(
        GestionDbContext db, IMediator mediator, DateOnly desde, DateOnly hasta, Guid? soloCobrador, IReadOnlyCollection<Guid>? clientes, CancellationToken ct)
    {
        var (inicio, fin) = FiltroIndicadores.Instantes(desde, hasta);
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var asignados = new List<ClienteEnGrupo>();
        await using (var comando = new NpgsqlCommand(SqlAsignados, conexion))
        {
            comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = db.EmpresaActual });
            comando.Parameters.Add(new NpgsqlParameter("cobrador", NpgsqlDbType.Uuid) { Value = (object?)soloCobrador ?? DBNull.Value });
            comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = (object?)clientes?.ToArray() ?? DBNull.Value });
            await using var lector = await comando.ExecuteReaderAsync(ct);
            while (await lector.ReadAsync(ct))
                asignados.Add(new ClienteEnGrupo(lector.GetGuid(1), lector.GetGuid(0)));
        }

        // Cartera's collections for every collector's clients (its own connection) run while the activities and promises are read.
        var recaudacion = mediator.Send(new ObtenerRecaudacionPorGrupo(desde, hasta, asignados), ct).AsTask();
        var filas = LeerFilasAsync(db, conexion, inicio, fin, desde, hasta, soloCobrador, clientes, ct);
        await Task.WhenAll(recaudacion, filas);
        return filas.Result.Select(f => f with { Recaudado = recaudacion.Result.GetValueOrDefault(f.CobradorId) }).ToList();
    }

    private static async Task<List<ProductividadCobrador>> LeerFilasAsync(GestionDbContext db, NpgsqlConnection conexion, DateTimeOffset inicio, DateTimeOffset fin,
        DateOnly desde, DateOnly hasta, Guid? soloCobrador, IReadOnlyCollection<Guid>? clientes, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand(Sql, conexion);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = db.EmpresaActual });
        comando.Parameters.Add(new NpgsqlParameter("inicio", NpgsqlDbType.TimestampTz) { Value = inicio });
        comando.Parameters.Add(new NpgsqlParameter("fin", NpgsqlDbType.TimestampTz) { Value = fin });
        comando.Parameters.Add(new NpgsqlParameter("desde", NpgsqlDbType.Date) { Value = desde });
        comando.Parameters.Add(new NpgsqlParameter("hasta", NpgsqlDbType.Date) { Value = hasta });
        comando.Parameters.Add(new NpgsqlParameter("contacto", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = ResultadosContacto });
        comando.Parameters.Add(new NpgsqlParameter("cobrador", NpgsqlDbType.Uuid) { Value = (object?)soloCobrador ?? DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = (object?)clientes?.ToArray() ?? DBNull.Value });
        var filas = new List<ProductividadCobrador>();
        await using var lector = await comando.ExecuteReaderAsync(ct);
        while (await lector.ReadAsync(ct))
        {
            filas.Add(new ProductividadCobrador(lector.GetGuid(0), lector.GetString(1), lector.GetInt32(2), lector.GetInt32(3), lector.GetInt32(4), lector.GetDecimal(5),
                lector.GetInt32(6), lector.GetDecimal(7), 0));
        }

        return filas;
    }
}

public sealed class ObtenerProductividadCobradoresHandler(GestionDbContext db, IMediator mediator) : IRequestHandler<ObtenerProductividadCobradores, IReadOnlyList<ProductividadCobrador>>
{
    public async ValueTask<IReadOnlyList<ProductividadCobrador>> Handle(ObtenerProductividadCobradores request, CancellationToken cancellationToken) =>
        await CalculoProductividad.CalcularAsync(db, mediator, request.Desde, request.Hasta, request.CobradorId, null, cancellationToken);
}

public sealed record FilaProductividadDto(
    Guid CobradorId, string Nombre, int Actividades, int Contactos, decimal? TasaContacto, int CompromisosTomados, decimal MontoComprometido, int CompromisosCumplidos,
    decimal MontoCumplido, decimal Recaudado);

public sealed record ProductividadDto(DateOnly Desde, DateOnly Hasta, string Definicion, IReadOnlyList<FilaProductividadDto> Filas);

public sealed record ProductividadCobradores(DateOnly? Desde, DateOnly? Hasta, string? Segmento, Guid? CobradorId, Guid? CarteraId, Guid? GrupoId)
    : IRequest<ProductividadDto>, IFiltroIndicadores, IPeriodoIndicadores
{
    public static void Map(RutasModulo rutas)
    {
        rutas.Leer.MapGet("/indicadores/productividad", async Task<Ok<ProductividadDto>> ([AsParameters] ProductividadCobradores q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(q, ct)))
            .WithName("IndicadorProductividad").ProducesValidationProblem().ConLimite(LimitesUso.Informes);
        rutas.Leer.MapGet("/indicadores/productividad/exportar", async Task<FileContentHttpResult> ([AsParameters] ProductividadCobradores q, string? formato, IMediator m, ImpresoraPdf impresora, TimeProvider reloj, CancellationToken ct) =>
                await ExportarIndicador.ArchivoAsync(m, q, formato, Tabla, impresora, reloj, ct))
            .WithName("ExportarProductividad").Produces(200, typeof(Stream), "text/csv", SharedKernel.Archivos.Exportacion.TipoXlsx, "application/pdf")
            .ProducesValidationProblem().ConLimite(LimitesUso.Informes);
    }

    public static TablaIndicador Tabla(ProductividadDto d) => new("productividad-cobradores", "Productividad por cobrador", d.Definicion,
        ["Cobrador", "Actividades", "Contactos", "Tasa contacto %", "Compromisos tomados", "Monto comprometido", "Compromisos cumplidos", "Monto cumplido", "Recaudado"],
        [.. d.Filas.Select(f => (IReadOnlyList<object?>)
            [f.Nombre, f.Actividades, f.Contactos, f.TasaContacto, f.CompromisosTomados, f.MontoComprometido, f.CompromisosCumplidos, f.MontoCumplido, f.Recaudado])]);
}

public sealed class ProductividadCobradoresValidator : AbstractValidator<ProductividadCobradores>
{
    public ProductividadCobradoresValidator()
    {
        this.ReglasFiltro();
        this.ReglasPeriodo();
    }
}

public sealed class ProductividadCobradoresHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, TimeProvider reloj)
    : IRequestHandler<ProductividadCobradores, ProductividadDto>
{
    public async ValueTask<ProductividadDto> Handle(ProductividadCobradores request, CancellationToken cancellationToken)
    {
        var (desde, hasta) = request.Periodo(reloj);
        var clientes = await request.ClientesAsync(db, alcance, mediator, cancellationToken);
        var soloCobrador = request.CobradorId ?? (await alcance.CobradorRestringidoAsync(cancellationToken) is { } propio ? propio : null);
        var filas = await CalculoProductividad.CalcularAsync(db, mediator, desde, hasta, soloCobrador, clientes, cancellationToken);
        return new ProductividadDto(desde, hasta, CalculoProductividad.Definicion, filas.Select(f => new FilaProductividadDto(
            f.CobradorId, f.Nombre, f.Actividades, f.Contactos, FiltroIndicadores.Tasa(f.Contactos, f.Actividades), f.CompromisosTomados, f.MontoComprometido,
            f.CompromisosCumplidos, f.MontoCumplido, f.Recaudado)).ToList());
    }
}

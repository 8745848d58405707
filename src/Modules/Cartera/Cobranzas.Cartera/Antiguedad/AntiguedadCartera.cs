using System.Data.Common;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Cartera.Reportes;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Antiguedad;

/// <summary>An aging bucket by days past the base date; <c>null</c> bounds are open.</summary>
public sealed record Tramo(string Codigo, int? Desde, int? Hasta);

public sealed record MontoTramoDto(string Codigo, decimal Monto);

/// <param name="CedidoDelegado">Per bucket, the documents ceded to a factor under administración delegada at the cut-off.</param>
public sealed record GrupoAntiguedadDto(
    string Clave, string Nombre, IReadOnlyList<MontoTramoDto> Tramos, decimal Total, IReadOnlyList<MontoTramoDto> CedidoDelegado, decimal TotalCedidoDelegado);

/// <param name="IncluyeCedidosDelegados">Whether <c>Tramos</c>/<c>Totales</c>/<c>Total</c> include the delegated documents (<c>incluirCedidosDelegados</c>).</param>
public sealed record AntiguedadDto(
    DateOnly FechaCorte, string Agrupar, string Base, string Moneda, IReadOnlyList<Tramo> DefinicionTramos,
    IReadOnlyList<GrupoAntiguedadDto> Grupos, IReadOnlyList<MontoTramoDto> Totales, decimal Total, int TotalGrupos, int NumeroPagina, int TamanoPagina,
    bool IncluyeCedidosDelegados, IReadOnlyList<MontoTramoDto> TotalesCedidoDelegado, decimal TotalCedidoDelegado);

/// <summary>
/// The aging at a cut-off. Documents ceded to a factor under administración delegada are the factor's money, so by default the
/// buckets and totals are the company's own receivable alone (what provisions, concentration and the accounting reconcile
/// with); since the company still collects them, every answer also carries them per bucket apart (<c>cedidoDelegado</c>), and
/// <c>incluirCedidosDelegados=true</c> adds them into the buckets for the view of everything the collectors must collect.
/// </summary>
public sealed record AntiguedadCartera(DateOnly? FechaCorte, string? Agrupar, string? Base, Guid? ClienteId, int? Pagina, int? TamanoPagina,
    string? Segmento = null, Guid? CobradorId = null, Guid? CarteraId = null, Guid? GrupoId = null, bool? IncluirCedidosDelegados = null)
    : IRequest<AntiguedadDto>, IFiltroReporte
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/cartera/antiguedad", async Task<Ok<AntiguedadDto>> ([AsParameters] AntiguedadCartera q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("AntiguedadCartera").ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Informes);
}

public sealed class AntiguedadCarteraValidator : AbstractValidator<AntiguedadCartera>
{
    public static readonly string[] Agrupaciones = ["cliente", "segmento", "empresa"];
    public static readonly string[] Bases = ["vencimiento", "emision"];

    public AntiguedadCarteraValidator()
    {
        RuleFor(x => x.Agrupar).Must(a => a is null || Agrupaciones.Contains(a)).WithMessage($"Agrupar debe ser uno de: {string.Join(", ", Agrupaciones)}.");
        RuleFor(x => x.Base).Must(b => b is null || Bases.Contains(b)).WithMessage($"Base debe ser una de: {string.Join(", ", Bases)}.");
        RuleFor(x => x.FechaCorte).EnRango("fechaCorte");
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
        this.ReglasFiltroReporte();
    }
}

public sealed class AntiguedadCarteraHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<AntiguedadCartera, AntiguedadDto>
{
    public async ValueTask<AntiguedadDto> Handle(AntiguedadCartera request, CancellationToken cancellationToken)
    {
        var corte = request.FechaCorte ?? FechaNegocio.Hoy(reloj);
        var agrupar = request.Agrupar ?? "cliente";
        var baseDias = request.Base ?? "vencimiento";
        var tramos = (await AjustesCartera.CargarAsync(db, cancellationToken)).Tramos;
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var incluir = request.IncluirCedidosDelegados ?? false;

        // Only the client grouping pages in SQL; segments are regrouped from the client rows, the company is the totals row.
        var (filas, totales) = await ConsultaAntiguedad.EjecutarAsync(db, new OpcionesAntiguedad(contexto.EmpresaId, corte, tramos)
        {
            Base = baseDias,
            Cliente = request.ClienteId,
            Clientes = await request.ClientesAsync(mediator, cancellationToken),
            PorCliente = agrupar != "empresa",
            Saltar = agrupar == "cliente" ? saltar : 0,
            Tomar = agrupar == "cliente" ? tomar : null,
            Delegados = incluir ? CedidosDelegados.Incluidos : CedidosDelegados.Aparte,
        }, cancellationToken);

        List<GrupoAntiguedadDto> grupos;
        var totalGrupos = totales.Grupos;
        switch (agrupar)
        {
            case "cliente":
                var clientes = await ResolucionCliente.PorIdAsync(mediator, filas.Select(f => f.ClienteId!.Value), cancellationToken);
                grupos = filas.Select(f => new GrupoAntiguedadDto(
                    f.ClienteId!.Value.ToString(), clientes.TryGetValue(f.ClienteId.Value, out var c) ? $"{c.Rut} {c.RazonSocial}" : "", Montos(tramos, f.Montos), f.Total,
                    Montos(tramos, f.CedidoDelegado), f.TotalCedidoDelegado)).ToList();
                break;
            case "segmento":
                var info = await ResolucionCliente.PorIdAsync(mediator, filas.Select(f => f.ClienteId!.Value), cancellationToken);
                var porSegmento = filas.GroupBy(f => info.TryGetValue(f.ClienteId!.Value, out var c) ? c.Segmento : "(sin segmento)")
                    .Select(g => new GrupoAntiguedadDto(g.Key, g.Key, Montos(tramos, Enumerable.Range(0, tramos.Count).Select(i => g.Sum(f => f.Montos[i])).ToArray()), g.Sum(f => f.Total),
                        Montos(tramos, Enumerable.Range(0, tramos.Count).Select(i => g.Sum(f => f.CedidoDelegado[i])).ToArray()), g.Sum(f => f.TotalCedidoDelegado)))
                    .OrderByDescending(g => g.Total).ThenBy(g => g.Clave).ToList();
                totalGrupos = porSegmento.Count;
                grupos = porSegmento.Skip(saltar).Take(tomar).ToList();
                break;
            default:
                totalGrupos = 1;
                grupos = [new GrupoAntiguedadDto("empresa", "Empresa", Montos(tramos, totales.Montos), totales.Total, Montos(tramos, totales.CedidoDelegado), totales.TotalCedidoDelegado)];
                break;
        }

        return new AntiguedadDto(corte, agrupar, baseDias, Monedas.Clp, tramos, grupos, Montos(tramos, totales.Montos), totales.Total, totalGrupos, pagina, tamano,
            incluir, Montos(tramos, totales.CedidoDelegado), totales.TotalCedidoDelegado);
    }

    private static List<MontoTramoDto> Montos(IReadOnlyList<Tramo> tramos, decimal[] montos) => tramos.Select((t, i) => new MontoTramoDto(t.Codigo, montos[i])).ToList();
}

/// <summary>A client's row (or, with <c>ClienteId</c> null, the totals); <c>Grupos</c> counts the clients only when a page of clients was asked for.</summary>
public sealed record FilaAntiguedad(Guid? ClienteId, decimal[] Montos, decimal Total, int Grupos)
{
    /// <summary>In the totals row of a query by client: the sum of every client's total squared (for the Herfindahl index).</summary>
    public decimal SumaCuadrados { get; init; }

    /// <summary>Per bucket, the documents ceded under administración delegada at the cut-off (zeros unless asked for, see <see cref="OpcionesAntiguedad.Delegados"/>).</summary>
    public decimal[] CedidoDelegado { get; init; } = new decimal[Montos.Length];

    public decimal TotalCedidoDelegado { get; init; }
}

/// <summary>What the aging does with the documents ceded under administración delegada at the cut-off.</summary>
public enum CedidosDelegados
{
    /// <summary>Left out: the company's own receivable only.</summary>
    No,

    /// <summary>Own receivable in the buckets, the delegated ones summed apart.</summary>
    Aparte,

    /// <summary>In the buckets too (and still summed apart).</summary>
    Incluidos,
}

/// <summary>
/// What the aging statement answers for <see cref="Empresa"/> at <see cref="Corte"/>: the totals alone, or also a row per client
/// (<see cref="PorCliente"/>), every client or the page <see cref="Saltar"/>/<see cref="Tomar"/> by total descending.
/// </summary>
public sealed record OpcionesAntiguedad(Guid Empresa, DateOnly Corte, IReadOnlyList<Tramo> Tramos)
{
    /// <summary><c>vencimiento</c> or <c>emision</c>: the date the days past are counted from.</summary>
    public string Base { get; init; } = "vencimiento";
    public Guid? Cliente { get; init; }

    /// <summary>The clients the report filters leave (<see cref="Reportes.IFiltroReporte"/>); null = every client.</summary>
    public IReadOnlyCollection<Guid>? Clientes { get; init; }

    /// <summary>Convert UF and USD at <see cref="Uf"/> and <see cref="Dolar"/> (the monthly series) rather than the cut-off's own values.</summary>
    public bool UltimoValorConocido { get; init; }

    public decimal? Uf { get; init; }

    public decimal? Dolar { get; init; }
    public bool PorCliente { get; init; }
    public int Saltar { get; init; }

    /// <summary>With <see cref="PorCliente"/>: at most this many client rows; null = all of them.</summary>
    public int? Tomar { get; init; }

    public CedidosDelegados Delegados { get; init; } = CedidosDelegados.No;
}

/// <summary>
/// Aging at a cut-off date in one statement (<c>Antiguedad.sql</c>): each installment's balance as it was that day (only
/// applications dated on or before it and not yet reversed then; documents issued by then and still in the portfolio then,
/// see <c>cartera.en_cartera_al</c>), converted to CLP at the day's UF or dólar value, summed per client and bucket.
/// <para>
/// The work is proportional to the open installments plus what changed after the cut-off, never to the paid history.
/// An installment's balance is kept equal to its amount less its active (not reversed) applications, so its balance
/// at the cut-off is today's balance plus the active applications dated after the cut-off, less the applications
/// dated on or before it and reversed after it (they counted then, not now). A write-off zeroes the balances without
/// an application, and cancellation and factoring decide by date whether a document counts at all, so documents with
/// any of these (few) are rebuilt from their applications (<c>CambiosAlCorte.sql</c>). For today's cut-off both sets of
/// changes are usually empty and the statement is one scan of the open installments' partial index.
/// </para>
/// </summary>
public static class ConsultaAntiguedad
{
    private static readonly string Sql = SqlCartera.Leer("Antiguedad/Antiguedad.sql");

    /// <summary>The bucket columns t0..t11 of Antiguedad.sql: por vencer, at most ten configured limits and the last bucket.</summary>
    private const int MaximoTramos = 12;

    public static async Task<(List<FilaAntiguedad> Filas, FilaAntiguedad Totales)> EjecutarAsync(CarteraDbContext db, OpcionesAntiguedad opciones, CancellationToken ct)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var comando = new NpgsqlCommand(Sql, conexion) { CommandTimeout = SentenciaInforme.Segundos };
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = opciones.Empresa });
        comando.Parameters.Add(new NpgsqlParameter("corte", NpgsqlDbType.Date) { Value = opciones.Corte });
        comando.Parameters.Add(new NpgsqlParameter("base", NpgsqlDbType.Text) { Value = opciones.Base });
        comando.Parameters.Add(new NpgsqlParameter("cliente", NpgsqlDbType.Uuid) { Value = (object?)opciones.Cliente ?? DBNull.Value });
        var (uf, dolar) = opciones.UltimoValorConocido ? (opciones.Uf, opciones.Dolar) : await ValoresDelCorteAsync(conexion, opciones, ct);
        comando.Parameters.Add(new NpgsqlParameter("uf", NpgsqlDbType.Numeric) { Value = (object?)uf ?? DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("dolar", NpgsqlDbType.Numeric) { Value = (object?)dolar ?? DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = opciones.Clientes is { } ids ? ids.ToArray() : DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("inicios", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = Inicios(opciones.Tramos) });
        comando.Parameters.Add(new NpgsqlParameter("por_cliente", NpgsqlDbType.Boolean) { Value = opciones.PorCliente });
        comando.Parameters.Add(new NpgsqlParameter("limite", NpgsqlDbType.Integer) { Value = (object?)opciones.Tomar ?? DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("saltar", NpgsqlDbType.Integer) { Value = opciones.Saltar });
        comando.Parameters.Add(new NpgsqlParameter("delegados", NpgsqlDbType.Text)
        {
            Value = opciones.Delegados switch { CedidosDelegados.Aparte => "aparte", CedidosDelegados.Incluidos => "incluidos", _ => "no" },
        });
        await using var lector = await comando.ExecuteReaderAsync(ct);

        var cantidad = opciones.Tramos.Count;
        var filas = new List<FilaAntiguedad>();
        FilaAntiguedad? totales = null;
        long sinUf = 0, sinCambio = 0;
        while (await lector.ReadAsync(ct))
        {
            var fila = new FilaAntiguedad(lector.IsDBNull(0) ? null : lector.GetGuid(0), Enumerable.Range(1, cantidad).Select(lector.GetDecimal).ToArray(),
                lector.GetDecimal(MaximoTramos + 1), (int)lector.GetInt64(MaximoTramos + 4))
            {
                SumaCuadrados = lector.GetDecimal(MaximoTramos + 5),
                CedidoDelegado = Enumerable.Range(MaximoTramos + 6, cantidad).Select(lector.GetDecimal).ToArray(),
                TotalCedidoDelegado = lector.GetDecimal(2 * MaximoTramos + 6),
            };
            if (fila.ClienteId is null)
            {
                totales = fila;
                sinUf = lector.GetInt64(MaximoTramos + 2);
                sinCambio = lector.GetInt64(MaximoTramos + 3);
            }
            else
                filas.Add(fila);
        }

        VerificarCambios(opciones.Corte, sinUf, sinCambio);
        return (filas, totales!);
    }

    /// <summary>The UF and dólar of the cut-off day itself (null when the company has none for that day).</summary>
    private static async Task<(decimal? Uf, decimal? Dolar)> ValoresDelCorteAsync(NpgsqlConnection conexion, OpcionesAntiguedad opciones, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand("SELECT cartera.valor_uf(@empresa, @corte), cartera.valor_dolar(@empresa, @corte)", conexion);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = opciones.Empresa });
        comando.Parameters.Add(new NpgsqlParameter("corte", NpgsqlDbType.Date) { Value = opciones.Corte });
        await using var lector = await comando.ExecuteReaderAsync(ct);
        await lector.ReadAsync(ct);
        return (lector.IsDBNull(0) ? null : lector.GetDecimal(0), lector.IsDBNull(1) ? null : lector.GetDecimal(1));
    }

    /// <summary>The first day of every bucket after the first (por vencer): the buckets are contiguous, so <c>width_bucket</c> places the days.</summary>
    private static int[] Inicios(IReadOnlyList<Tramo> tramos)
    {
        if (tramos.Count > MaximoTramos || tramos[0].Desde is not null || tramos.Zip(tramos.Skip(1)).Any(p => p.Second.Desde != p.First.Hasta + 1))
            throw new InvalidOperationException("Los tramos deben ser contiguos desde por vencer.");
        return tramos.Skip(1).Select(t => t.Desde!.Value).ToArray();
    }

    /// <summary>Whether <paramref name="dias"/> past the base date fall in the bucket (the same test as the statement's SQL filters).</summary>
    public static bool EnTramo(Tramo t, int dias) => (t.Desde, t.Hasta) switch
    {
        (null, { } h) => dias <= h,
        ({ } d, null) => dias >= d,
        ({ } d, { } h) => dias >= d && dias <= h,
        _ => true,
    };

    /// <summary>The "falta valor" error the aging and the statement raise when installments in UF (first) or USD have no value for the cut-off.</summary>
    public static void VerificarCambios(DateOnly corte, long sinUf, long sinCambio)
    {
        if (sinUf > 0)
            throw new ReglaNegocioException("fechaCorte", "falta_valor_uf", $"Falta el valor UF del {corte:yyyy-MM-dd} para convertir los documentos en UF; cárguelo en /api/v1/valores-uf.");
        if (sinCambio > 0)
            throw new ReglaNegocioException("fechaCorte", "falta_valor_dolar", $"Falta el dólar observado del {corte:yyyy-MM-dd} para convertir los documentos en USD; cárguelo en /api/v1/valores-dolar.");
    }
}

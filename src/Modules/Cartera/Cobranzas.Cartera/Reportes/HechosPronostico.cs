using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Reportes;

/// <summary>An installment as the backtest replays it: when it was issued, due and left the portfolio, and its amount in CLP.</summary>
public sealed record CuotaHistorica(
    Guid DocumentoId, int Numero, Guid ClienteId, DateOnly Emision, DateOnly Vencimiento, decimal Monto,
    DateOnly? Anulacion, DateOnly? Castigo, DateOnly? Cesion, DateOnly? Recompra)
{
    /// <summary>The same rule as <c>cartera.en_cartera_al</c>.</summary>
    public bool EnCarteraAl(DateOnly corte) =>
        Emision <= corte && (Anulacion is null || Anulacion > corte) && (Castigo is null || Castigo > corte)
        && (Cesion is null || Cesion > corte || Recompra <= corte);
}

/// <summary>An application of money to an installment, in CLP; <see cref="EsPago"/> when the money was a payment (not a credit note).</summary>
public sealed record AplicacionHistorica(Guid DocumentoId, int Cuota, DateOnly Fecha, DateOnly? Reversa, decimal Monto, bool EsPago)
{
    public bool ActivaAl(DateOnly corte) => Fecha <= corte && (Reversa is null || Reversa > corte);
}

/// <summary>One row of the receipts statement: <see cref="N"/> receipts of a client <see cref="Dias"/> after due, their summed weight.</summary>
public readonly record struct FilaObservaciones(Guid ClienteId, int Dias, double Peso, int N);

/// <summary>
/// The receipts statement of today, per company, kept while no fact changed: reading every payment application of two years is
/// the forecast's largest cost, and its result changes only when a fact does. A fact-writing statement logs its transaction in
/// <c>cartera.hechos_modificados</c> (the monthly cache's triggers); an entry is valid while every logged change was already
/// visible in the snapshot taken before its statement ran (see <see cref="SerieMensual"/>). One entry per company, for one
/// business day, at most <see cref="Vigencia"/> old (the log keeps a day).
/// </summary>
public sealed class ObservacionesDelDia
{
    public static readonly TimeSpan Vigencia = TimeSpan.FromHours(12);

    private sealed record Entrada(DateOnly Corte, string Instantanea, long Calculado, List<FilaObservaciones> Filas);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Entrada> _porEmpresa = new();

    public async Task<List<Observacion>> ObtenerAsync(CarteraDbContext db, Guid empresa, DateOnly corte, CancellationToken ct)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        if (_porEmpresa.TryGetValue(empresa, out var e) && e.Corte == corte && Environment.TickCount64 - e.Calculado < Vigencia.TotalMilliseconds)
        {
            await using var comando = new NpgsqlCommand("""
                SELECT EXISTS (SELECT 1 FROM cartera.hechos_modificados h
                               WHERE (h.empresa_id = @empresa OR h.empresa_id IS NULL) AND NOT pg_visible_in_snapshot(h.xid, @instantanea::pg_snapshot))
                """, conexion);
            comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
            comando.Parameters.Add(new NpgsqlParameter("instantanea", NpgsqlDbType.Text) { Value = e.Instantanea });
            if (!(bool)(await comando.ExecuteScalarAsync(ct))!)
                return HechosPronostico.Expandir(e.Filas);
        }

        string instantanea;
        var calculado = Environment.TickCount64;
        await using (var comando = new NpgsqlCommand("SELECT pg_current_snapshot()::text", conexion))
            instantanea = (string)(await comando.ExecuteScalarAsync(ct))!;
        var filas = await HechosPronostico.FilasObservacionesAsync(db, empresa, corte, ct);
        _porEmpresa[empresa] = new Entrada(corte, instantanea, calculado, filas);
        return HechosPronostico.Expandir(filas);
    }
}

/// <summary>
/// Reads the facts the forecast needs. Amounts in UF or USD are converted at the latest value known at the cut-off of the
/// query (today for the live forecast and for the whole backtest: the replay measures the timing model, not the exchange rate).
/// </summary>
public static class HechosPronostico
{
    private const string SqlAbiertas = """
        SELECT c.documento_id, c.numero, c.cliente_id, c.fecha_vencimiento,
               COALESCE(cartera.en_clp(c.saldo, c.moneda, cartera.ultimo_valor_uf(@empresa, @corte), cartera.ultimo_valor_dolar(@empresa, @corte)), 0)
        FROM cartera.cuotas c
        WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.vigente AND c.fecha_emision <= @corte
          AND (@clientes IS NULL OR c.cliente_id = ANY(@clientes))
        """;

    private const string SqlObservaciones = """
        SELECT c.cliente_id, a.fecha - c.fecha_vencimiento AS dias, sum(power(0.5, (@corte - a.fecha) / @vida)) AS peso, count(*) AS n
        FROM cartera.aplicaciones a
        JOIN cartera.cuotas c ON c.documento_id = a.documento_id AND c.numero = a.cuota
        WHERE a.empresa_id = @empresa AND a.pago_id IS NOT NULL AND a.fecha_reversa IS NULL
          AND a.fecha <= @corte AND a.fecha > @corte - @ventana
        GROUP BY 1, 2
        """;

    private const string SqlCuotas = """
        SELECT c.documento_id, c.numero, c.cliente_id, c.fecha_emision, c.fecha_vencimiento,
               COALESCE(cartera.en_clp(c.monto, c.moneda, cartera.ultimo_valor_uf(@empresa, @corte), cartera.ultimo_valor_dolar(@empresa, @corte)), 0),
               d.fecha_anulacion, d.fecha_castigo, d.fecha_cesion, d.fecha_recompra
        FROM cartera.cuotas c JOIN cartera.documentos d ON d.id = c.documento_id
        WHERE c.empresa_id = @empresa AND NOT cartera.es_nota_credito(d.tipo) AND c.fecha_emision <= @corte
          AND (c.saldo > 0 OR c.fecha_vencimiento >= @desde - @ventana OR EXISTS (
                SELECT 1 FROM cartera.aplicaciones a WHERE a.documento_id = c.documento_id AND a.cuota = c.numero AND a.fecha >= @desde - @ventana))
        """;

    private const string SqlAplicaciones = """
        SELECT a.documento_id, a.cuota, a.fecha, a.fecha_reversa,
               COALESCE(cartera.en_clp(a.monto, d.moneda, cartera.ultimo_valor_uf(@empresa, @corte), cartera.ultimo_valor_dolar(@empresa, @corte)), 0),
               a.pago_id IS NOT NULL
        FROM cartera.aplicaciones a JOIN cartera.documentos d ON d.id = a.documento_id
        WHERE a.empresa_id = @empresa AND NOT cartera.es_nota_credito(d.tipo)
        """;

    private static async Task<NpgsqlCommand> ComandoAsync(CarteraDbContext db, string sql, Guid empresa, DateOnly corte, CancellationToken ct)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var comando = new NpgsqlCommand(sql, conexion) { CommandTimeout = SentenciaInforme.Segundos };
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
        comando.Parameters.Add(new NpgsqlParameter("corte", NpgsqlDbType.Date) { Value = corte });
        return comando;
    }

    /// <summary>The installments open today (optionally of some clients), their balance in CLP.</summary>
    public static async Task<List<PartidaAbierta>> AbiertasAsync(CarteraDbContext db, Guid empresa, DateOnly corte, IReadOnlyCollection<Guid>? clientes, CancellationToken ct)
    {
        await using var comando = await ComandoAsync(db, SqlAbiertas, empresa, corte, ct);
        comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = clientes is null ? DBNull.Value : clientes.ToArray() });
        await using var r = await comando.ExecuteReaderAsync(ct);
        var lista = new List<PartidaAbierta>();
        while (await r.ReadAsync(ct))
            lista.Add(new PartidaAbierta(r.GetGuid(0), r.GetInt32(1), r.GetGuid(2), DateOnly.FromDateTime(r.GetDateTime(3)), r.GetDecimal(4)));
        return lista;
    }

    /// <summary>Every receipt of the company's last two years up to <paramref name="corte"/>, grouped by client and delay.</summary>
    public static async Task<List<Observacion>> ObservacionesAsync(CarteraDbContext db, Guid empresa, DateOnly corte, CancellationToken ct) =>
        Expandir(await FilasObservacionesAsync(db, empresa, corte, ct));

    /// <summary>The receipts as the statement groups them: client, delay, summed weight and count.</summary>
    public static async Task<List<FilaObservaciones>> FilasObservacionesAsync(CarteraDbContext db, Guid empresa, DateOnly corte, CancellationToken ct)
    {
        await using var comando = await ComandoAsync(db, SqlObservaciones, empresa, corte, ct);
        comando.Parameters.Add(new NpgsqlParameter("vida", NpgsqlDbType.Double) { Value = MotorPronostico.VidaMediaDias });
        comando.Parameters.Add(new NpgsqlParameter("ventana", NpgsqlDbType.Integer) { Value = MotorPronostico.VentanaDias });
        await using var r = await comando.ExecuteReaderAsync(ct);
        var filas = new List<FilaObservaciones>();
        while (await r.ReadAsync(ct))
            filas.Add(new FilaObservaciones(r.GetGuid(0), r.GetInt32(1), r.GetDouble(2), (int)r.GetInt64(3)));
        return filas;
    }

    public static List<Observacion> Expandir(List<FilaObservaciones> filas)
    {
        var lista = new List<Observacion>(filas.Sum(f => f.N));
        foreach (var f in filas)
        {
            // A (client, delay) row stands for n receipts: the profile counts receipts, so it is expanded with the weight shared.
            var peso = f.Peso / f.N;
            for (var i = 0; i < f.N; i++)
                lista.Add(new Observacion(f.ClienteId, f.Dias, peso));
        }

        return lista;
    }

    /// <summary>The open balance in CLP (the sum of <see cref="AbiertasAsync"/>'s balances) in one aggregate.</summary>
    public static async Task<decimal> SaldoAbiertoAsync(CarteraDbContext db, Guid empresa, DateOnly corte, IReadOnlyCollection<Guid>? clientes, CancellationToken ct)
    {
        await using var comando = await ComandoAsync(db, $"SELECT COALESCE(sum(s.saldo), 0) FROM ({SqlAbiertas}) AS s(documento_id, numero, cliente_id, vencimiento, saldo)", empresa, corte, ct);
        comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = clientes is null ? DBNull.Value : clientes.ToArray() });
        return (decimal)(await comando.ExecuteScalarAsync(ct))!;
    }

    public static async Task<(List<CuotaHistorica> Cuotas, List<AplicacionHistorica> Aplicaciones)> HistoriaAsync(
        CarteraDbContext db, Guid empresa, DateOnly hoy, DateOnly desde, CancellationToken ct)
    {
        var cuotas = new List<CuotaHistorica>();
        await using (var comando = await ComandoAsync(db, SqlCuotas, empresa, hoy, ct))
        {
            comando.Parameters.Add(new NpgsqlParameter("desde", NpgsqlDbType.Date) { Value = desde });
            comando.Parameters.Add(new NpgsqlParameter("ventana", NpgsqlDbType.Integer) { Value = MotorPronostico.VentanaDias });
            await using var r = await comando.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                cuotas.Add(new CuotaHistorica(r.GetGuid(0), r.GetInt32(1), r.GetGuid(2), Fecha(r, 3)!.Value, Fecha(r, 4)!.Value, r.GetDecimal(5),
                    Fecha(r, 6), Fecha(r, 7), Fecha(r, 8), Fecha(r, 9)));
        }

        var aplicaciones = new List<AplicacionHistorica>();
        await using (var comando = await ComandoAsync(db, SqlAplicaciones, empresa, hoy, ct))
        {
            await using var r = await comando.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                aplicaciones.Add(new AplicacionHistorica(r.GetGuid(0), r.GetInt32(1), Fecha(r, 2)!.Value, Fecha(r, 3), r.GetDecimal(4), r.GetBoolean(5)));
        }

        return (cuotas, aplicaciones);
    }

    private static DateOnly? Fecha(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : DateOnly.FromDateTime(r.GetDateTime(i));

    /// <summary>The segment of each client (through Clientes' contract).</summary>
    public static async Task<Func<Guid, string?>> SegmentosAsync(IMediator mediator, IEnumerable<Guid> clientes, CancellationToken ct)
    {
        var lista = clientes.Distinct().ToList();
        var info = new Dictionary<Guid, string>();
        foreach (var bloque in lista.Chunk(5_000))
            foreach (var c in await mediator.Send(new SegmentosClientes(bloque), ct))
                info[c.Id] = c.Segmento;
        return id => info.TryGetValue(id, out var s) ? s : null;
    }

    /// <summary>Pending promise installments of the clients (all when null) from 60 days back to <paramref name="hasta"/>.</summary>
    public static async Task<List<PromesaCliente>> PromesasAsync(IMediator mediator, DateOnly corte, DateOnly hasta, IReadOnlyCollection<Guid>? clientes, CancellationToken ct) =>
        (await mediator.Send(new CompromisosPendientes(corte.AddDays(-60), hasta, clientes), ct))
        .Where(c => c.Moneda == "CLP").Select(c => new PromesaCliente(c.ClienteId, c.Fecha, c.Monto)).ToList();
}

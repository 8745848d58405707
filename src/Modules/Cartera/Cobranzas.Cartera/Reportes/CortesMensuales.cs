using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Auditoria;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Reportes;

/// <summary>
/// A closed month's aging at its last day, whole company (no filters), kept so the monthly series does not recompute
/// 24 agings at past cut-offs. <see cref="Limites"/> are the bucket limits it was computed with (the company's plus 90,
/// for the "más de 90 días" figure); a row whose limits no longer match the configuration is recomputed.
/// Written only in SQL; the triggers of migration ReportesCartera delete the rows a changed fact reaches.
/// </summary>
[SinAuditoria]
public sealed class CorteMensual : IEntidadDeEmpresa
{
    public Guid EmpresaId { get; set; }

    /// <summary>The month's last day (the cut-off).</summary>
    public DateOnly Mes { get; init; }

    public int[] Limites { get; init; } = [];

    /// <summary>Balance per bucket of <see cref="Limites"/> (por vencer first), CLP.</summary>
    public decimal[] Montos { get; init; } = [];

    public DateTimeOffset Calculado { get; init; }

    /// <summary>Converted with a UF or dólar value published after the month-end (none before it): any new value invalidates it.</summary>
    public bool Provisorio { get; init; }
}

public sealed class CorteMensualConfiguracion : IEntityTypeConfiguration<CorteMensual>
{
    public void Configure(EntityTypeBuilder<CorteMensual> e)
    {
        e.ToTable("cortes_mensuales");
        e.HasKey(x => new { x.EmpresaId, x.Mes });
        e.Property(x => x.Montos).HasColumnType("numeric[]");
    }
}

/// <summary>One month-end of the series: the aging's buckets at that date under <see cref="Limites"/>.</summary>
public sealed record CorteDelMes(DateOnly Mes, DateOnly Corte, int[] Limites, decimal[] Montos, bool Provisorio = false)
{
    public decimal Total => Montos.Sum();

    public decimal Vencido => Total - Montos[0];

    /// <summary>The buckets starting after day <paramref name="dias"/> (a limit of <see cref="Limites"/>).</summary>
    public decimal MasDe(int dias) => Montos.Skip(Array.IndexOf(Limites, dias) + 2).Sum();

    /// <summary>The amounts regrouped into the company's buckets (every company limit is one of <see cref="Limites"/>).</summary>
    public decimal[] EnTramos(IReadOnlyList<int> limitesEmpresa)
    {
        var resultado = new decimal[limitesEmpresa.Count + 2];
        resultado[0] = Montos[0];
        for (var i = 0; i < Limites.Length + 1; i++)
        {
            // Bucket i + 1 of ours starts the day after Limites[i - 1]; it lies in the company bucket whose limits enclose it.
            var desde = i == 0 ? 1 : Limites[i - 1] + 1;
            var j = 0;
            while (j < limitesEmpresa.Count && desde > limitesEmpresa[j])
                j++;
            resultado[j + 1] += Montos[i + 1];
        }

        return resultado;
    }
}

/// <summary>
/// The month-end agings of a series (UF and USD at the last value published on or before each month-end, see
/// <see cref="ValoresDelMesAsync"/>: a month often ends on a weekend, when there is no dólar observado): closed months of the whole company come from <c>cartera.cortes_mensuales</c> when
/// cached, the rest are computed with the aging's as-of statement (<see cref="ConsultaAntiguedad"/>) and, if closed and
/// unfiltered, stored.
/// <para>
/// A stale row is the bug to avoid. Fact-writing statements (applications, installments, documents, UF/dólar values)
/// fire triggers that delete the rows from the fact's date on and log the change with their transaction id, holding a
/// shared advisory lock until they commit. The cache is written only after taking that lock exclusively (every writer
/// whose trigger ran has committed or rolled back) and only for the months no logged change outside the computation's
/// starting snapshot reaches: a fact committed while the months were being computed may or may not be in them.
/// </para>
/// </summary>
public static class SerieMensual
{
    /// <summary>The advisory lock class of the cache (first key; the second is the company's hash).</summary>
    public const int ClaveBloqueo = 714_014;

    /// <summary>The "más de 90 días" limit every series carries.</summary>
    public const int Dias90 = 90;

    public static int[] LimitesSerie(IReadOnlyList<int> limitesEmpresa) =>
        limitesEmpresa.Append(Dias90).Distinct().Order().ToArray();

    /// <summary>The <paramref name="meses"/> month points ending at <paramref name="corte"/>'s month, oldest first: each at its last day, the last at the cut-off.</summary>
    public static List<(DateOnly Mes, DateOnly Corte)> Meses(DateOnly corte, int meses)
    {
        var primero = new DateOnly(corte.Year, corte.Month, 1).AddMonths(-(meses - 1));
        return Enumerable.Range(0, meses).Select(i =>
        {
            var inicio = primero.AddMonths(i);
            var fin = inicio.AddMonths(1).AddDays(-1);
            return (inicio, fin < corte ? fin : corte);
        }).ToList();
    }

    public static Task<List<CorteDelMes>> CalcularAsync(
        CarteraDbContext db, Guid empresa, AjustesCartera ajustes, DateOnly corte, int meses, DateOnly hoy, IReadOnlyCollection<Guid>? clientes, CancellationToken ct) =>
        CortesAsync(db, empresa, ajustes, Meses(corte, meses), hoy, clientes, ct);

    /// <summary>
    /// The agings at the given points (each a month's first day and its cut-off), in their order: closed month-ends of the
    /// whole company from the cache, the rest computed (and the closed ones stored).
    /// </summary>
    public static async Task<List<CorteDelMes>> CortesAsync(
        CarteraDbContext db, Guid empresa, AjustesCartera ajustes, IReadOnlyList<(DateOnly Mes, DateOnly Corte)> puntos, DateOnly hoy, IReadOnlyCollection<Guid>? clientes,
        CancellationToken ct)
    {
        var limites = LimitesSerie(ajustes.LimitesTramos);
        var tramos = TramosDe(limites);
        var usarCache = clientes is null && tramos.Count <= 12;
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);

        var cacheados = new Dictionary<DateOnly, decimal[]>();
        string? instantanea = null;
        if (usarCache)
        {
            var cerrados = puntos.Where(p => Cerrado(p, hoy)).Select(p => p.Corte).ToArray();
            await using (var comando = new NpgsqlCommand(
                "SELECT mes, montos FROM cartera.cortes_mensuales WHERE empresa_id = @empresa AND mes = ANY(@meses) AND limites = @limites", conexion))
            {
                comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
                comando.Parameters.Add(new NpgsqlParameter("meses", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = cerrados });
                comando.Parameters.Add(new NpgsqlParameter("limites", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = limites });
                await using var lector = await comando.ExecuteReaderAsync(ct);
                while (await lector.ReadAsync(ct))
                    cacheados[lector.GetFieldValue<DateOnly>(0)] = lector.GetFieldValue<decimal[]>(1);
            }

            if (cacheados.Count < cerrados.Length)
            {
                await using var comando = new NpgsqlCommand("SELECT pg_current_snapshot()::text", conexion);
                instantanea = (string?)await comando.ExecuteScalarAsync(ct);
            }
        }

        var resultado = new List<CorteDelMes>();
        var nuevos = new List<CorteDelMes>();
        foreach (var (mes, corteMes) in puntos)
        {
            if (cacheados.TryGetValue(corteMes, out var montos) && Cerrado((mes, corteMes), hoy))
            {
                resultado.Add(new CorteDelMes(mes, corteMes, limites, montos));
                continue;
            }

            var (uf, dolar, provisorio) = await ValoresDelMesAsync(conexion, empresa, corteMes, ct);
            var (_, totales) = await ConsultaAntiguedad.EjecutarAsync(db, new OpcionesAntiguedad(empresa, corteMes, tramos)
            {
                Clientes = clientes, UltimoValorConocido = true, Uf = uf, Dolar = dolar,
            }, ct);
            var corteDelMes = new CorteDelMes(mes, corteMes, limites, totales.Montos, provisorio);
            resultado.Add(corteDelMes);
            if (usarCache && Cerrado((mes, corteMes), hoy))
                nuevos.Add(corteDelMes);
        }

        if (nuevos.Count > 0 && instantanea is not null)
            await GuardarAsync(db, conexion, empresa, nuevos, instantanea, ct);
        return resultado;
    }

    /// <summary>
    /// The UF and dólar a month-end converts at: the last value on or before it, else (a series reaching back before the
    /// company loaded its values) the first one after it; none at all leaves null and the aging's "falta valor" error.
    /// </summary>
    private static async Task<(decimal? Uf, decimal? Dolar, bool Provisorio)> ValoresDelMesAsync(NpgsqlConnection conexion, Guid empresa, DateOnly corte, CancellationToken ct)
    {
        await using var comando = new NpgsqlCommand(SqlValores, conexion);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
        comando.Parameters.Add(new NpgsqlParameter("corte", NpgsqlDbType.Date) { Value = corte });
        await using var lector = await comando.ExecuteReaderAsync(ct);
        await lector.ReadAsync(ct);
        return (lector.IsDBNull(0) ? null : lector.GetDecimal(0), lector.IsDBNull(1) ? null : lector.GetDecimal(1), !lector.GetBoolean(2) || !lector.GetBoolean(3));
    }

    private const string SqlValores =
        "SELECT COALESCE(cartera.ultimo_valor_uf(@empresa, @corte), cartera.valor_uf(@empresa, (SELECT min(f) FROM ("
        + "SELECT min(fecha) FROM cartera.valores_uf_empresa WHERE empresa_id = @empresa AND fecha > @corte "
        + "UNION ALL SELECT min(fecha) FROM cartera.valores_uf WHERE fecha > @corte) u(f)))), "
        + "COALESCE(cartera.ultimo_valor_dolar(@empresa, @corte), cartera.valor_dolar(@empresa, (SELECT min(f) FROM ("
        + "SELECT min(fecha) FROM cartera.valores_dolar_empresa WHERE empresa_id = @empresa AND fecha > @corte "
        + "UNION ALL SELECT min(fecha) FROM cartera.valores_dolar WHERE fecha > @corte) d(f)))), "
        + "cartera.ultimo_valor_uf(@empresa, @corte) IS NOT NULL, cartera.ultimo_valor_dolar(@empresa, @corte) IS NOT NULL";

    private static bool Cerrado((DateOnly Mes, DateOnly Corte) p, DateOnly hoy) => p.Corte == p.Mes.AddMonths(1).AddDays(-1) && p.Corte < hoy;

    public static List<Tramo> TramosDe(IReadOnlyList<int> limites) =>
        (AjustesCartera.PorDefecto with { LimitesTramos = limites }).Tramos.ToList();

    private static async Task GuardarAsync(CarteraDbContext db, NpgsqlConnection conexion, Guid empresa, List<CorteDelMes> nuevos, string instantanea, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await using (var comando = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(@clase, 0), pg_advisory_xact_lock(@clase, hashtext(@empresa::text));
            DELETE FROM cartera.hechos_modificados WHERE registrado < now() - interval '1 day';
            """, conexion))
        {
            comando.Parameters.Add(new NpgsqlParameter("clase", NpgsqlDbType.Integer) { Value = ClaveBloqueo });
            comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
            await comando.ExecuteNonQueryAsync(ct);
        }

        // Months a change the computation may have missed reaches (logged by a transaction outside the starting snapshot).
        await using (var comando = new NpgsqlCommand("""
            INSERT INTO cartera.cortes_mensuales (empresa_id, mes, limites, montos, calculado, provisorio)
            SELECT @empresa, n.mes, @limites, n.montos::numeric[], now(), n.provisorio
            FROM unnest(@meses, @montos, @provisorios) AS n(mes, montos, provisorio)
            WHERE NOT EXISTS (
                SELECT 1 FROM cartera.hechos_modificados h
                WHERE (h.empresa_id = @empresa OR h.empresa_id IS NULL) AND (h.desde <= n.mes OR n.provisorio)
                  AND NOT pg_visible_in_snapshot(h.xid, @instantanea::pg_snapshot))
            ON CONFLICT (empresa_id, mes) DO UPDATE SET limites = excluded.limites, montos = excluded.montos, calculado = excluded.calculado, provisorio = excluded.provisorio
            """, conexion))
        {
            comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
            comando.Parameters.Add(new NpgsqlParameter("limites", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = nuevos[0].Limites });
            comando.Parameters.Add(new NpgsqlParameter("meses", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = nuevos.Select(n => n.Corte).ToArray() });
            comando.Parameters.Add(new NpgsqlParameter("montos", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = nuevos.Select(n => "{" + string.Join(",", n.Montos.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "}").ToArray(),
            });
            comando.Parameters.Add(new NpgsqlParameter("provisorios", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = nuevos.Select(n => n.Provisorio).ToArray() });
            comando.Parameters.Add(new NpgsqlParameter("instantanea", NpgsqlDbType.Text) { Value = instantanea });
            await comando.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }
}

using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Cartera.Reportes;

public sealed class ObtenerIndicadoresCarteraHandler(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<ObtenerIndicadoresCartera, IndicadoresCartera>
{
    public async ValueTask<IndicadoresCartera> Handle(ObtenerIndicadoresCartera request, CancellationToken cancellationToken)
    {
        var periodo = PeriodoIndicadores.DelMes(request.Corte);
        return (await CalculoIndicadores.CalcularAsync(db, contexto.EmpresaId, [request.ClienteIds], [periodo], cancellationToken, FechaNegocio.Hoy(reloj)))[0][0];
    }
}

public sealed class ObtenerTendenciaIndicadoresHandler(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ObtenerTendenciaIndicadores, IReadOnlyList<IndicadoresCartera>>
{
    public async ValueTask<IReadOnlyList<IndicadoresCartera>> Handle(ObtenerTendenciaIndicadores request, CancellationToken cancellationToken) =>
        (await CalculoIndicadores.CalcularAsync(db, contexto.EmpresaId, [request.ClienteIds], PeriodoIndicadores.Meses(request.Corte, request.Meses), cancellationToken,
            FechaNegocio.Hoy(reloj)))[0];
}

public sealed class ObtenerRecaudacionHandler(CarteraDbContext db, IContextoSolicitud contexto) : IRequestHandler<ObtenerRecaudacion, decimal>
{
    public async ValueTask<decimal> Handle(ObtenerRecaudacion request, CancellationToken cancellationToken) =>
        await ConsultasIndicadores.RecaudadoAsync(db, contexto.EmpresaId, request.Desde, request.Hasta, request.ClienteIds, cancellationToken);
}

public sealed class ObtenerRecaudacionPorGrupoHandler(CarteraDbContext db, IContextoSolicitud contexto)
    : IRequestHandler<ObtenerRecaudacionPorGrupo, IReadOnlyDictionary<Guid, decimal>>
{
    private static readonly string Sql = SqlCartera.Leer("Reportes/RecaudacionPorGrupo.sql");

    public async ValueTask<IReadOnlyDictionary<Guid, decimal>> Handle(ObtenerRecaudacionPorGrupo request, CancellationToken cancellationToken)
    {
        var pares = request.Clientes.Distinct().ToList();
        if (pares.Count == 0)
            return new Dictionary<Guid, decimal>();
        await using var comando = await ConsultasIndicadores.ComandoAsync(db, Sql, cancellationToken);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = contexto.EmpresaId });
        comando.Parameters.Add(new NpgsqlParameter("desde", NpgsqlDbType.Date) { Value = request.Desde });
        comando.Parameters.Add(new NpgsqlParameter("hasta", NpgsqlDbType.Date) { Value = request.Hasta });
        comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = pares.Select(p => p.ClienteId).ToArray() });
        comando.Parameters.Add(new NpgsqlParameter("grupos", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = pares.Select(p => p.GrupoId).ToArray() });
        var porGrupo = new Dictionary<Guid, decimal>();
        await using var lector = await comando.ExecuteReaderAsync(cancellationToken);
        while (await lector.ReadAsync(cancellationToken))
            porGrupo[lector.GetGuid(0)] = lector.GetDecimal(1);
        return porGrupo;
    }
}

/// <summary>A KPI period, both days inclusive; its receivable at the beginning is the balance at the day before <see cref="Desde"/>.</summary>
public readonly record struct PeriodoIndicadores(DateOnly Desde, DateOnly Hasta)
{
    public int Dias => Hasta.DayNumber - Desde.DayNumber + 1;

    public static DateOnly InicioMes(DateOnly d) => new(d.Year, d.Month, 1);

    /// <summary>From the first of the cut-off's month to the cut-off.</summary>
    public static PeriodoIndicadores DelMes(DateOnly corte) => new(InicioMes(corte), corte);

    /// <summary>The <paramref name="meses"/> month-ends up to <paramref name="corte"/> (the last one is the cut-off itself), oldest first.</summary>
    public static IReadOnlyList<PeriodoIndicadores> Meses(DateOnly corte, int meses) =>
        Enumerable.Range(0, Math.Max(meses, 1)).Reverse().Select(i =>
        {
            if (i == 0)
                return DelMes(corte);
            var inicio = InicioMes(corte).AddMonths(-i);
            return new PeriodoIndicadores(inicio, inicio.AddMonths(1).AddDays(-1));
        }).ToList();
}

/// <summary>
/// The portfolio KPIs of groups of clients over periods. The receivables at each period's ends are the aging's own balances
/// at those dates (<see cref="ConsultaAntiguedad"/>, with the buckets por vencer, 1-90 and more than 90 days past due), so
/// a past period answers what the portfolio was then; the flows (credit sales, write-offs, collections) come from
/// <c>FlujosIndicadores.sql</c> per group and day.
/// </summary>
public static class CalculoIndicadores
{
    /// <summary>How far back the countback DSO walks: a receivable older than this counts as these months' days.</summary>
    public const int MesesCountback = 36;

    private static readonly IReadOnlyList<Tramo> TramosIndicadores = [new("por_vencer", null, 0), new("1_90", 1, 90), new("mas_90", 91, null)];
    private static readonly string SqlFlujos = SqlCartera.Leer("Reportes/FlujosIndicadores.sql");

    private sealed record Saldos(decimal Total, decimal PorVencer, decimal Vencido, decimal Mas90)
    {
        public static readonly Saldos Cero = new(0, 0, 0, 0);

        public Saldos Mas(FilaAntiguedad f) => new(Total + f.Total, PorVencer + f.Montos[0], Vencido + f.Montos[1] + f.Montos[2], Mas90 + f.Montos[2]);
    }

    private sealed record Flujo(char Tipo, DateOnly Fecha, DateOnly? Anulacion, decimal Monto);

    /// <summary>
    /// For each group (its clients; null = the whole company), the KPIs of each period, in the order given. With <paramref name="hoy"/>
    /// and the whole company, the balances at closed month-ends are the monthly series' cached agings (<see cref="SerieMensual"/>):
    /// the same statement at the same date, so the same figures, and a back-dated fact invalidates them as it does the series.
    /// </summary>
    public static async Task<IReadOnlyList<IndicadoresCartera>[]> CalcularAsync(CarteraDbContext db, Guid empresa, IReadOnlyList<IReadOnlyCollection<Guid>?> grupos,
        IReadOnlyList<PeriodoIndicadores> periodos, CancellationToken ct, DateOnly? hoy = null)
    {
        var empresaEntera = grupos.Count == 1 && grupos[0] is null;
        var gruposDeCliente = new Dictionary<Guid, List<int>>();
        if (!empresaEntera)
        {
            for (var g = 0; g < grupos.Count; g++)
            {
                foreach (var c in grupos[g] ?? [])
                {
                    if (!gruposDeCliente.TryGetValue(c, out var lista))
                        gruposDeCliente[c] = lista = [];
                    if (!lista.Contains(g))
                        lista.Add(g);
                }
            }
        }

        // Every balance needed: at each period's end and on the day before each period's beginning.
        var fechas = periodos.SelectMany(p => new[] { p.Hasta, p.Desde.AddDays(-1) }).Distinct().Order().ToList();
        var saldos = new Dictionary<DateOnly, Saldos[]>();
        if (empresaEntera && hoy is { } dia && fechas.Where(f => f.AddDays(1).Day == 1 && f < dia).ToList() is { Count: > 0 } cerrados)
        {
            var ajustes = await AjustesCartera.CargarAsync(db, ct);
            var puntos = cerrados.Select(f => (PeriodoIndicadores.InicioMes(f), f)).ToList();
            foreach (var c in await SerieMensual.CortesAsync(db, empresa, ajustes, puntos, dia, null, ct))
                saldos[c.Corte] = [new Saldos(c.Total, c.Montos[0], c.Vencido, c.MasDe(SerieMensual.Dias90))];
        }

        foreach (var fecha in fechas.Where(f => !saldos.ContainsKey(f)))
        {
            var porGrupo = Enumerable.Repeat(Saldos.Cero, grupos.Count).ToArray();
            if (empresaEntera || gruposDeCliente.Count > 0)
            {
                var (filas, totales) = await ConsultaAntiguedad.EjecutarAsync(db, new OpcionesAntiguedad(empresa, fecha, TramosIndicadores) { PorCliente = !empresaEntera }, ct);
                if (empresaEntera)
                    porGrupo[0] = Saldos.Cero.Mas(totales);
                else
                {
                    foreach (var f in filas)
                    {
                        if (gruposDeCliente.TryGetValue(f.ClienteId!.Value, out var gs))
                        {
                            foreach (var g in gs)
                                porGrupo[g] = porGrupo[g].Mas(f);
                        }
                    }
                }
            }

            saldos[fecha] = porGrupo;
        }

        var hasta = periodos.Max(p => p.Hasta);
        var desde = periodos.Min(p => p.Desde);
        var inicioVentas = PeriodoIndicadores.InicioMes(periodos.Min(p => p.Hasta)).AddMonths(-MesesCountback);
        if (desde < inicioVentas)
            inicioVentas = desde;
        var flujos = Enumerable.Range(0, grupos.Count).Select(_ => new List<Flujo>()).ToArray();
        if (empresaEntera || gruposDeCliente.Count > 0)
        {
            await using var comando = await ConsultasIndicadores.ComandoAsync(db, SqlFlujos, ct);
            comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
            comando.Parameters.Add(new NpgsqlParameter("inicio_ventas", NpgsqlDbType.Date) { Value = inicioVentas });
            comando.Parameters.Add(new NpgsqlParameter("desde", NpgsqlDbType.Date) { Value = desde });
            comando.Parameters.Add(new NpgsqlParameter("hasta", NpgsqlDbType.Date) { Value = hasta });
            var pares = gruposDeCliente.SelectMany(p => p.Value.Select(g => (Cliente: p.Key, Grupo: g))).ToList();
            comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = empresaEntera ? DBNull.Value : pares.Select(p => p.Cliente).ToArray() });
            comando.Parameters.Add(new NpgsqlParameter("grupos", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = empresaEntera ? DBNull.Value : pares.Select(p => p.Grupo).ToArray() });
            await using var lector = await comando.ExecuteReaderAsync(ct);
            while (await lector.ReadAsync(ct))
            {
                flujos[lector.GetInt32(1)].Add(new Flujo(lector.GetString(0)[0], lector.GetFieldValue<DateOnly>(2),
                    lector.IsDBNull(3) ? null : lector.GetFieldValue<DateOnly>(3), lector.GetDecimal(4)));
            }
        }

        return Enumerable.Range(0, grupos.Count)
            .Select(g => (IReadOnlyList<IndicadoresCartera>)periodos.Select(p => Indicadores(p, saldos[p.Desde.AddDays(-1)][g], saldos[p.Hasta][g], flujos[g])).ToList())
            .ToArray();
    }

    /// <summary>Credit sales issued between the two days and not cancelled by <paramref name="corte"/>.</summary>
    private static decimal Ventas(List<Flujo> flujos, DateOnly desde, DateOnly hasta, DateOnly corte) =>
        flujos.Where(f => f.Tipo == 'v' && f.Fecha >= desde && f.Fecha <= hasta && (f.Anulacion is null || f.Anulacion > corte)).Sum(f => f.Monto);

    private static decimal Suma(List<Flujo> flujos, char tipo, PeriodoIndicadores p) => flujos.Where(f => f.Tipo == tipo && f.Fecha >= p.Desde && f.Fecha <= p.Hasta).Sum(f => f.Monto);

    private static IndicadoresCartera Indicadores(PeriodoIndicadores p, Saldos inicial, Saldos final, List<Flujo> flujos)
    {
        var ventas = Ventas(flujos, p.Desde, p.Hasta, p.Hasta);
        var castigos = Suma(flujos, 'c', p);
        var recaudado = Suma(flujos, 'r', p);
        var dias = p.Dias;
        var dsoSimple = ventas > 0 ? final.Total / ventas * dias : 0;
        var mejorDso = ventas > 0 ? final.PorVencer / ventas * dias : 0;
        var denominadorCei = inicial.Total + ventas - final.PorVencer;
        var cei = denominadorCei > 0 ? (inicial.Total + ventas - final.Total) / denominadorCei * 100 : 0;
        return new IndicadoresCartera(
            p.Hasta, dias, final.Total, final.Vencido, final.Mas90, Redondear(Countback(flujos, final.Total, p.Hasta)), Redondear(dsoSimple),
            Redondear(mejorDso), Redondear(dsoSimple) - Redondear(mejorDso), Redondear(cei),
            Redondear(final.Total > 0 ? final.Vencido / final.Total * 100 : 0), Redondear(final.Total > 0 ? final.Mas90 / final.Total * 100 : 0),
            Redondear(ventas > 0 ? castigos / ventas * 100 : 0), ventas, recaudado);
    }

    /// <summary>
    /// Countback DSO: from the cut-off's month backwards, each month's credit sales are taken from the receivable and its days
    /// counted, until a month's sales exceed what is left, of which the proportional part of its days counts.
    /// </summary>
    private static decimal Countback(List<Flujo> flujos, decimal porCobrar, DateOnly corte)
    {
        var restante = porCobrar;
        decimal dias = 0;
        var fin = corte;
        for (var i = 0; i <= MesesCountback && restante > 0; i++)
        {
            var inicio = PeriodoIndicadores.InicioMes(fin);
            var diasMes = fin.DayNumber - inicio.DayNumber + 1;
            var ventas = Math.Max(Ventas(flujos, inicio, fin, corte), 0);
            if (ventas >= restante)
            {
                dias += restante / ventas * diasMes;
                restante = 0;
            }
            else
            {
                restante -= ventas;
                dias += diasMes;
            }

            fin = inicio.AddDays(-1);
        }

        return dias;
    }

    private static decimal Redondear(decimal valor) => Math.Round(valor, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The set-based statements of the portfolio KPIs, each in its <c>.sql</c> file beside this one.</summary>
public static class ConsultasIndicadores
{
    private static readonly string SqlRecaudacion = SqlCartera.Leer("Reportes/Recaudacion.sql");

    /// <summary>Payment money applied between the two dates inclusive, in CLP, reversals excluded (<c>Recaudacion.sql</c>).</summary>
    public static async Task<decimal> RecaudadoAsync(CarteraDbContext db, Guid empresa, DateOnly desde, DateOnly hasta, IReadOnlyCollection<Guid>? clientes, CancellationToken ct)
    {
        if (clientes is { Count: 0 })
            return 0;
        await using var comando = await ComandoAsync(db, SqlRecaudacion, ct);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
        comando.Parameters.Add(new NpgsqlParameter("desde", NpgsqlDbType.Date) { Value = desde });
        comando.Parameters.Add(new NpgsqlParameter("hasta", NpgsqlDbType.Date) { Value = hasta });
        comando.Parameters.Add(new NpgsqlParameter("clientes", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = clientes is null ? DBNull.Value : clientes.ToArray() });
        return (decimal)(await comando.ExecuteScalarAsync(ct))!;
    }

    internal static async Task<NpgsqlCommand> ComandoAsync(CarteraDbContext db, string sql, CancellationToken ct)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        return new NpgsqlCommand(sql, conexion) { CommandTimeout = SentenciaInforme.Segundos };
    }
}

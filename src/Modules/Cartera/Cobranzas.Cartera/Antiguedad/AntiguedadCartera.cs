using System.Data.Common;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Persistencia;
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

public sealed record GrupoAntiguedadDto(string Clave, string Nombre, IReadOnlyList<MontoTramoDto> Tramos, decimal Total);

public sealed record AntiguedadDto(
    DateOnly FechaCorte, string Agrupar, string Base, string Moneda, IReadOnlyList<Tramo> DefinicionTramos,
    IReadOnlyList<GrupoAntiguedadDto> Grupos, IReadOnlyList<MontoTramoDto> Totales, decimal Total, int TotalGrupos, int NumeroPagina, int TamanoPagina);

public sealed record AntiguedadCartera(DateOnly? FechaCorte, string? Agrupar, string? Base, Guid? ClienteId, int? Pagina, int? TamanoPagina) : IRequest<AntiguedadDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/cartera/antiguedad", async Task<Ok<AntiguedadDto>> ([AsParameters] AntiguedadCartera q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("AntiguedadCartera").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class AntiguedadCarteraValidator : AbstractValidator<AntiguedadCartera>
{
    public static readonly string[] Agrupaciones = ["cliente", "segmento", "empresa"];
    public static readonly string[] Bases = ["vencimiento", "emision"];

    public AntiguedadCarteraValidator()
    {
        RuleFor(x => x.Agrupar).Must(a => a is null || Agrupaciones.Contains(a)).WithMessage($"Agrupar debe ser uno de: {string.Join(", ", Agrupaciones)}.");
        RuleFor(x => x.Base).Must(b => b is null || Bases.Contains(b)).WithMessage($"Base debe ser una de: {string.Join(", ", Bases)}.");
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
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

        // Only the client grouping pages in SQL; segments are regrouped from the client rows, the company is the totals row.
        int? limite = agrupar switch { "cliente" => tomar, "empresa" => 0, _ => null };
        var (filas, totales) = await ConsultaAntiguedad.EjecutarAsync(db, contexto.EmpresaId, corte, baseDias, request.ClienteId, tramos, limite, agrupar == "cliente" ? saltar : 0, cancellationToken);

        List<GrupoAntiguedadDto> grupos;
        var totalGrupos = totales.Grupos;
        switch (agrupar)
        {
            case "cliente":
                var clientes = await ResolucionCliente.PorIdAsync(mediator, filas.Select(f => f.ClienteId!.Value), cancellationToken);
                grupos = filas.Select(f => new GrupoAntiguedadDto(
                    f.ClienteId!.Value.ToString(), clientes.TryGetValue(f.ClienteId.Value, out var c) ? $"{c.Rut} {c.RazonSocial}" : "", Montos(tramos, f.Montos), f.Total)).ToList();
                break;
            case "segmento":
                var info = await ResolucionCliente.PorIdAsync(mediator, filas.Select(f => f.ClienteId!.Value), cancellationToken);
                var porSegmento = filas.GroupBy(f => info.TryGetValue(f.ClienteId!.Value, out var c) ? c.Segmento : "(sin segmento)")
                    .Select(g => new GrupoAntiguedadDto(g.Key, g.Key, Montos(tramos, Enumerable.Range(0, tramos.Count).Select(i => g.Sum(f => f.Montos[i])).ToArray()), g.Sum(f => f.Total)))
                    .OrderByDescending(g => g.Total).ThenBy(g => g.Clave).ToList();
                totalGrupos = porSegmento.Count;
                grupos = porSegmento.Skip(saltar).Take(tomar).ToList();
                break;
            default:
                totalGrupos = 1;
                grupos = [new GrupoAntiguedadDto("empresa", "Empresa", Montos(tramos, totales.Montos), totales.Total)];
                break;
        }

        return new AntiguedadDto(corte, agrupar, baseDias, Monedas.Clp, tramos, grupos, Montos(tramos, totales.Montos), totales.Total, totalGrupos, pagina, tamano);
    }

    private static List<MontoTramoDto> Montos(IReadOnlyList<Tramo> tramos, decimal[] montos) => tramos.Select((t, i) => new MontoTramoDto(t.Codigo, montos[i])).ToList();
}

/// <summary>A client's row (or, with <c>ClienteId</c> null, the totals); <c>Grupos</c> counts the clients only when a page of clients was asked for.</summary>
public sealed record FilaAntiguedad(Guid? ClienteId, decimal[] Montos, decimal Total, int Grupos);

/// <summary>
/// Aging at a cut-off date in one statement: each installment's balance as it was that day (only
/// applications dated on or before it and not yet reversed then; documents issued by then and not
/// yet cancelled, written off or ceded to a factor), converted to CLP at the day's UF value, summed per client and bucket. The last
/// row (client NULL) carries the totals, so a page past the end still answers them.
/// <para>
/// The work is proportional to the open installments plus what changed after the cut-off, never to the paid history.
/// An installment's balance is kept equal to its amount less its active (not reversed) applications, so its balance
/// at the cut-off is today's balance plus the active applications dated after the cut-off, less the applications
/// dated on or before it and reversed after it (they counted then, not now). A write-off zeroes the balances without
/// an application, and cancellation and factoring decide by date whether a document counts at all, so documents with
/// any of these (few) are rebuilt from their applications as before. For today's cut-off both sets of changes are
/// usually empty and the statement is one scan of the open installments' partial index.
/// </para>
/// </summary>
public static class ConsultaAntiguedad
{
    public static async Task<(List<FilaAntiguedad> Filas, FilaAntiguedad Totales)> EjecutarAsync(
        CarteraDbContext db, Guid empresa, DateOnly corte, string baseDias, Guid? cliente, IReadOnlyList<Tramo> tramos, int? limite, int saltar, CancellationToken ct)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conexion.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        await using var lote = new NpgsqlBatch(conexion) { BatchCommands = { Comando(empresa, corte, baseDias, cliente, tramos, limite, saltar) } };
        await using var lector = await lote.ExecuteReaderAsync(ct);
        return await LeerAsync(lector, corte, tramos.Count, ct);
    }

    /// <summary>The aging as one command of a batch (the account statement sends it with its own queries); read it with <see cref="LeerAsync"/>.</summary>
    public static NpgsqlBatchCommand Comando(Guid empresa, DateOnly corte, string baseDias, Guid? cliente, IReadOnlyList<Tramo> tramos, int? limite, int saltar)
    {
        var porCliente = limite != 0;
        var columnas = string.Join(",\n    ", tramos.Select((t, i) => $"COALESCE(sum(saldo_clp) FILTER (WHERE {Condicion(t)}), 0) AS t{i}"));
        var sumas = string.Join(", ", tramos.Select((_, i) => $"COALESCE(sum(t{i}), 0)"));
        var lista = string.Join(", ", tramos.Select((_, i) => $"t{i}"));
        var clienteC = cliente is not null ? "AND c.cliente_id = @cliente" : "";
        var claveCliente = porCliente ? "cliente_id" : "NULL::uuid";
        // The open installments are summed straight from the partial index, with no reference to the CTEs, so the planner can
        // give that aggregate parallel workers; the (usually empty) corrections then take away the open installments touched
        // after the cut-off and add their balance at the cut-off. n counts installments with a balance, so a client whose
        // open installments were all paid by the cut-off drops out as if it had no rows.
        string Agregado(string origen, string cuenta) => $"""
                SELECT {claveCliente} AS cliente_id, @corte - CASE WHEN @base = 'emision' THEN fecha_emision ELSE fecha_vencimiento END AS dias,
                       sum({SaldoClp("saldo", "moneda")}) AS saldo_clp,
                       COALESCE(sum({cuenta}) FILTER (WHERE moneda = 'UF' AND NOT EXISTS (SELECT 1 FROM cartera.valores_uf WHERE fecha = @corte)), 0) AS sin_uf,
                       COALESCE(sum({cuenta}) FILTER (WHERE moneda = 'USD' AND NOT EXISTS (SELECT 1 FROM cartera.valores_dolar WHERE fecha = @corte)), 0) AS sin_cambio,
                       sum({cuenta}) AS n
                {origen}
                GROUP BY 1, 2
            """;
        var sql = $"""
            WITH {CteCambios(cliente is not null)},
            correcciones AS (
                SELECT c.cliente_id, c.moneda, c.fecha_emision, c.fecha_vencimiento, -c.saldo AS saldo, -1 AS n
                FROM tocadas t JOIN cartera.cuotas c ON c.documento_id = t.documento_id AND c.numero = t.numero
                WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.fecha_emision <= @corte {clienteC}
                UNION ALL
                {SqlTocadasAlCorte(clienteC, "1 AS n")}
            ),
            por_dia AS (
            {Agregado($"FROM cartera.cuotas c WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.fecha_emision <= @corte {clienteC}", "1")}
                UNION ALL
            {Agregado("FROM correcciones", "n")}
            ),
            grupos AS (
                SELECT cliente_id,
                {columnas},
                COALESCE(sum(saldo_clp), 0) AS total, sum(sin_uf) AS sin_uf, sum(sin_cambio) AS sin_cambio
                FROM por_dia GROUP BY cliente_id HAVING sum(n) > 0
            )
            SELECT * FROM (
                SELECT cliente_id, {lista}, total, sin_uf, sin_cambio, 0::bigint AS grupos FROM grupos
                WHERE cliente_id IS NOT NULL
                ORDER BY total DESC, cliente_id LIMIT @limite OFFSET @saltar
            ) pagina
            UNION ALL
            SELECT NULL, {sumas}, COALESCE(sum(total), 0), COALESCE(sum(sin_uf), 0), COALESCE(sum(sin_cambio), 0), {(porCliente ? "count(*)" : "0::bigint")} FROM grupos
            """;

        var comando = new NpgsqlBatchCommand(sql);
        comando.Parameters.Add(new NpgsqlParameter("empresa", NpgsqlDbType.Uuid) { Value = empresa });
        comando.Parameters.Add(new NpgsqlParameter("corte", NpgsqlDbType.Date) { Value = corte });
        comando.Parameters.Add(new NpgsqlParameter("base", NpgsqlDbType.Text) { Value = baseDias });
        comando.Parameters.Add(new NpgsqlParameter("cliente", NpgsqlDbType.Uuid) { Value = (object?)cliente ?? DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("limite", NpgsqlDbType.Integer) { Value = (object?)limite ?? DBNull.Value });
        comando.Parameters.Add(new NpgsqlParameter("saltar", NpgsqlDbType.Integer) { Value = saltar });
        return comando;
    }

    /// <summary>Reads the aging's result set (the reader's current one): the page of client rows and the totals.</summary>
    public static async Task<(List<FilaAntiguedad> Filas, FilaAntiguedad Totales)> LeerAsync(NpgsqlDataReader lector, DateOnly corte, int cantidadTramos, CancellationToken ct)
    {
        var filas = new List<FilaAntiguedad>();
        FilaAntiguedad? totales = null;
        long sinUf = 0, sinCambio = 0;
        while (await lector.ReadAsync(ct))
        {
            var fila = Leer(lector, cantidadTramos);
            if (fila.ClienteId is null)
            {
                totales = fila;
                sinUf = lector.GetInt64(cantidadTramos + 2);
                sinCambio = lector.GetInt64(cantidadTramos + 3);
            }
            else
                filas.Add(fila);
        }

        VerificarCambios(corte, sinUf, sinCambio);
        return (filas, totales!);
    }

    private static FilaAntiguedad Leer(DbDataReader lector, int tramos) =>
        new(lector.IsDBNull(0) ? null : lector.GetGuid(0),
            Enumerable.Range(1, tramos).Select(lector.GetDecimal).ToArray(),
            lector.GetDecimal(tramos + 1),
            (int)lector.GetInt64(tramos + 4));

    /// <summary>
    /// <c>saldos</c>: one row per installment with a balance at <c>@corte</c> (client, currency, emission, due date, balance),
    /// for <c>@empresa</c> (and <c>@cliente</c> when <paramref name="deCliente"/>). Also read by the account statement.
    /// </summary>
    public static string CteSaldos(bool deCliente)
    {
        var clienteC = deCliente ? "AND c.cliente_id = @cliente" : "";
        return $"""
            {CteCambios(deCliente)},
            saldos AS (
                -- Open now and untouched since the cut-off (the usual case: no anti-join at all when nothing was touched).
                SELECT c.cliente_id, c.moneda, c.fecha_emision, c.fecha_vencimiento, c.saldo, c.documento_id, c.numero
                FROM cartera.cuotas c
                WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.fecha_emision <= @corte {clienteC}
                  AND NOT EXISTS (SELECT 1 FROM tocadas)
                UNION ALL
                SELECT c.cliente_id, c.moneda, c.fecha_emision, c.fecha_vencimiento, c.saldo, c.documento_id, c.numero
                FROM cartera.cuotas c
                WHERE c.empresa_id = @empresa AND c.saldo > 0 AND c.fecha_emision <= @corte {clienteC}
                  AND EXISTS (SELECT 1 FROM tocadas)
                  AND NOT EXISTS (SELECT 1 FROM tocadas t WHERE t.documento_id = c.documento_id AND t.numero = c.numero)
                UNION ALL
                {SqlTocadasAlCorte(clienteC, "c.documento_id, c.numero")}
            )
            """;
    }

    /// <summary>
    /// <c>ajustes</c> (what changed after <c>@corte</c> per installment), <c>especiales</c> (documents cancelled, written off or ceded)
    /// and <c>tocadas</c> (the installments of either, whose balance at the cut-off is not today's).
    /// </summary>
    private static string CteCambios(bool deCliente)
    {
        var clienteD = deCliente ? "AND d.cliente_id = @cliente" : "";
        return $"""
            ajustes AS MATERIALIZED (
                -- What changed after the cut-off, per installment: active applications dated after it are added back,
                -- applications that counted at the cut-off and were reversed after it are taken away again.
                SELECT documento_id, cuota, sum(monto) AS ajuste FROM (
                    SELECT a.documento_id, a.cuota, a.monto FROM cartera.aplicaciones a
                    WHERE a.empresa_id = @empresa AND a.fecha_reversa IS NULL AND a.fecha > @corte
                    UNION ALL
                    SELECT a.documento_id, a.cuota, -a.monto FROM cartera.aplicaciones a
                    WHERE a.empresa_id = @empresa AND a.fecha_reversa > @corte AND a.fecha <= @corte
                ) x GROUP BY documento_id, cuota
            ),
            especiales AS MATERIALIZED (
                SELECT d.id, d.cliente_id, d.moneda, d.fecha_emision, d.fecha_anulacion, d.fecha_castigo, d.fecha_cesion, d.fecha_recompra
                FROM cartera.documentos d
                WHERE d.empresa_id = @empresa AND (d.fecha_anulacion IS NOT NULL OR d.fecha_castigo IS NOT NULL OR d.fecha_cesion IS NOT NULL) {clienteD}
            ),
            tocadas AS MATERIALIZED (
                SELECT documento_id, cuota AS numero FROM ajustes
                UNION
                SELECT c.documento_id, c.numero FROM especiales e JOIN cartera.cuotas c ON c.documento_id = e.id
            )
            """;
    }

    /// <summary>The touched installments (<c>tocadas</c>) with a balance at the cut-off: client, currency, emission, due date, balance and <paramref name="extra"/>.</summary>
    private static string SqlTocadasAlCorte(string clienteC, string extra) => $"""
        -- Touched after the cut-off (open or paid now): today's balance plus the adjustment.
                SELECT c.cliente_id, c.moneda, c.fecha_emision, c.fecha_vencimiento, c.saldo + aj.ajuste AS saldo, {extra}
                FROM ajustes aj JOIN cartera.cuotas c ON c.documento_id = aj.documento_id AND c.numero = aj.cuota
                WHERE c.empresa_id = @empresa AND c.fecha_emision <= @corte AND c.saldo + aj.ajuste > 0 {clienteC}
                  AND NOT EXISTS (SELECT 1 FROM especiales e WHERE e.id = c.documento_id)
                UNION ALL
                -- Cancelled, written off or ceded (now or once): rebuilt from the applications, if the document counts at the cut-off.
                SELECT e.cliente_id, e.moneda, e.fecha_emision, c.fecha_vencimiento, c.monto - COALESCE(ap.aplicado, 0), {extra}
                FROM especiales e
                JOIN cartera.cuotas c ON c.documento_id = e.id
                LEFT JOIN LATERAL (
                    SELECT sum(a.monto) AS aplicado FROM cartera.aplicaciones a
                    WHERE a.documento_id = c.documento_id AND a.cuota = c.numero AND a.fecha <= @corte
                      AND (a.fecha_reversa IS NULL OR a.fecha_reversa > @corte)
                ) ap ON true
                WHERE e.fecha_emision <= @corte
                  AND (e.fecha_anulacion IS NULL OR e.fecha_anulacion > @corte)
                  AND (e.fecha_castigo IS NULL OR e.fecha_castigo > @corte)
                  AND (e.fecha_cesion IS NULL OR e.fecha_cesion > @corte OR e.fecha_recompra <= @corte)
                  AND c.monto - COALESCE(ap.aplicado, 0) > 0
        """;

    /// <summary>An installment's balance in CLP at <c>@corte</c> (UF and USD at that day's value, rounded per installment); NULL when the value is missing.</summary>
    public static string SaldoClp(string saldo, string moneda) =>
        $"CASE {moneda} WHEN 'CLP' THEN {saldo} WHEN 'UF' THEN round({saldo} * (SELECT valor FROM cartera.valores_uf WHERE fecha = @corte)) " +
        $"WHEN 'USD' THEN round({saldo} * (SELECT valor FROM cartera.valores_dolar WHERE fecha = @corte)) END";

    /// <summary>Whether <paramref name="dias"/> past the base date fall in the bucket (the same test as the statement's SQL filters).</summary>
    public static bool EnTramo(Tramo t, int dias) => (t.Desde, t.Hasta) switch
    {
        (null, { } h) => dias <= h,
        ({ } d, null) => dias >= d,
        ({ } d, { } h) => dias >= d && dias <= h,
        _ => true,
    };

    /// <summary>The "falta valor" error <see cref="LeerAsync"/> raises when installments in UF (first) or USD have no value for the cut-off.</summary>
    public static void VerificarCambios(DateOnly corte, long sinUf, long sinCambio)
    {
        if (sinUf > 0)
            throw new ReglaNegocioException("fechaCorte", "falta_valor_uf", $"Falta el valor UF del {corte:yyyy-MM-dd} para convertir los documentos en UF; cárguelo en /api/v1/valores-uf.");
        if (sinCambio > 0)
            throw new ReglaNegocioException("fechaCorte", "falta_valor_dolar", $"Falta el dólar observado del {corte:yyyy-MM-dd} para convertir los documentos en USD; cárguelo en /api/v1/valores-dolar.");
    }

    private static string Condicion(Tramo t) => (t.Desde, t.Hasta) switch
    {
        (null, { } h) => $"dias <= {h}",
        ({ } d, null) => $"dias >= {d}",
        ({ } d, { } h) => $"dias BETWEEN {d} AND {h}",
        _ => "true",
    };
}

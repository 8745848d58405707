using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bogus;
using Cobranzas.Cartera.Documentos;
using Cobranzas.SharedKernel.Tiempo;
using Npgsql;

namespace Cobranzas.Bench;

/// <summary>
/// Portfolio reports (issue 14 §1): open documents issued over the last two years and the paid history (both by COPY,
/// as the Cartera part loads them), then the concentration report and the 24-month morosity series through the API
/// against raw SQL computing the same figures, and the series against one aging (goal: under 3x).
/// </summary>
public static class BancoReportesCartera
{
    public static async Task EjecutarAsync(HttpClient http, NpgsqlDataSource fuente, Guid empresa, double escala)
    {
        var clientes = new List<Guid>();
        await using (var cmd = fuente.CreateCommand("SELECT id FROM clientes.clientes WHERE empresa_id = @e ORDER BY rut"))
        {
            cmd.Parameters.AddWithValue("e", empresa);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                clientes.Add(r.GetGuid(0));
        }

        var abiertos = (int)(1_000_000 * escala);
        var historia = (int)(4_000_000 * escala);
        var hoy = FechaNegocio.Hoy(TimeProvider.System).AddDays(-1);
        var repeticiones = escala <= 0.3 ? 30 : 10;

        // Open documents issued over the last 720 days (due 30 days later), a few large clients so the concentration
        // is not flat: one client in fifty gets ten times the amounts.
        var f = new Randomizer(14);
        var docs = Enumerable.Range(0, abiertos).Select(i =>
        {
            var emision = hoy.AddDays(-f.Int(0, 720));
            var cliente = clientes[f.Int(0, clientes.Count - 1)];
            var neto = (decimal)f.Int(10_000, 1_000_000) * (cliente.GetHashCode() % 50 == 0 ? 10 : 1);
            var iva = Math.Round(neto * 0.19m);
            return new DatosDocumento("33", i + 1, cliente, null, emision, emision.AddDays(30), null, "CLP", neto, 0, iva, neto + iva, null, "erp", null, null);
        }).ToList();
        var sw = Stopwatch.StartNew();
        await using (var c = await fuente.OpenConnectionAsync())
            await BancoCartera.CopiarDocumentosAsync(c, empresa, docs, pagado: false);
        await BancoCartera.CargarHistoriaAsync(fuente, empresa, clientes, historia, hoy);
        await BancoCartera.AsentarAsync(fuente);
        Console.WriteLine();
        Console.WriteLine($"Reportes de cartera, escala {escala.ToString(CultureInfo.InvariantCulture)}: {clientes.Count:N0} clientes, {abiertos:N0} documentos abiertos (24 meses), {historia:N0} pagados de historia, cargados por COPY en {sw.Elapsed.TotalSeconds:N0} s; corte {hoy:yyyy-MM-dd}; medianas de {repeticiones}.");
        Console.WriteLine();
        Console.WriteLine("| escenario | API | SQL directo | razón |");
        Console.WriteLine("|---|---|---|---|");

        // 1. Concentration: top 20 with share and overdue, Herfindahl over every client.
        var concentracionSql = """
            WITH s AS (
                SELECT cliente_id, sum(saldo) AS saldo, COALESCE(sum(saldo) FILTER (WHERE fecha_vencimiento < @corte), 0) AS vencido
                FROM cartera.cuotas WHERE empresa_id = @e AND saldo > 0 AND vigente AND fecha_emision <= @corte GROUP BY cliente_id),
            t AS (SELECT sum(saldo) AS total FROM s)
            SELECT (SELECT round(sum((s.saldo / t.total) ^ 2), 6) FROM s, t) AS herfindahl,
                   (SELECT sum(saldo) FROM (SELECT saldo FROM s ORDER BY saldo DESC, cliente_id LIMIT 20) x) AS top20,
                   (SELECT total FROM t) AS total
            """;
        // At today's business date the report reads the per-client read model; at a past cut-off (yesterday) the as-of statement.
        foreach (var (corte, cual) in new[] { (FechaNegocio.Hoy(TimeProvider.System), "al día de hoy"), (hoy, "a fecha pasada (ayer)") })
        {
            var urlConcentracion = $"/api/v1/reportes/concentracion?fechaCorte={corte:yyyy-MM-dd}&cantidad=20";
            {
                var api = JsonDocument.Parse(await http.GetStringAsync(urlConcentracion)).RootElement;
                await using var cmd = fuente.CreateCommand(concentracionSql);
                cmd.Parameters.AddWithValue("e", empresa);
                cmd.Parameters.AddWithValue("corte", corte);
                await using var r = await cmd.ExecuteReaderAsync();
                await r.ReadAsync();
                var (herf, top20, total) = (r.GetDecimal(0), r.GetDecimal(1), r.GetDecimal(2));
                var apiTop20 = api.GetProperty("principales").EnumerateArray().Sum(p => p.GetProperty("saldo").GetDecimal());
                var iguales = api.GetProperty("indiceHerfindahl").GetDecimal() == herf && apiTop20 == top20 && api.GetProperty("total").GetDecimal() == total;
                Console.WriteLine($"| (concentración {cual}, {corte:yyyy-MM-dd}: total {total:N0}, 20 mayores {top20:N0}, Herfindahl {herf} — API igual a SQL: {(iguales ? "sí" : "NO")}) | | | |");
            }

            await BancoCartera.Comparar($"concentración de deuda {cual} (20 mayores + Herfindahl sobre {clientes.Count:N0} clientes)", repeticiones,
                () => http.GetStringAsync(urlConcentracion), () => BancoCartera.SqlAsync(fuente, concentracionSql, empresa, corte, null));
        }

        // 2. Morosity series, 24 month-ends. Raw baseline: the same figures from issued amounts minus applications by
        // date (valid for this data: CLP, no cancellations, write-offs or reversals), one statement for the 24 months.
        var morosidadSql = """
            WITH meses AS (
                SELECT LEAST((date_trunc('month', @corte::timestamp) - make_interval(months => i) + interval '1 month - 1 day')::date, @corte) AS fin
                FROM generate_series(0, 23) i),
            cu AS (SELECT fecha_emision, fecha_vencimiento, sum(monto) AS m FROM cartera.cuotas WHERE empresa_id = @e AND vigente GROUP BY 1, 2),
            ap AS (
                SELECT a.fecha, c.fecha_vencimiento, sum(a.monto) AS m
                FROM cartera.aplicaciones a JOIN cartera.cuotas c ON c.documento_id = a.documento_id AND c.numero = a.cuota
                WHERE a.empresa_id = @e AND a.fecha_reversa IS NULL GROUP BY 1, 2)
            SELECT fin,
                   (SELECT COALESCE(sum(m), 0) FROM cu WHERE fecha_emision <= fin) - (SELECT COALESCE(sum(m), 0) FROM ap WHERE fecha <= fin) AS total,
                   (SELECT COALESCE(sum(m), 0) FROM cu WHERE fecha_emision <= fin AND fecha_vencimiento < fin)
                     - (SELECT COALESCE(sum(m), 0) FROM ap WHERE fecha <= fin AND fecha_vencimiento < fin) AS vencido,
                   (SELECT COALESCE(sum(m), 0) FROM cu WHERE fecha_emision <= fin AND fecha_vencimiento < fin - 90)
                     - (SELECT COALESCE(sum(m), 0) FROM ap WHERE fecha <= fin AND fecha_vencimiento < fin - 90) AS mas90
            FROM meses ORDER BY fin
            """;
        var urlMorosidad = $"/api/v1/reportes/morosidad?fechaCorte={hoy:yyyy-MM-dd}&meses=24";
        sw.Restart();
        var serie = JsonDocument.Parse(await http.GetStringAsync(urlMorosidad)).RootElement.GetProperty("meses").EnumerateArray()
            .Select(m => (m.GetProperty("corte").GetString(), m.GetProperty("total").GetDecimal(), m.GetProperty("vencido").GetDecimal(), m.GetProperty("mas90").GetDecimal())).ToList();
        var frio = sw.Elapsed.TotalMilliseconds;
        {
            await using var cmd = fuente.CreateCommand(morosidadSql);
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("corte", hoy);
            await using var r = await cmd.ExecuteReaderAsync();
            var crudo = new List<(string?, decimal, decimal, decimal)>();
            while (await r.ReadAsync())
                crudo.Add((r.GetFieldValue<DateOnly>(0).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetDecimal(1), r.GetDecimal(2), r.GetDecimal(3)));
            var distintos = serie.Zip(crudo).Count(p => p.First != p.Second);
            Console.WriteLine($"| (morosidad: 24 meses, último total {serie[^1].Item2:N0}, vencido {serie[^1].Item3:N0}, >90 {serie[^1].Item4:N0} — meses distintos API/SQL: {distintos}) | | | |");
        }

        Console.WriteLine($"| serie de morosidad de 24 meses, primera llamada (sin caché: 24 antigüedades a fin de mes) | {frio:N1} ms | | |");
        var (mApi, _) = await BancoCartera.Comparar("serie de morosidad de 24 meses (meses cerrados en caché)", repeticiones,
            () => http.GetStringAsync(urlMorosidad), () => BancoCartera.SqlAsync(fuente, morosidadSql, empresa, hoy, null));
        var urlAntiguedad = $"/api/v1/cartera/antiguedad?fechaCorte={hoy:yyyy-MM-dd}&agrupar=empresa";
        var tAntiguedad = await BancoCartera.Mediana(() => http.GetStringAsync(urlAntiguedad), repeticiones);
        Console.WriteLine($"| serie de 24 meses vs una antigüedad por API ({tAntiguedad:N1} ms) | {mApi:N1} ms | | {mApi / tAntiguedad:N2}x de una antigüedad (meta < 3x); primera llamada {frio / tAntiguedad:N1}x |");
    }
}

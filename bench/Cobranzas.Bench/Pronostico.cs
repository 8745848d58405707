using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bogus;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Importaciones;
using Npgsql;

namespace Cobranzas.Bench;

/// <summary>
/// The 13-week receipts forecast (issue 14 §3) at scale s: 100k·s clients, 1M·s open documents and 4M·s paid history
/// (COPY), against one SQL statement computing the same weekly expected figure (same profiles, same conditioning,
/// same fallbacks; the bench has no promises). Then the backtest's error, model vs naive.
/// </summary>
public static class BancoPronostico
{
    internal const string PronosticoSql = """
        WITH obs AS (
            SELECT c.cliente_id, a.fecha - c.fecha_vencimiento AS dias, sum(power(0.5, (@corte - a.fecha) / 180.0)) AS peso, count(*) AS n
            FROM cartera.aplicaciones a JOIN cartera.cuotas c ON c.documento_id = a.documento_id AND c.numero = a.cuota
            WHERE a.empresa_id = @e AND a.pago_id IS NOT NULL AND a.fecha_reversa IS NULL AND a.fecha <= @corte AND a.fecha > @corte - 730
            GROUP BY 1, 2),
        seg AS (SELECT id, segmento FROM clientes.clientes WHERE empresa_id = @e),
        ncli AS (SELECT cliente_id, sum(n) AS n FROM obs GROUP BY 1),
        nseg AS (SELECT s.segmento, sum(o.n) AS n FROM obs o JOIN seg s ON s.id = o.cliente_id GROUP BY 1),
        perfiles AS (
            SELECT 'c:' || o.cliente_id AS clave, o.dias, o.peso FROM obs o JOIN ncli n ON n.cliente_id = o.cliente_id WHERE n.n >= 4
            UNION ALL
            SELECT 's:' || s.segmento, o.dias, sum(o.peso) FROM obs o JOIN seg s ON s.id = o.cliente_id JOIN nseg n ON n.segmento = s.segmento
            WHERE n.n >= 10 GROUP BY 1, 2
            UNION ALL
            SELECT 'e', dias, sum(peso) FROM obs GROUP BY 2),
        maximos AS (SELECT clave, max(dias) AS maximo FROM perfiles GROUP BY 1),
        abiertas AS (
            SELECT c.documento_id, c.numero, c.fecha_vencimiento AS v, c.saldo,
                   CASE WHEN nc.n >= 4 THEN 'c:' || c.cliente_id WHEN ns.n >= 10 THEN 's:' || s.segmento ELSE 'e' END AS clave
            FROM cartera.cuotas c
            LEFT JOIN ncli nc ON nc.cliente_id = c.cliente_id LEFT JOIN seg s ON s.id = c.cliente_id LEFT JOIN nseg ns ON ns.segmento = s.segmento
            WHERE c.empresa_id = @e AND c.saldo > 0 AND c.vigente AND c.fecha_emision <= @corte),
        posibles AS (
            SELECT a.saldo, greatest(0, (a.v + p.dias - @inicio) / 7) AS semana,
                   p.peso / sum(p.peso) OVER (PARTITION BY a.documento_id, a.numero) AS prob
            FROM abiertas a JOIN perfiles p ON p.clave = a.clave AND p.dias > @corte - a.v),
        mas_alla AS (
            SELECT a.saldo * power(0.5, greatest(0, (@corte - a.v) - m.maximo) / 30.0) AS monto
            FROM abiertas a JOIN maximos m ON m.clave = a.clave WHERE @corte - a.v >= m.maximo)
        SELECT semana, round(sum(monto)) FROM (
            SELECT semana, saldo * prob AS monto FROM posibles WHERE semana < 13
            UNION ALL SELECT 0, monto FROM mas_alla) x
        GROUP BY semana ORDER BY semana
        """;

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
        var hoy = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-4));
        var sw = Stopwatch.StartNew();
        var f = new Randomizer(14);
        await using (var c = await fuente.OpenConnectionAsync())
        {
            await BancoCartera.CopiarDocumentosAsync(c, empresa, Enumerable.Range(0, abiertos).Select(i =>
            {
                var emision = hoy.AddDays(-f.Int(0, 120));
                var neto = (decimal)f.Int(10_000, 1_000_000);
                var iva = Math.Round(neto * 0.19m);
                return new DatosDocumento("33", i + 1, clientes[f.Int(0, clientes.Count - 1)], null, emision, emision.AddDays(30), null, "CLP", neto, 0, iva, neto + iva, null, "erp", null, null);
            }), pagado: false);
        }

        await BancoCartera.CargarHistoriaAsync(fuente, empresa, clientes, historia, hoy);
        await BancoCartera.AsentarAsync(fuente);
        Console.WriteLine();
        Console.WriteLine($"Pronóstico, escala {escala.ToString(CultureInfo.InvariantCulture)}: {clientes.Count:N0} clientes, {abiertos:N0} abiertos, {historia:N0} pagados de historia (COPY en {sw.Elapsed.TotalSeconds:N0} s); corte {hoy:yyyy-MM-dd}.");
        Console.WriteLine();
        Console.WriteLine("| escenario | API | SQL directo | razón |");
        Console.WriteLine("|---|---|---|---|");

        var inicio = hoy.AddDays(-(((int)hoy.DayOfWeek + 6) % 7));
        async Task<decimal[]> Sql()
        {
            await using var cmd = fuente.CreateCommand(PronosticoSql);
            cmd.CommandTimeout = 0;
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("corte", hoy);
            cmd.Parameters.AddWithValue("inicio", inicio);
            await using var r = await cmd.ExecuteReaderAsync();
            var semanas = new decimal[13];
            while (await r.ReadAsync())
                semanas[r.GetInt32(0)] = r.GetDecimal(1);
            return semanas;
        }

        async Task<decimal[]> Api()
        {
            var json = JsonDocument.Parse(await http.GetStringAsync("/api/v1/reportes/pronostico")).RootElement;
            return json.GetProperty("semanas").EnumerateArray().Select(s => s.GetProperty("esperado").GetDecimal()).ToArray();
        }

        var (api, sql) = (await Api(), await Sql());
        var diferencia = api.Zip(sql).Max(p => Math.Abs(p.First - p.Second));
        Console.WriteLine($"| (verificación: total API {api.Sum():N0}, SQL {sql.Sum():N0}; mayor diferencia por semana {diferencia:N0} CLP) | | | |");
        if (diferencia > 13)
            Console.WriteLine("AVISO: el pronóstico de la API y el del SQL directo difieren.");
        var veces = escala <= 0.3 ? 10 : 5;
        await BancoCartera.Comparar($"pronóstico a 13 semanas de toda la empresa ({abiertos:N0} abiertos, {historia:N0} de historia)", veces, Api, Sql, calentamiento: 3);

        sw.Restart();
        var bt = JsonDocument.Parse(await http.GetStringAsync("/api/v1/reportes/pronostico/backtest")).RootElement;
        Console.WriteLine($"| backtest (26 orígenes × 13 semanas, una vez) | {sw.Elapsed.TotalMilliseconds:N0} ms | | |");
        Console.WriteLine();
        Console.WriteLine($"Backtest: {bt.GetProperty("pares").GetInt32()} semanas comparadas; MAE modelo {bt.GetProperty("maeModelo").GetDecimal():N0} CLP, " +
                          $"ingenuo (paga al vencer) {bt.GetProperty("maeIngenuo").GetDecimal():N0} CLP, recaudación semanal media {bt.GetProperty("realMedio").GetDecimal():N0} CLP.");
    }
}

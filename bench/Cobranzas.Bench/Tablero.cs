using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bogus;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Importaciones;
using Npgsql;

namespace Cobranzas.Bench;

/// <summary>
/// The home dashboard (issue 14 §4) at scale s (100k·s clients, 1M·s open, 4M·s paid history, COPY), warm, against raw SQL computing the
/// same figures on one connection one after another: receivable by aging bucket, the 10 largest debtors, collected this month and last
/// month, and the 4-week forecast (the forecast scenario's statement). The dashboard also computes the 12 month-end DSO/CEI trend, the
/// week's promises and the critical cases, which the raw side does not: the ratio is a ceiling of the composition's cost.
/// </summary>
public static class BancoTablero
{
    private const string SaldosSql = """
        SELECT width_bucket(@corte - fecha_vencimiento, ARRAY[1, 31, 61, 91, 121]) AS tramo, sum(saldo)
        FROM cartera.cuotas WHERE empresa_id = @e AND saldo > 0 AND vigente AND fecha_emision <= @corte GROUP BY 1 ORDER BY 1;
        SELECT cliente_id, sum(saldo) FROM cartera.cuotas WHERE empresa_id = @e AND saldo > 0 AND vigente AND fecha_emision <= @corte
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10;
        SELECT coalesce(sum(monto) FILTER (WHERE fecha >= @mes), 0), coalesce(sum(monto) FILTER (WHERE fecha < @mes), 0) FROM cartera.aplicaciones
        WHERE empresa_id = @e AND pago_id IS NOT NULL AND fecha_reversa IS NULL AND fecha >= @anterior AND fecha <= @corte;
        """;

    public static async Task EjecutarAsync(HttpClient http, NpgsqlDataSource fuente, Guid empresa, double escala, bool reusar = false)
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
        var f = new Randomizer(4);
        if (reusar)
        {
            // Cold again: the month-end cache of the earlier run is emptied (the day's caches live in the process).
            await using var c = await fuente.OpenConnectionAsync();
            await new NpgsqlCommand("TRUNCATE cartera.cortes_mensuales", c).ExecuteNonQueryAsync();
        }
        else
        {
            await using (var c = await fuente.OpenConnectionAsync())
            {
                await BancoCartera.CopiarDocumentosAsync(c, empresa, Enumerable.Range(0, abiertos).Select(i =>
                {
                    var emision = hoy.AddDays(-f.Int(0, 200));
                    var neto = (decimal)f.Int(10_000, 1_000_000);
                    var iva = Math.Round(neto * 0.19m);
                    return new DatosDocumento("33", i + 1, clientes[f.Int(0, clientes.Count - 1)], null, emision, emision.AddDays(30), null, "CLP", neto, 0, iva, neto + iva, null, "erp", null, null);
                }), pagado: false);
            }

            await BancoCartera.CargarHistoriaAsync(fuente, empresa, clientes, historia, hoy);
            await BancoCartera.AsentarAsync(fuente);
        }

        Console.WriteLine();
        Console.WriteLine($"Tablero, escala {escala.ToString(CultureInfo.InvariantCulture)}: {clientes.Count:N0} clientes, {abiertos:N0} abiertos, {historia:N0} pagados de historia (COPY en {sw.Elapsed.TotalSeconds:N0} s); corte {hoy:yyyy-MM-dd}.");
        Console.WriteLine();
        Console.WriteLine("| escenario | API | SQL directo | razón |");
        Console.WriteLine("|---|---|---|---|");

        var mes = new DateOnly(hoy.Year, hoy.Month, 1);
        var lunes = hoy.AddDays(-(((int)hoy.DayOfWeek + 6) % 7));
        async Task<Cifras> Sql()
        {
            await using var c = await fuente.OpenConnectionAsync();
            var tramos = new decimal[6];
            var deudores = new List<decimal>();
            decimal recaudado, anterior;
            await using (var cmd = new NpgsqlCommand(SaldosSql, c))
            {
                cmd.Parameters.AddWithValue("e", empresa);
                cmd.Parameters.AddWithValue("corte", hoy);
                cmd.Parameters.AddWithValue("mes", mes);
                cmd.Parameters.AddWithValue("anterior", mes.AddMonths(-1));
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync())
                    tramos[r.GetInt32(0)] = r.GetDecimal(1);
                await r.NextResultAsync();
                while (await r.ReadAsync())
                    deudores.Add(r.GetDecimal(1));
                await r.NextResultAsync();
                await r.ReadAsync();
                (recaudado, anterior) = (r.GetDecimal(0), r.GetDecimal(1));
            }

            var semanas = new decimal[13];
            await using (var cmd = new NpgsqlCommand(BancoPronostico.PronosticoSql, c))
            {
                cmd.CommandTimeout = 0;
                cmd.Parameters.AddWithValue("e", empresa);
                cmd.Parameters.AddWithValue("corte", hoy);
                cmd.Parameters.AddWithValue("inicio", lunes);
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync())
                    semanas[r.GetInt32(0)] = r.GetDecimal(1);
            }

            return new Cifras(tramos, deudores.ToArray(), recaudado, anterior, semanas[..4]);
        }

        async Task<Cifras> Api()
        {
            var t = JsonDocument.Parse(await http.GetStringAsync("/api/v1/indicadores/tablero")).RootElement;
            return new Cifras(
                t.GetProperty("antiguedad").EnumerateArray().Select(a => a.GetProperty("monto").GetDecimal()).ToArray(),
                t.GetProperty("principalesDeudores").EnumerateArray().Select(d => d.GetProperty("saldo").GetDecimal()).ToArray(),
                t.GetProperty("recaudadoMes").GetDecimal(), t.GetProperty("recaudadoMesAnterior").GetDecimal(),
                t.GetProperty("pronostico").EnumerateArray().Select(s => s.GetProperty("esperado").GetDecimal()).ToArray());
        }

        sw.Restart();
        var api = await Api();
        Console.WriteLine($"| tablero en frío (primera solicitud) | {sw.Elapsed.TotalMilliseconds:N0} ms | | |");
        var sql = await Sql();
        var iguales = api.Tramos.SequenceEqual(sql.Tramos) && api.Deudores.SequenceEqual(sql.Deudores) && api.Recaudado == sql.Recaudado && api.Anterior == sql.Anterior;
        var diferencia = api.Pronostico.Zip(sql.Pronostico).Select(p => Math.Abs(p.First - p.Second)).DefaultIfEmpty().Max();
        Console.WriteLine($"| (verificación: por cobrar API {api.Tramos.Sum():N0}, SQL {sql.Tramos.Sum():N0}; 10 deudores, recaudación {(iguales ? "iguales" : "DISTINTOS")}; pronóstico a 4 semanas, mayor diferencia {diferencia:N0} CLP) | | | |");
        if (!iguales || diferencia > 4)
            Console.WriteLine("AVISO: las cifras del tablero y las del SQL directo difieren.");
        // At scale 1 one raw call takes minutes (the forecast's statement): the checked calls above are the warm-up.
        var (veces, calentamiento) = escala <= 0.3 ? (10, 3) : escala < 1 ? (5, 3) : (3, 0);
        await BancoCartera.Comparar($"tablero completo (tibio; {abiertos:N0} abiertos, {historia:N0} de historia)", veces, Api, Sql, calentamiento);
    }

    private sealed record Cifras(decimal[] Tramos, decimal[] Deudores, decimal Recaudado, decimal Anterior, decimal[] Pronostico);
}

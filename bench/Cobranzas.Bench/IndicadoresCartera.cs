using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bogus;
using Cobranzas.Cartera.Documentos;
using Npgsql;

namespace Cobranzas.Bench;

/// <summary>
/// Portfolio KPIs (issue 14): <c>/api/v1/indicadores/cartera</c> for the month of yesterday against raw SQL computing the same
/// figures straight from the tables (each installment's balance at both ends of the period rebuilt from its applications,
/// credit sales per month, write-offs and collections), the KPIs then derived from them with the same formulas. The
/// receivable, the sales, the collections, both DSOs and the CEI must be equal or the comparison means nothing.
/// </summary>
public static class BancoIndicadoresCartera
{
    private const string SaldoAlCorte = """
        SELECT COALESCE(sum(s.saldo), 0), COALESCE(sum(s.saldo) FILTER (WHERE s.fecha_vencimiento >= @corte), 0),
               COALESCE(sum(s.saldo) FILTER (WHERE @corte - s.fecha_vencimiento >= 91), 0)
        FROM (
            SELECT c.fecha_vencimiento, c.monto - COALESCE(ap.aplicado, 0) AS saldo
            FROM cartera.cuotas c
            JOIN cartera.documentos d ON d.id = c.documento_id
            LEFT JOIN (SELECT documento_id, cuota, sum(monto) AS aplicado FROM cartera.aplicaciones
                       WHERE empresa_id = @e AND fecha <= @corte AND (fecha_reversa IS NULL OR fecha_reversa > @corte)
                       GROUP BY 1, 2) ap ON ap.documento_id = c.documento_id AND ap.cuota = c.numero
            WHERE c.empresa_id = @e AND d.fecha_emision <= @corte AND NOT cartera.es_nota_credito(d.tipo)
              AND cartera.en_cartera_al(d.fecha_anulacion, d.fecha_castigo, d.fecha_cesion, d.fecha_recompra, @corte)
        ) s WHERE s.saldo > 0
        """;

    private const string Flujos = """
        SELECT date_trunc('month', fecha_emision)::date, sum(CASE WHEN cartera.es_nota_credito(tipo) THEN -total ELSE total END)
        FROM cartera.documentos WHERE empresa_id = @e AND fecha_emision BETWEEN @inicio AND @corte AND (fecha_anulacion IS NULL OR fecha_anulacion > @corte)
        GROUP BY 1;
        SELECT COALESCE(sum(monto_castigo), 0) FROM cartera.documentos WHERE empresa_id = @e AND fecha_castigo BETWEEN @desde AND @corte;
        SELECT COALESCE(sum(monto), 0) FROM cartera.aplicaciones WHERE empresa_id = @e AND pago_id IS NOT NULL AND fecha_reversa IS NULL AND fecha BETWEEN @desde AND @corte
        """;

    public static async Task EjecutarAsync(HttpClient http, NpgsqlDataSource fuente, Guid empresa, double escala)
    {
        var reloj = Stopwatch.StartNew();
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
        var corte = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var desde = new DateOnly(corte.Year, corte.Month, 1);
        var repeticiones = escala <= 0.3 ? 30 : 10;
        var f = new Randomizer(14);
        var docs = Enumerable.Range(0, abiertos).Select(i =>
        {
            var emision = corte.AddDays(-f.Int(0, 180));
            var neto = (decimal)f.Int(10_000, 1_000_000);
            var iva = Math.Round(neto * 0.19m);
            return new DatosDocumento("33", i + 1, clientes[f.Int(0, clientes.Count - 1)], null, emision, emision.AddDays(30), null, "CLP", neto, 0, iva, neto + iva, null, "erp", null, null);
        }).ToList();
        await using (var c = await fuente.OpenConnectionAsync())
            await BancoCartera.CopiarDocumentosAsync(c, empresa, docs, pagado: false);
        await BancoCartera.CargarHistoriaAsync(fuente, empresa, clientes, historia, corte);
        await BancoCartera.AsentarAsync(fuente);

        Console.WriteLine();
        Console.WriteLine($"Indicadores de cartera, escala {escala.ToString(CultureInfo.InvariantCulture)}: {clientes.Count:N0} clientes, {abiertos:N0} abiertos, {historia:N0} pagados de historia (cargados en {reloj.Elapsed.TotalSeconds:N0} s); período {desde:yyyy-MM-dd} a {corte:yyyy-MM-dd}; medianas de {repeticiones}.");
        Console.WriteLine();
        Console.WriteLine("| escenario | API | SQL directo | razón |");
        Console.WriteLine("|---|---|---|---|");

        var url = $"/api/v1/indicadores/cartera?fechaCorte={corte:yyyy-MM-dd}";
        var api = JsonDocument.Parse(await http.GetStringAsync(url)).RootElement.GetProperty("indicadores");
        var crudo = await CrudoAsync(fuente, empresa, desde, corte);
        var campos = new[] { "totalPorCobrar", "vencido", "vencidoMas90", "ventasCredito", "recaudado", "dsoSimple", "dsoCountback", "mejorDso", "cei" };
        foreach (var campo in campos)
        {
            if (api.GetProperty(campo).GetDecimal() != crudo[campo])
                throw new InvalidOperationException($"{campo}: API {api.GetProperty(campo).GetDecimal()}, SQL {crudo[campo]}: no calculan lo mismo.");
        }

        for (var i = 0; i < 5; i++)
        {
            await http.GetStringAsync(url);
            await CrudoAsync(fuente, empresa, desde, corte);
        }

        var tApi = await Mediana(() => http.GetStringAsync(url), repeticiones);
        var tSql = await Mediana(() => CrudoAsync(fuente, empresa, desde, corte), repeticiones);
        Console.WriteLine($"| indicadores del mes (DSO countback y simple, mejor DSO, ADD, CEI, morosidad, riesgo, castigos) vs SQL directo | {tApi:N1} ms | {tSql:N1} ms | {tApi / tSql:N2}x |");
        var urlTendencia = $"/api/v1/indicadores/cartera/tendencia?fechaCorte={corte:yyyy-MM-dd}&meses=12";
        await http.GetStringAsync(urlTendencia);
        var tTendencia = await Mediana(() => http.GetStringAsync(urlTendencia), Math.Max(3, repeticiones / 6));
        Console.WriteLine($"| tendencia de 12 fines de mes (13 antigüedades al corte) vs 12 veces el SQL directo | {tTendencia:N1} ms | {tSql * 12:N1} ms | {tTendencia / (tSql * 12):N2}x |");
        Console.WriteLine();
        Console.WriteLine($"Cifras iguales en API y SQL: {string.Join(", ", campos.Select(c => $"{c} {crudo[c].ToString(CultureInfo.InvariantCulture)}"))}. Total {reloj.Elapsed.TotalMinutes:N1} min.");
    }

    private static async Task<Dictionary<string, decimal>> CrudoAsync(NpgsqlDataSource fuente, Guid empresa, DateOnly desde, DateOnly corte)
    {
        async Task<(decimal Total, decimal PorVencer, decimal Mas90)> SaldoAsync(DateOnly fecha)
        {
            await using var cmd = fuente.CreateCommand(SaldoAlCorte);
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("corte", fecha);
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            return (r.GetDecimal(0), r.GetDecimal(1), r.GetDecimal(2));
        }

        var final = await SaldoAsync(corte);
        var inicial = await SaldoAsync(desde.AddDays(-1));
        var ventasMes = new Dictionary<DateOnly, decimal>();
        decimal castigos, recaudado;
        await using (var cmd = fuente.CreateCommand(Flujos))
        {
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("inicio", desde.AddMonths(-36));
            cmd.Parameters.AddWithValue("desde", desde);
            cmd.Parameters.AddWithValue("corte", corte);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                ventasMes[r.GetFieldValue<DateOnly>(0)] = r.GetDecimal(1);
            await r.NextResultAsync();
            await r.ReadAsync();
            castigos = r.GetDecimal(0);
            await r.NextResultAsync();
            await r.ReadAsync();
            recaudado = r.GetDecimal(0);
        }

        var dias = corte.DayNumber - desde.DayNumber + 1;
        var ventas = ventasMes.GetValueOrDefault(desde);
        decimal R(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
        // Countback: the month of the cut-off (to the cut-off), then whole months backwards.
        decimal restante = final.Total, diasCb = 0;
        var fin = corte;
        for (var i = 0; i <= 36 && restante > 0; i++)
        {
            var inicio = new DateOnly(fin.Year, fin.Month, 1);
            var diasMes = fin.DayNumber - inicio.DayNumber + 1;
            var v = Math.Max(ventasMes.GetValueOrDefault(inicio), 0);
            if (v >= restante)
            {
                diasCb += restante / v * diasMes;
                restante = 0;
            }
            else
            {
                restante -= v;
                diasCb += diasMes;
            }

            fin = inicio.AddDays(-1);
        }

        var denominador = inicial.Total + ventas - final.PorVencer;
        return new Dictionary<string, decimal>
        {
            ["totalPorCobrar"] = final.Total,
            ["vencido"] = final.Total - final.PorVencer,
            ["vencidoMas90"] = final.Mas90,
            ["ventasCredito"] = ventas,
            ["recaudado"] = recaudado,
            ["castigos"] = castigos,
            ["dsoSimple"] = R(ventas > 0 ? final.Total / ventas * dias : 0),
            ["mejorDso"] = R(ventas > 0 ? final.PorVencer / ventas * dias : 0),
            ["dsoCountback"] = R(diasCb),
            ["cei"] = R(denominador > 0 ? (inicial.Total + ventas - final.Total) / denominador * 100 : 0),
        };
    }

    private static async Task<double> Mediana(Func<Task> accion, int veces)
    {
        var tiempos = new List<double>();
        for (var i = 0; i < veces; i++)
        {
            var sw = Stopwatch.StartNew();
            await accion();
            tiempos.Add(sw.Elapsed.TotalMilliseconds);
        }

        tiempos.Sort();
        return tiempos[tiempos.Count / 2];
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Bogus;
using Cobranzas.Cartera.Documentos;
using Npgsql;

namespace Cobranzas.Bench;

/// <summary>
/// Gestión (issue 10), the daily escalation run: at scale 1, 100k clients with 1M open documents (COPY) and the default policy;
/// the run's decision for every client (POST /gestion/politica-cobranza/ejecutar with simular=true: what it would apply today)
/// against one raw set-based statement computing the same due steps. Both must find the same number of due steps.
/// </summary>
public static class BancoEscalamiento
{
    /// <summary>
    /// The raw baseline: open installments per client (CLP documents, so no conversion), oldest due date outside paused documents,
    /// the latest step due by days whose conditions hold and that is later than any step applied in the same cycle, then the gap.
    /// </summary>
    public const string SqlDebidos = """
        WITH pausas AS (
            SELECT cliente_id, documento_id FROM gestion.pausas_escalamiento
            WHERE empresa_id = @e AND (hasta IS NULL OR hasta >= @hoy)
        ), deuda AS (
            SELECT c.cliente_id,
                   sum(c.saldo) FILTER (WHERE c.fecha_vencimiento < @hoy) AS vencido,
                   min(c.fecha_vencimiento) FILTER (WHERE c.documento_id NOT IN (SELECT documento_id FROM pausas WHERE documento_id IS NOT NULL)) AS mas_antiguo
            FROM cartera.cuotas c
            WHERE c.empresa_id = @e AND c.saldo > 0 AND c.vigente
            GROUP BY c.cliente_id
        ), candidatos AS (
            SELECT d.cliente_id, COALESCE(d.vencido, 0) AS vencido, d.mas_antiguo, @hoy - d.mas_antiguo AS dias, cl.segmento, cl.cuenta_clave
            FROM deuda d JOIN clientes.clientes cl ON cl.empresa_id = @e AND cl.id = d.cliente_id
            WHERE d.mas_antiguo IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM pausas p WHERE p.cliente_id = d.cliente_id AND p.documento_id IS NULL)
        ), elegido AS (
            SELECT DISTINCT ON (k.cliente_id) k.cliente_id, p.id AS paso_id, p.nombre, p.dias_minimos_desde_anterior
            FROM candidatos k
            JOIN gestion.pasos_politica p ON p.empresa_id = @e AND p.dias <= k.dias
             AND (p.monto_minimo_vencido IS NULL OR k.vencido >= p.monto_minimo_vencido)
             AND (cardinality(p.segmentos) = 0 OR k.segmento = ANY (p.segmentos))
             AND (NOT p.solo_cuenta_clave OR k.cuenta_clave)
             AND p.orden > COALESCE((SELECT max(pp.orden) FROM gestion.pasos_aplicados a JOIN gestion.pasos_politica pp ON pp.id = a.paso_id
                                     WHERE a.empresa_id = @e AND a.cliente_id = k.cliente_id AND a.vencimiento_ciclo = k.mas_antiguo), -1)
            ORDER BY k.cliente_id, p.orden DESC
        )
        SELECT x.cliente_id, x.paso_id, x.nombre
        FROM elegido x LEFT JOIN gestion.etapas_cliente e ON e.empresa_id = @e AND e.cliente_id = x.cliente_id
        WHERE e.fecha_ultimo_paso IS NULL OR @hoy - e.fecha_ultimo_paso >= x.dias_minimos_desde_anterior
        """;

    public static async Task EjecutarAsync(HttpClient http, NpgsqlDataSource fuente, Guid empresa, double escala, DateOnly hoy)
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
        var repeticiones = escala <= 0.3 ? 15 : 5;
        var f = new Randomizer(10);
        // Due dates from 150 days ago to 30 days ahead: clients spread over every step of the policy.
        var docs = Enumerable.Range(0, abiertos).Select(i =>
        {
            var vencimiento = hoy.AddDays(-f.Int(-30, 150));
            var neto = (decimal)f.Int(10_000, 1_000_000);
            var iva = Math.Round(neto * 0.19m);
            return new DatosDocumento("33", 70_000_000 + i, clientes[i % clientes.Count], null, vencimiento.AddDays(-30), vencimiento, null, "CLP", neto, 0, iva, neto + iva, null, "erp", null, null);
        }).ToList();
        var sw = Stopwatch.StartNew();
        await using (var c = await fuente.OpenConnectionAsync())
        {
            await using var tx = await c.BeginTransactionAsync();
            await BancoCartera.CopiarDocumentosAsync(c, empresa, docs, pagado: false);
            await tx.CommitAsync();
        }

        foreach (var s in new[] { "VACUUM ANALYZE cartera.documentos", "VACUUM ANALYZE cartera.cuotas", "CHECKPOINT" })
        {
            await using var cmd = fuente.CreateCommand(s);
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync();
        }

        Console.WriteLine();
        Console.WriteLine($"Escalamiento, escala {escala.ToString(CultureInfo.InvariantCulture)}: {clientes.Count:N0} clientes, {abiertos:N0} documentos abiertos (COPY en {sw.Elapsed.TotalSeconds:N0} s), política por omisión, día hábil {hoy:yyyy-MM-dd}; medianas de {repeticiones}.");
        Console.WriteLine();
        Console.WriteLine("| escenario | API | SQL directo | razón |");
        Console.WriteLine("|---|---|---|---|");

        var pasosApi = 0;
        var pasosSql = 0;
        async Task Api()
        {
            using var r = await http.PostAsJsonAsync("/api/v1/gestion/politica-cobranza/ejecutar", new { simular = true });
            var cuerpo = await r.Content.ReadAsStringAsync();
            if (!r.IsSuccessStatusCode)
                throw new InvalidOperationException($"ejecutar respondió {(int)r.StatusCode}: {cuerpo[..Math.Min(500, cuerpo.Length)]}");
            using var json = JsonDocument.Parse(cuerpo);
            if (!json.RootElement.GetProperty("habil").GetBoolean())
                throw new InvalidOperationException("El día del bench no es hábil para la API.");
            pasosApi = json.RootElement.GetProperty("clientes").EnumerateArray().Count(x => x.GetProperty("estado").GetString() == "simulado");
        }

        async Task Sql()
        {
            await using var cmd = fuente.CreateCommand(SqlDebidos);
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("hoy", hoy);
            await using var lector = await cmd.ExecuteReaderAsync();
            var n = 0;
            while (await lector.ReadAsync())
                n++;
            pasosSql = n;
        }

        for (var i = 0; i < 3; i++)
        {
            await Api();
            await Sql();
        }

        if (pasosApi != pasosSql)
            throw new InvalidOperationException($"La API encontró {pasosApi} pasos debidos y el SQL {pasosSql}: no calculan lo mismo.");
        var tApi = await Mediana(Api, repeticiones);
        var tSql = await Mediana(Sql, repeticiones);
        Console.WriteLine($"| corrida diaria del escalamiento ({pasosApi:N0} pasos debidos; simular=true) vs una sentencia SQL | {tApi:N0} ms | {tSql:N0} ms | {tApi / tSql:N2}x |");
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

/// <summary>A clock standing at a fixed moment, so the escalation bench runs on a business day whatever day it is.</summary>
internal sealed class RelojFijo(DateTimeOffset ahora) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => ahora;
}

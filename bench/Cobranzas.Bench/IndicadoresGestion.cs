using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace Cobranzas.Bench;

/// <summary>
/// "indicadores-gestion": promises made vs kept and collector productivity (issue 14 §2) through the API against raw SQL
/// computing the same figures. At scale 0.1: 20 collectors for 10 000 clients, 100 000 activities of the seeded types over
/// three months, 30 000 promises (kept, partially kept, broken, pending, cancelled).
/// </summary>
public static class BancoIndicadoresGestion
{
    public static async Task EjecutarAsync(HttpClient http, NpgsqlDataSource fuente, Guid empresa, double escala)
    {
        var hoy = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Santiago")).DateTime);
        var desde = new DateOnly(hoy.Year, hoy.Month, 1).AddMonths(-2);
        var actividades = (int)(1_000_000 * escala);
        var compromisos = (int)(300_000 * escala);
        var historia = (int)(4_000_000 * escala);
        var sw = Stopwatch.StartNew();
        // Paid history issued 45 to 900 days ago, so part of it is collected in the period and "recaudado" is a real figure both ways.
        await using (var c = await fuente.OpenConnectionAsync())
        {
            await using var cmd = new NpgsqlCommand("SELECT id FROM clientes.clientes WHERE empresa_id = @e ORDER BY rut", c);
            cmd.Parameters.AddWithValue("e", empresa);
            var clientes = new List<Guid>();
            await using (var r = await cmd.ExecuteReaderAsync())
                while (await r.ReadAsync())
                    clientes.Add(r.GetGuid(0));
            await BancoCartera.CargarHistoriaAsync(fuente, empresa, clientes, historia, hoy, diasMinimos: 45);
        }

        await using (var c = await fuente.OpenConnectionAsync())
        {
            // Collectors, activities and promises belong to other endpoints (with contact rules and real payments): loaded by SQL.
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO gestion.cobradores (id, empresa_id, nombre, activo, regiones, comunas, creado)
                    SELECT gen_random_uuid(), @e, 'Cobrador ' || lpad(g::text, 2, '0'), true, '{}', '{}', now() FROM generate_series(1, 20) g;
                CREATE TEMP TABLE cb AS SELECT id, row_number() OVER (ORDER BY nombre) - 1 AS n FROM gestion.cobradores WHERE empresa_id = @e;
                CREATE TEMP TABLE cl AS SELECT id, row_number() OVER (ORDER BY rut) - 1 AS n FROM clientes.clientes WHERE empresa_id = @e;
                INSERT INTO gestion.asignaciones (empresa_id, cliente_id, cobrador_id, origen, actualizada)
                    SELECT @e, cl.id, cb.id, 'manual', now() FROM cl JOIN cb ON cb.n = cl.n % 20;
                CREATE TEMP TABLE ta AS SELECT id, row_number() OVER (ORDER BY nombre) - 1 AS n, canal FROM gestion.tipos_actividad WHERE empresa_id = @e;
                INSERT INTO gestion.actividades (id, empresa_id, cliente_id, tipo_actividad_id, canal, cobrador_id, fecha, resultado, documento_ids, registrada_por, origen, creada)
                    SELECT gen_random_uuid(), @e, cl.id, ta.id, ta.canal, cb.id,
                           (@desde::timestamp + make_interval(mins => (g * 7919) % ((@hoy - @desde + 1) * 1440))) AT TIME ZONE 'America/Santiago',
                           (ARRAY['contactado','no_contesta','buzon_voz','promesa','pago','se_niega','disputa','numero_equivocado', NULL])[1 + g % 9],
                           '{}', 'bench', 'manual', now()
                    FROM generate_series(1, @na) g
                    JOIN cl ON cl.n = g % (SELECT count(*) FROM cl)
                    JOIN cb ON cb.n = cl.n % 20
                    JOIN ta ON ta.n = g % (SELECT count(*) FROM ta);
                INSERT INTO gestion.compromisos (id, empresa_id, cliente_id, documento_ids, cuotas, monto, monto_cumplido, estado, canal, tomado_por, cobrador_id, creado, desde, version)
                    SELECT gen_random_uuid(), @e, cl.id, '{}',
                           jsonb_build_array(jsonb_build_object('numero', 1, 'fecha', (x.d + 10)::text, 'monto', x.m, 'montoCumplido', x.mc, 'estado', x.est)),
                           x.m, x.mc, x.est, 'telefono', 'bench', cb.id, now(), x.d, 1
                    FROM generate_series(1, @nc) g
                    JOIN cl ON cl.n = g % (SELECT count(*) FROM cl)
                    JOIN cb ON cb.n = cl.n % 20
                    CROSS JOIN LATERAL (SELECT @desde - 15 + (g % (@hoy - @desde + 15)) AS d, (1 + g % 50) * 10000::numeric AS m,
                           (ARRAY['cumplido','cumplido_parcial','incumplido','pendiente','anulado'])[1 + g % 5] AS est) y
                    CROSS JOIN LATERAL (SELECT y.d, y.m, y.est, CASE y.est WHEN 'cumplido' THEN y.m WHEN 'cumplido_parcial' THEN y.m / 2 ELSE 0 END AS mc) x;
                ANALYZE gestion.actividades; ANALYZE gestion.compromisos; ANALYZE gestion.asignaciones; ANALYZE cartera.documentos; ANALYZE cartera.aplicaciones;
                """, c);
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("hoy", hoy);
            cmd.Parameters.AddWithValue("desde", desde);
            cmd.Parameters.AddWithValue("na", actividades);
            cmd.Parameters.AddWithValue("nc", compromisos);
            await cmd.ExecuteNonQueryAsync();
        }

        Console.WriteLine();
        Console.WriteLine($"Gestión, indicadores: 20 cobradores, {actividades:N0} actividades y {compromisos:N0} compromisos cargados por SQL, {historia:N0} documentos pagados de historia por COPY, en {sw.Elapsed.TotalSeconds:N1} s; " +
                          $"período {desde:dd-MM-yyyy} a {hoy:dd-MM-yyyy}; medianas de 30 tras 5 de calentamiento.");
        Console.WriteLine();
        Console.WriteLine("| escenario | API | SQL directo | razón |");
        Console.WriteLine("|---|---|---|---|");

        var periodo = $"desde={desde:yyyy-MM-dd}&hasta={hoy:yyyy-MM-dd}";
        var urlCompromisos = $"/api/v1/indicadores/compromisos?{periodo}";
        await Comparar("compromisos hechos vs cumplidos de la empresa (cantidad y monto)", () => http.GetStringAsync(urlCompromisos), () => CompromisosSqlAsync(fuente, empresa, desde, hoy));
        var urlProductividad = $"/api/v1/indicadores/productividad?{periodo}";
        await Comparar("productividad de 20 cobradores (actividades, contactos, compromisos, recaudado)", () => http.GetStringAsync(urlProductividad),
            () => ProductividadSqlAsync(fuente, empresa, desde, hoy));

        // The same figures both ways.
        var total = JsonDocument.Parse(await http.GetStringAsync(urlCompromisos)).RootElement.GetProperty("total");
        var api = (total.GetProperty("hechos").GetInt64(), total.GetProperty("montoHechos").GetDecimal(), total.GetProperty("cumplidos").GetInt64(),
            total.GetProperty("montoCumplidos").GetDecimal(), total.GetProperty("rotos").GetInt64(), total.GetProperty("montoPagado").GetDecimal());
        var sql = await CompromisosSqlAsync(fuente, empresa, desde, hoy);
        Console.WriteLine($"Verificación compromisos: API {api} / SQL {sql}: {(api == sql ? "iguales" : "DISTINTOS")}.");
        var filas = JsonDocument.Parse(await http.GetStringAsync(urlProductividad)).RootElement.GetProperty("filas").EnumerateArray()
            .Select(f => (f.GetProperty("cobradorId").GetGuid(), f.GetProperty("actividades").GetInt64(), f.GetProperty("contactos").GetInt64(),
                f.GetProperty("compromisosTomados").GetInt64(), f.GetProperty("compromisosCumplidos").GetInt64(), f.GetProperty("montoCumplido").GetDecimal(),
                f.GetProperty("recaudado").GetDecimal()))
            .OrderBy(f => f.Item1).ToList();
        var filasSql = (await ProductividadSqlAsync(fuente, empresa, desde, hoy)).OrderBy(f => f.Item1).ToList();
        Console.WriteLine($"Verificación productividad: {filas.Count} filas API, {filasSql.Count} SQL; {filas.Zip(filasSql).Count(p => p.First == p.Second)} iguales; " +
                          $"recaudado en el período {filas.Sum(f => f.Item7):N0} (API) / {filasSql.Sum(f => f.Item7):N0} (SQL).");
        if (api != sql || !filas.SequenceEqual(filasSql))
            throw new InvalidOperationException("La API y el SQL directo no calculan las mismas cifras.");
    }

    // Promises (not cancelled) whose last installment falls in the period; grace is already in their state.
    private const string SqlCompromisos = """
        SELECT count(*), coalesce(sum(monto), 0), count(*) FILTER (WHERE estado = 'cumplido'), coalesce(sum(monto) FILTER (WHERE estado = 'cumplido'), 0),
               count(*) FILTER (WHERE estado IN ('incumplido', 'cumplido_parcial')), coalesce(sum(monto_cumplido), 0)
        FROM gestion.compromisos c
        WHERE c.empresa_id = @e AND c.estado <> 'anulado' AND c.desde <= @hasta
          AND (SELECT max((q->>'fecha')::date) FROM jsonb_array_elements(c.cuotas) q) BETWEEN @desde AND @hasta
        """;

    private static async Task<(long, decimal, long, decimal, long, decimal)> CompromisosSqlAsync(NpgsqlDataSource fuente, Guid empresa, DateOnly desde, DateOnly hasta)
    {
        await using var cmd = fuente.CreateCommand(SqlCompromisos);
        cmd.Parameters.AddWithValue("e", empresa);
        cmd.Parameters.AddWithValue("desde", desde);
        cmd.Parameters.AddWithValue("hasta", hasta);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt64(0), r.GetDecimal(1), r.GetInt64(2), r.GetDecimal(3), r.GetInt64(4), r.GetDecimal(5));
    }

    // Per collector: activities and contacts in the period (Santiago days), promises taken in it, and what was applied in the period
    // to the documents of the clients assigned to it, UF and USD at the day's value as the API converts them (the history is all in
    // pesos, but the baseline pays for the same rule). The applications carry their document's client since issue 14's last pass: the
    // baseline reads them as the API does, without the documents.
    private const string SqlProductividad = """
        WITH a AS (
            SELECT cobrador_id, count(*) AS n,
                   count(*) FILTER (WHERE resultado IN ('contactado', 'promesa', 'disputa', 'pago', 'se_niega')) AS contactos
            FROM gestion.actividades
            WHERE empresa_id = @e AND cobrador_id IS NOT NULL
              AND fecha >= (@desde::timestamp AT TIME ZONE 'America/Santiago') AND fecha < ((@hasta + 1)::timestamp AT TIME ZONE 'America/Santiago')
            GROUP BY cobrador_id
        ), p AS (
            SELECT cobrador_id, count(*) AS n, count(*) FILTER (WHERE estado = 'cumplido') AS cumplidos, sum(monto_cumplido) AS pagado
            FROM gestion.compromisos
            WHERE empresa_id = @e AND cobrador_id IS NOT NULL AND estado <> 'anulado' AND desde BETWEEN @desde AND @hasta
            GROUP BY cobrador_id
        ), r AS (
            SELECT x.cobrador_id, sum(cartera.en_clp(x.monto, x.moneda, cartera.ultimo_valor_uf(@e, x.fecha), cartera.ultimo_valor_dolar(@e, x.fecha))) AS recaudado
            FROM (
                SELECT s.cobrador_id, ap.moneda, CASE WHEN ap.moneda <> 'CLP' THEN ap.fecha END AS fecha, sum(ap.monto) AS monto
                FROM cartera.aplicaciones ap
                JOIN gestion.asignaciones s ON s.empresa_id = @e AND s.cliente_id = ap.cliente_id
                WHERE ap.empresa_id = @e AND ap.pago_id IS NOT NULL AND ap.fecha_reversa IS NULL AND ap.fecha BETWEEN @desde AND @hasta
                GROUP BY 1, 2, 3
            ) x
            GROUP BY x.cobrador_id
        )
        SELECT c.id, coalesce(a.n, 0), coalesce(a.contactos, 0), coalesce(p.n, 0), coalesce(p.cumplidos, 0), coalesce(p.pagado, 0), coalesce(r.recaudado, 0)
        FROM gestion.cobradores c LEFT JOIN a ON a.cobrador_id = c.id LEFT JOIN p ON p.cobrador_id = c.id LEFT JOIN r ON r.cobrador_id = c.id
        WHERE c.empresa_id = @e AND (c.activo OR a.n IS NOT NULL OR p.n IS NOT NULL)
        """;

    private static async Task<List<(Guid, long, long, long, long, decimal, decimal)>> ProductividadSqlAsync(NpgsqlDataSource fuente, Guid empresa, DateOnly desde, DateOnly hasta)
    {
        await using var cmd = fuente.CreateCommand(SqlProductividad);
        cmd.Parameters.AddWithValue("e", empresa);
        cmd.Parameters.AddWithValue("desde", desde);
        cmd.Parameters.AddWithValue("hasta", hasta);
        await using var r = await cmd.ExecuteReaderAsync();
        var filas = new List<(Guid, long, long, long, long, decimal, decimal)>();
        while (await r.ReadAsync())
            filas.Add((r.GetGuid(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetDecimal(5), r.GetDecimal(6)));
        return filas;
    }

    private static async Task Comparar(string nombre, Func<Task> api, Func<Task> sql)
    {
        for (var i = 0; i < 5; i++)
        {
            await api();
            await sql();
        }

        var tApi = await Mediana(api);
        var tSql = await Mediana(sql);
        Console.WriteLine($"| {nombre} | {tApi.ToString("N1", CultureInfo.InvariantCulture)} ms | {tSql.ToString("N1", CultureInfo.InvariantCulture)} ms | {tApi / tSql:N2}x |");
    }

    private static async Task<double> Mediana(Func<Task> accion)
    {
        var tiempos = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var sw = Stopwatch.StartNew();
            await accion();
            tiempos.Add(sw.Elapsed.TotalMilliseconds);
        }

        tiempos.Sort();
        return tiempos[tiempos.Count / 2];
    }
}

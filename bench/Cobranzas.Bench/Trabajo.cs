using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Bogus;
using Cobranzas.Cartera.Documentos;
using Npgsql;

namespace Cobranzas.Bench;

/// <summary>
/// "mi-trabajo": the worklist of one collector with every client of the company (2 000 at scale 0.02), 5 open documents
/// each (imported through the API), a few thousand pending tasks and some contacts, against one raw SQL statement that
/// computes the same score and order.
/// </summary>
public static class BancoTrabajo
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task EjecutarAsync(HttpClient http, NpgsqlDataSource fuente, Guid empresa)
    {
        var clientes = new List<Guid>();
        await using (var cmd = fuente.CreateCommand("SELECT id FROM clientes.clientes WHERE empresa_id = @e ORDER BY rut"))
        {
            cmd.Parameters.AddWithValue("e", empresa);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                clientes.Add(r.GetGuid(0));
        }

        var hoy = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Santiago")).DateTime);
        var f = new Randomizer(11);
        var docs = clientes.SelectMany((c, i) => Enumerable.Range(0, 5).Select(j =>
        {
            var emision = hoy.AddDays(-f.Int(0, 150));
            var neto = (decimal)f.Int(10_000, 5_000_000);
            var iva = Math.Round(neto * 0.19m);
            return new DatosDocumento("33", i * 10 + j + 1, c, null, emision, emision.AddDays(30), null, "CLP", neto, 0, iva, neto + iva, null, "erp", null, null);
        })).ToList();
        using (var r = await http.PostAsync("/api/v1/documentos/lote", JsonContent.Create(docs, options: Json)))
            if (!r.IsSuccessStatusCode)
                throw new InvalidOperationException($"Lote de documentos rechazado: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");

        var cobrador = Guid.CreateVersion7();
        var tareas = clientes.Count * 2;
        await using (var c = await fuente.OpenConnectionAsync())
        {
            // Collectors, assignment, tasks and contacts belong to other areas' endpoints; the bench loads them by SQL.
            await using var cmd = new NpgsqlCommand("""
                UPDATE clientes.clientes SET cuenta_clave = (hashtext(id::text) % 20 = 0) WHERE empresa_id = @e;
                INSERT INTO gestion.cobradores (id, empresa_id, nombre, activo, regiones, comunas, creado) VALUES (@c, @e, 'Cobrador bench', true, '{}', '{}', now());
                INSERT INTO gestion.asignaciones (empresa_id, cliente_id, cobrador_id, origen, actualizada)
                    SELECT @e, id, @c, 'manual', now() FROM clientes.clientes WHERE empresa_id = @e;
                INSERT INTO gestion.tareas (id, empresa_id, cliente_id, cobrador_id, tipo, origen, titulo, motivo, fecha, estado, creada)
                    SELECT gen_random_uuid(), @e, cl.id, @c,
                           (ARRAY['llamada','visita','verificar_compromiso','seguimiento_compromiso','revisar_disputa'])[1 + (g % 5)],
                           'politica', 'Tarea ' || g, 'Bench', @hoy + ((g % 21) - 12), 'pendiente', now()
                    FROM generate_series(1, @n) g
                    JOIN LATERAL (SELECT id FROM clientes.clientes WHERE empresa_id = @e ORDER BY rut OFFSET (g % @clientes) LIMIT 1) cl ON true;
                INSERT INTO gestion.tipos_actividad (id, empresa_id, nombre, tipo, canal, activo) VALUES (@t, @e, 'Llamada bench', 'llamada', 'telefono', true);
                INSERT INTO gestion.actividades (id, empresa_id, cliente_id, tipo_actividad_id, canal, cobrador_id, fecha, documento_ids, registrada_por, origen, creada)
                    SELECT gen_random_uuid(), @e, id, @t, 'telefono', @c, now() - make_interval(days => abs(hashtext(id::text)) % 40), '{}', 'bench', 'manual', now()
                    FROM clientes.clientes, generate_series(1, 3) WHERE empresa_id = @e AND hashtext(id::text) % 2 = 0;
                ANALYZE gestion.tareas; ANALYZE gestion.actividades; ANALYZE gestion.asignaciones; ANALYZE cartera.cuotas; ANALYZE clientes.clientes;
                """, c);
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("c", cobrador);
            cmd.Parameters.AddWithValue("t", Guid.CreateVersion7());
            cmd.Parameters.AddWithValue("hoy", hoy);
            cmd.Parameters.AddWithValue("n", tareas);
            cmd.Parameters.AddWithValue("clientes", clientes.Count);
            await cmd.ExecuteNonQueryAsync();
        }

        Console.WriteLine();
        Console.WriteLine($"Gestión, mi-trabajo: {clientes.Count:N0} clientes de un cobrador, {docs.Count:N0} documentos abiertos, {tareas:N0} tareas pendientes " +
                          $"(unas {tareas * 13 / 21:N0} vencen hasta hoy), contactos de la mitad de los clientes; medianas de 30.");
        Console.WriteLine();
        Console.WriteLine("| escenario | API | SQL directo | razón |");
        Console.WriteLine("|---|---|---|---|");

        var url = $"/api/v1/gestion/mi-trabajo?cobradorId={cobrador}&limite=100";
        var (api, sql) = await Comparar("mi-trabajo de un cobrador con 2 000 clientes (100 primeras de la lista ordenada + total)",
            () => http.GetStringAsync(url), () => SqlAsync(fuente, empresa, cobrador, hoy));

        var deApi = JsonDocument.Parse(await http.GetStringAsync(url)).RootElement;
        var idsApi = deApi.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("tareaId").GetGuid()).ToList();
        var (idsSql, total) = await SqlAsync(fuente, empresa, cobrador, hoy);
        var iguales = idsApi.Zip(idsSql).Count(p => p.First == p.Second);
        Console.WriteLine($"Verificación: total API {deApi.GetProperty("total").GetInt32():N0} / SQL {total:N0}; las 100 primeras coinciden en posición en {iguales} de {idsApi.Count}" +
                          $" ({idsApi.Intersect(idsSql).Count()} en común). API {api:N1} ms, SQL {sql:N1} ms.");
    }

    // The same score as PuntajeTrabajo (Gestión), in SQL: the baseline reads the Cartera, Clientes and Gestión tables directly.
    private const string Sql = """
        WITH t AS (
            SELECT t.id, t.cliente_id, t.tipo, t.fecha FROM gestion.tareas t
            WHERE t.empresa_id = @e AND t.estado = 'pendiente' AND t.fecha <= @hoy
              AND (t.cobrador_id = @c OR (t.cobrador_id IS NULL AND t.cliente_id IN (SELECT cliente_id FROM gestion.asignaciones WHERE empresa_id = @e AND cobrador_id = @c)))
        ), d AS (
            SELECT q.cliente_id, sum(q.saldo) FILTER (WHERE q.fecha_vencimiento < @hoy) AS vencido, min(q.fecha_vencimiento) AS antiguo
            FROM cartera.cuotas q WHERE q.empresa_id = @e AND q.saldo > 0 AND q.vigente AND q.cliente_id IN (SELECT cliente_id FROM t)
            GROUP BY q.cliente_id
        ), a AS (
            SELECT cliente_id, max(fecha) AS ultimo FROM gestion.actividades WHERE empresa_id = @e AND cliente_id IN (SELECT cliente_id FROM t) GROUP BY cliente_id
        ), p AS (
            SELECT t.id, t.fecha,
                   CASE WHEN coalesce(d.vencido, 0) > 0 THEN least(30, round((6 * log(1 + d.vencido / 1000.0))::numeric, 1)) ELSE 0 END
                 + least(20, round(greatest(0, @hoy - coalesce(d.antiguo, @hoy)) / 3.0, 1))
                 + CASE WHEN t.tipo = 'seguimiento_compromiso' THEN 25 WHEN t.tipo = 'verificar_compromiso' AND t.fecha < @hoy THEN 20
                        WHEN t.tipo = 'verificar_compromiso' THEN 15 ELSE 0 END
                 + CASE WHEN c.cuenta_clave THEN 10 ELSE 0 END
                 + CASE WHEN a.ultimo IS NULL THEN 10
                        ELSE least(10, round(greatest(0, @hoy - (a.ultimo AT TIME ZONE 'America/Santiago')::date) / 3.0, 1)) END
                 + least(10, 2 * (@hoy - t.fecha)) AS puntaje,
                   c.razon_social, c.rut
            FROM t JOIN clientes.clientes c ON c.id = t.cliente_id
            LEFT JOIN d ON d.cliente_id = t.cliente_id LEFT JOIN a ON a.cliente_id = t.cliente_id
        )
        SELECT id, puntaje, razon_social, rut, count(*) OVER () AS total FROM p ORDER BY puntaje DESC, fecha, id LIMIT 100
        """;

    private static async Task<(List<Guid> Ids, long Total)> SqlAsync(NpgsqlDataSource fuente, Guid empresa, Guid cobrador, DateOnly hoy)
    {
        await using var cmd = fuente.CreateCommand(Sql);
        cmd.Parameters.AddWithValue("e", empresa);
        cmd.Parameters.AddWithValue("c", cobrador);
        cmd.Parameters.AddWithValue("hoy", hoy);
        await using var r = await cmd.ExecuteReaderAsync();
        var ids = new List<Guid>();
        long total = 0;
        while (await r.ReadAsync())
        {
            ids.Add(r.GetGuid(0));
            total = r.GetInt64(4);
        }

        return (ids, total);
    }

    private static async Task<(double Api, double Sql)> Comparar(string nombre, Func<Task> api, Func<Task> sql)
    {
        for (var i = 0; i < 5; i++)
        {
            await api();
            await sql();
        }

        var tApi = await Mediana(api);
        var tSql = await Mediana(sql);
        Console.WriteLine($"| {nombre} | {tApi.ToString("N1", CultureInfo.InvariantCulture)} ms | {tSql.ToString("N1", CultureInfo.InvariantCulture)} ms | {tApi / tSql:N2}x |");
        return (tApi, tSql);
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

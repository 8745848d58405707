using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Bogus;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Importaciones;
using Cobranzas.Cartera.Pagos;
using Cobranzas.SharedKernel.Tiempo;
using Npgsql;
using NpgsqlTypes;

namespace Cobranzas.Bench;

/// <summary>
/// Cartera (issue 4): at scale 1, 100k clients, 1M open documents (imported through the batch API),
/// 4M paid history documents (COPY, each fully paid by one payment and one application) and 100k payments.
/// Every scenario is compared with raw SQL on the same data, in the same run.
/// </summary>
public static class BancoCartera
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="soloListaClientes">Stop after the client list by debt (the open documents imported, no history): the part
    /// <c>cartera-lista</c>, minutes instead of half an hour at scale 1.</param>
    public static async Task EjecutarAsync(HttpClient http, NpgsqlDataSource fuente, Guid empresa, double escala, bool soloListaClientes = false)
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
        var pagos = (int)(100_000 * escala);
        var delCliente = Math.Min(10_000, abiertos / 10);
        var hoy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var repeticiones = escala <= 0.3 ? 30 : 10;
        Console.WriteLine();
        Console.WriteLine($"Cartera, escala {escala.ToString(CultureInfo.InvariantCulture)}: {clientes.Count:N0} clientes, {abiertos:N0} documentos abiertos, {historia:N0} pagados de historia, {pagos:N0} pagos; corte {hoy:yyyy-MM-dd}; medianas de {repeticiones}.");
        Console.WriteLine();
        Console.WriteLine("| escenario | API | SQL directo | razón |");
        Console.WriteLine("|---|---|---|---|");

        // 1. Import: raw COPY of the same number of rows into the same tables (rolled back), then the batch API.
        var f = new Randomizer(4);
        var docs = Enumerable.Range(0, abiertos).Select(i =>
        {
            var emision = hoy.AddDays(-f.Int(0, 180));
            var neto = (decimal)f.Int(10_000, 1_000_000);
            var iva = Math.Round(neto * 0.19m);
            var cliente = i < delCliente ? clientes[0] : clientes[1 + f.Int(0, clientes.Count - 2)];
            return new DatosDocumento("33", i + 1, cliente, null, emision, emision.AddDays(30), null, "CLP", neto, 0, iva, neto + iva, null, "erp", null, null);
        }).ToList();

        var sw = Stopwatch.StartNew();
        await using (var c = await fuente.OpenConnectionAsync())
        {
            await using var tx = await c.BeginTransactionAsync();
            await CopiarDocumentosAsync(c, empresa, docs.Select(d => d with { Folio = d.Folio + 90_000_000 }), pagado: false);
            sw.Stop();
            await tx.RollbackAsync();
        }

        var copy = abiertos / sw.Elapsed.TotalSeconds;
        await EjecutarAsync(fuente, "VACUUM ANALYZE cartera.documentos; VACUUM ANALYZE cartera.cuotas;");
        const int trozo = 100_000;
        sw.Restart();
        for (var i = 0; i < abiertos; i += trozo)
        {
            using var r = await http.PostAsync("/api/v1/documentos/lote", JsonContent.Create(docs.Skip(i).Take(trozo), options: Json));
            var cuerpo = await r.Content.ReadAsStringAsync();
            if (!r.IsSuccessStatusCode)
                throw new InvalidOperationException($"Lote de documentos rechazado: {(int)r.StatusCode} {cuerpo[..Math.Min(cuerpo.Length, 500)]}");
        }

        var api = abiertos / sw.Elapsed.TotalSeconds;
        Console.WriteLine($"| importar {abiertos:N0} documentos (JSON por API en lotes de {trozo:N0} vs COPY binario) | {api:N0} filas/s | {copy:N0} filas/s | {api / copy:N2}x del COPY |");
        await AsentarAsync(fuente);

        // 2. Aging of the whole company vs one GROUP BY over the open installments' balances.
        var antiguedadSql = """
            SELECT CASE WHEN @corte - c.fecha_vencimiento <= 0 THEN 'por_vencer' WHEN @corte - c.fecha_vencimiento <= 30 THEN '1-30'
                        WHEN @corte - c.fecha_vencimiento <= 60 THEN '31-60' WHEN @corte - c.fecha_vencimiento <= 90 THEN '61-90'
                        WHEN @corte - c.fecha_vencimiento <= 120 THEN '91-120' ELSE 'mas_120' END AS tramo, sum(c.saldo)
            FROM cartera.cuotas c WHERE c.empresa_id = @e AND c.saldo > 0 AND c.vigente GROUP BY 1
            """;
        var urlAntiguedad = $"/api/v1/cartera/antiguedad?fechaCorte={hoy:yyyy-MM-dd}&agrupar=empresa";
        await Verificar(http, fuente, urlAntiguedad, antiguedadSql, empresa, hoy);
        var (aApi, aSql) = await Comparar($"antigüedad de toda la empresa ({abiertos:N0} abiertos)", repeticiones,
            () => http.GetStringAsync(urlAntiguedad), () => SqlAsync(fuente, antiguedadSql, empresa, hoy, null));

        // 3. Statement of the client with the most documents.
        await Comparar($"estado de cuenta de un cliente con {delCliente:N0} documentos", 30,
            () => http.GetStringAsync($"/api/v1/clientes/{clientes[0]}/estado-cuenta?fechaCorte={hoy:yyyy-MM-dd}"),
            () => SqlAsync(fuente, EstadoCuentaSql, empresa, hoy, clientes[0]));

        // 3b. The client list ordered by debt (issue 13): Clientes sends its filtered ids in razón social order, Cartera
        // orders them by balance and returns one page. Baseline: the one query a monolith would write across both schemas.
        var porDeudaSql = """
            WITH d AS (
                SELECT cliente_id, sum(saldo) AS saldo FROM cartera.cuotas WHERE empresa_id = @e AND saldo > 0 AND vigente GROUP BY cliente_id)
            SELECT c.id, c.rut, c.razon_social, COALESCE(d.saldo, 0) AS saldo
            FROM clientes.clientes c LEFT JOIN d ON d.cliente_id = c.id
            WHERE c.empresa_id = @e
            ORDER BY COALESCE(d.saldo, 0) DESC, c.razon_social, c.id LIMIT 25;
            SELECT count(*) FROM clientes.clientes WHERE empresa_id = @e
            """;
        await Comparar($"lista de clientes por saldo, mayor primero ({clientes.Count:N0} clientes, página de 25 + total)", repeticiones,
            () => http.GetStringAsync("/api/v1/clientes?orden=-saldo&tamanoPagina=25"), () => SqlAsync(fuente, porDeudaSql, empresa, hoy, null));
        // 3c. Ordered by overdue debt at today's business date. The read model keeps the overdue part up to a kept date (moved
        // by the daily roll; here the migration's, today): measured rolled, then with the kept date set back to yesterday
        // (the roll of tonight not yet run), where today's installments falling due are summed from the due-date index.
        var hoyNegocio = FechaNegocio.Hoy(TimeProvider.System);
        var porVencidoSql = """
            WITH d AS (
                SELECT cliente_id, COALESCE(sum(saldo) FILTER (WHERE fecha_vencimiento < @corte), 0) AS vencido
                FROM cartera.cuotas WHERE empresa_id = @e AND saldo > 0 AND vigente GROUP BY cliente_id)
            SELECT c.id, COALESCE(d.vencido, 0) AS vencido
            FROM clientes.clientes c LEFT JOIN d ON d.cliente_id = c.id
            WHERE c.empresa_id = @e
            ORDER BY COALESCE(d.vencido, 0) DESC, c.razon_social, c.id LIMIT 25;
            SELECT count(*) FROM clientes.clientes WHERE empresa_id = @e
            """;
        foreach (var (guardada, cual) in new[] { (hoyNegocio, "cerrada hoy"), (hoyNegocio.AddDays(-1), "fecha guardada ayer, sin el cierre de hoy") })
        {
            await using (var cmd = fuente.CreateCommand("SELECT cartera.rodar_vencido(@d)"))
            {
                cmd.CommandTimeout = 0;
                cmd.Parameters.AddWithValue("d", guardada);
                await cmd.ExecuteNonQueryAsync();
            }

            var paginaApi = JsonDocument.Parse(await http.GetStringAsync("/api/v1/clientes?orden=-vencido&tamanoPagina=25")).RootElement.GetProperty("items").EnumerateArray()
                .Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("vencido").GetDecimal())).ToList();
            var paginaSql = new List<(Guid, decimal)>();
            await using (var cmd = fuente.CreateCommand(porVencidoSql))
            {
                cmd.Parameters.AddWithValue("e", empresa);
                cmd.Parameters.AddWithValue("corte", hoyNegocio);
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync())
                    paginaSql.Add((r.GetGuid(0), r.GetDecimal(1)));
            }

            Console.WriteLine($"| (lista por vencido al {hoyNegocio:yyyy-MM-dd}, {cual}: primer vencido {paginaSql[0].Item2:N0}; página API igual a SQL: {(paginaApi.SequenceEqual(paginaSql) ? "sí" : "NO")}) | | | |");
            await Comparar($"lista de clientes por vencido, mayor primero, {cual} ({clientes.Count:N0} clientes, página de 25 + total)", repeticiones,
                () => http.GetStringAsync("/api/v1/clientes?orden=-vencido&tamanoPagina=25"), () => SqlAsync(fuente, porVencidoSql, empresa, hoyNegocio, null));
        }

        await Comparar($"lista de clientes por razón social con saldo y vencido (página de 25)", repeticiones,
            () => http.GetStringAsync("/api/v1/clientes?tamanoPagina=25"),
            () => SqlAsync(fuente, "SELECT count(*) FROM clientes.clientes WHERE empresa_id = @e; SELECT id, rut, razon_social FROM clientes.clientes WHERE empresa_id = @e ORDER BY razon_social, id LIMIT 25", empresa, hoy, null));
        if (soloListaClientes)
            return;

        // 4. Paid history (COPY), then aging again.
        sw.Restart();
        await CargarHistoriaAsync(fuente, empresa, clientes, historia, hoy);
        await AsentarAsync(fuente);
        Console.WriteLine($"| (historia: {historia:N0} documentos pagados + cuotas + pagos + aplicaciones por COPY en {sw.Elapsed.TotalSeconds:N0} s) | | | |");
        await Verificar(http, fuente, urlAntiguedad, antiguedadSql, empresa, hoy);
        var (hApi, hSql) = await Comparar($"antigüedad de toda la empresa con {historia:N0} de historia", repeticiones,
            () => http.GetStringAsync(urlAntiguedad), () => SqlAsync(fuente, antiguedadSql, empresa, hoy, null));
        Console.WriteLine($"| cambio de la antigüedad por la historia | {(hApi / aApi - 1) * 100:+0;-0}% | {(hSql / aSql - 1) * 100:+0;-0}% | |");

        // 5. Auto-apply payments: one set-based SQL (rolled back) vs the batch API (chunks of its maximum, 100,000).
        var g = new Randomizer(5);
        var lista = Enumerable.Range(0, pagos).Select(_ => (Cliente: clientes[1 + g.Int(0, clientes.Count - 2)], Monto: (decimal)g.Int(100_000, 3_000_000))).ToList();
        decimal aplicadoSql;
        sw.Restart();
        await using (var c = await fuente.OpenConnectionAsync())
        {
            await using var tx = await c.BeginTransactionAsync();
            aplicadoSql = await AplicarSqlAsync(c, empresa, lista, hoy);
            sw.Stop();
            await tx.RollbackAsync();
        }

        var pSql = sw.Elapsed.TotalSeconds;
        await EjecutarAsync(fuente, "VACUUM ANALYZE cartera.documentos; VACUUM ANALYZE cartera.cuotas; VACUUM ANALYZE cartera.pagos; VACUUM ANALYZE cartera.aplicaciones;");
        decimal aplicadoApi = 0;
        sw.Restart();
        const int lotePagos = ImportarLotePagosHandler.FilasMaximas;
        for (var i = 0; i < pagos; i += lotePagos)
        {
            var lote = lista.Skip(i).Take(lotePagos).Select(p => new DatosPago(p.Cliente, null, hoy, p.Monto, "CLP", "transferencia", null, "automatica", null));
            using var r = await http.PostAsync("/api/v1/pagos/lote", JsonContent.Create(lote, options: Json));
            var cuerpo = await r.Content.ReadAsStringAsync();
            if (!r.IsSuccessStatusCode)
                throw new InvalidOperationException($"Lote de pagos rechazado: {(int)r.StatusCode} {cuerpo[..Math.Min(cuerpo.Length, 500)]}");
            aplicadoApi += JsonDocument.Parse(cuerpo).RootElement.GetProperty("montoAplicado").GetDecimal();
        }

        var pApi = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"| aplicar {pagos:N0} pagos automáticamente (API en lotes de hasta {lotePagos:N0} vs un SQL por conjuntos) | {pApi:N1} s ({pagos / pApi:N0}/s) | {pSql:N1} s ({pagos / pSql:N0}/s) | {pApi / pSql:N2}x |");
        if (aplicadoApi != aplicadoSql)
            Console.WriteLine($"AVISO: monto aplicado distinto: API {aplicadoApi:N0}, SQL {aplicadoSql:N0}");
        Console.WriteLine();
        Console.WriteLine($"Monto aplicado: API {aplicadoApi:N0}, SQL {aplicadoSql:N0}. Cartera en {reloj.Elapsed.TotalMinutes:N1} min.");
    }

    /// <summary>
    /// What the statement answers, read from the stored balances in one round trip: the client, its open documents, its aging
    /// by bucket, its unapplied money (payments and credit notes), the payments of the last 30 days with the applied documents'
    /// type and folio, its protested cheques and the documents they reopened, its write-offs and its protested letras.
    /// </summary>
    private const string EstadoCuentaSql = """
        SELECT id, rut, razon_social FROM clientes.clientes WHERE empresa_id = @e AND id = @c;
        SELECT d.id, d.tipo, d.folio, d.fecha_emision, d.fecha_vencimiento, d.moneda, d.total, d.saldo FROM cartera.documentos d
        WHERE d.empresa_id = @e AND d.cliente_id = @c AND d.saldo > 0 ORDER BY d.fecha_vencimiento, d.folio;
        SELECT CASE WHEN @corte - c.fecha_vencimiento <= 0 THEN 'por_vencer' WHEN @corte - c.fecha_vencimiento <= 30 THEN '1-30'
                    WHEN @corte - c.fecha_vencimiento <= 60 THEN '31-60' WHEN @corte - c.fecha_vencimiento <= 90 THEN '61-90'
                    WHEN @corte - c.fecha_vencimiento <= 120 THEN '91-120' ELSE 'mas_120' END AS tramo, sum(c.saldo)
        FROM cartera.cuotas c WHERE c.empresa_id = @e AND c.cliente_id = @c AND c.saldo > 0 AND c.vigente GROUP BY 1;
        SELECT moneda, sum(saldo) FROM (
            SELECT p.moneda, p.saldo FROM cartera.pagos p WHERE p.empresa_id = @e AND p.cliente_id = @c AND p.saldo > 0
            UNION ALL
            SELECT d.moneda, d.saldo FROM cartera.documentos d WHERE d.empresa_id = @e AND d.cliente_id = @c AND d.tipo IN ('61', '112') AND d.saldo > 0) x
        GROUP BY moneda;
        SELECT p.id, p.fecha, p.monto, p.moneda, p.canal, p.referencia, a.id, a.documento_id, d.tipo, d.folio, a.cuota, a.monto, a.fecha
        FROM cartera.pagos p LEFT JOIN cartera.aplicaciones a ON a.pago_id = p.id LEFT JOIN cartera.documentos d ON d.id = a.documento_id
        WHERE p.empresa_id = @e AND p.cliente_id = @c AND p.fecha BETWEEN @corte - 30 AND @corte ORDER BY p.fecha, p.id, a.fecha;
        SELECT p.id, p.referencia, p.fecha_cheque, p.fecha_protesto, p.monto, p.moneda, p.motivo_protesto, p.costo_protesto, a.documento_id, d.tipo, d.folio, a.monto
        FROM cartera.pagos p LEFT JOIN cartera.aplicaciones a ON a.pago_id = p.id AND a.fecha_reversa = p.fecha_protesto
        LEFT JOIN cartera.documentos d ON d.id = a.documento_id
        WHERE p.empresa_id = @e AND p.cliente_id = @c AND p.fecha_protesto <= @corte ORDER BY p.fecha_protesto, p.id;
        SELECT d.id, d.tipo, d.folio, d.fecha_castigo, d.monto_castigo, d.moneda, d.motivo_castigo FROM cartera.documentos d
        WHERE d.empresa_id = @e AND d.cliente_id = @c AND d.fecha_castigo <= @corte ORDER BY d.fecha_castigo, d.folio;
        SELECT d.id, d.tipo, d.folio, d.fecha_protesto, d.saldo, d.moneda, d.motivo_protesto, d.costo_protesto FROM cartera.documentos d
        WHERE d.empresa_id = @e AND d.cliente_id = @c AND d.fecha_protesto <= @corte ORDER BY d.fecha_protesto, d.folio;
        """;

    private static async Task<decimal> AplicarSqlAsync(NpgsqlConnection c, Guid empresa, List<(Guid Cliente, decimal Monto)> lista, DateOnly fecha)
    {
        await using (var cmd = new NpgsqlCommand("CREATE TEMP TABLE bp (fila int, id uuid, cliente_id uuid, monto numeric) ON COMMIT DROP", c))
            await cmd.ExecuteNonQueryAsync();
        await using (var copia = await c.BeginBinaryImportAsync("COPY bp (fila, id, cliente_id, monto) FROM STDIN (FORMAT BINARY)"))
        {
            var fila = 0;
            foreach (var (cliente, monto) in lista)
            {
                await copia.StartRowAsync();
                await copia.WriteAsync(++fila, NpgsqlDbType.Integer);
                await copia.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copia.WriteAsync(cliente, NpgsqlDbType.Uuid);
                await copia.WriteAsync(monto, NpgsqlDbType.Numeric);
            }

            await copia.CompleteAsync();
        }

        // Payments and open installments as running-total intervals per client (oldest due date first,
        // then emission, folio, installment); each application is the overlap of a payment and an installment.
        await using (var cmd = new NpgsqlCommand("""
            ANALYZE bp;
            CREATE TEMP TABLE ap ON COMMIT DROP AS
            WITH pp AS (SELECT id, cliente_id, monto, sum(monto) OVER (PARTITION BY cliente_id ORDER BY fila) AS hasta FROM bp),
            cc AS (
                SELECT c.documento_id, c.numero, d.cliente_id, c.saldo,
                       sum(c.saldo) OVER (PARTITION BY d.cliente_id ORDER BY c.fecha_vencimiento, d.fecha_emision, d.folio, c.numero) AS hasta
                FROM cartera.cuotas c JOIN cartera.documentos d ON d.id = c.documento_id
                WHERE d.empresa_id = @e AND d.cliente_id IN (SELECT cliente_id FROM bp) AND d.saldo > 0 AND c.saldo > 0
                  AND d.moneda = 'CLP' AND d.fecha_anulacion IS NULL AND d.tipo NOT IN ('61', '112'))
            SELECT pp.id AS pago_id, cc.documento_id, cc.numero, cc.cliente_id,
                   least(pp.hasta, cc.hasta) - greatest(pp.hasta - pp.monto, cc.hasta - cc.saldo) AS monto
            FROM pp JOIN cc ON cc.cliente_id = pp.cliente_id AND cc.hasta - cc.saldo < pp.hasta AND pp.hasta - pp.monto < cc.hasta;
            INSERT INTO cartera.pagos (id, empresa_id, cliente_id, fecha, monto, moneda, canal, saldo, creado)
            SELECT b.id, @e, b.cliente_id, @f, b.monto, 'CLP', 'transferencia', b.monto - COALESCE(x.m, 0), now()
            FROM bp b LEFT JOIN (SELECT pago_id, sum(monto) AS m FROM ap GROUP BY pago_id) x ON x.pago_id = b.id;
            INSERT INTO cartera.aplicaciones (id, empresa_id, documento_id, cuota, cliente_id, moneda, pago_id, monto, fecha, actor, creado)
            SELECT gen_random_uuid(), @e, documento_id, numero, cliente_id, 'CLP', pago_id, monto, @f, 'bench', now() FROM ap;
            UPDATE cartera.cuotas c SET saldo = c.saldo - x.m FROM (SELECT documento_id, numero, sum(monto) AS m FROM ap GROUP BY 1, 2) x
            WHERE c.documento_id = x.documento_id AND c.numero = x.numero;
            UPDATE cartera.documentos d SET saldo = d.saldo - x.m FROM (SELECT documento_id, sum(monto) AS m FROM ap GROUP BY 1) x WHERE d.id = x.documento_id;
            """, c))
        {
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("f", fecha);
            await cmd.ExecuteNonQueryAsync();
        }

        await using var suma = new NpgsqlCommand("SELECT COALESCE(sum(monto), 0) FROM ap", c);
        return (decimal)(await suma.ExecuteScalarAsync())!;
    }

    /// <param name="diasMinimos">The newest issue date, in days before <paramref name="hoy"/>; payments come 0 to 45 days after issue.</param>
    internal static async Task CargarHistoriaAsync(NpgsqlDataSource fuente, Guid empresa, List<Guid> clientes, int cantidad, DateOnly hoy, int diasMinimos = 200)
    {
        var f = new Randomizer(6);
        var filas = Enumerable.Range(0, cantidad).Select(i =>
        {
            var emision = hoy.AddDays(-f.Int(diasMinimos, 900));
            var neto = (decimal)f.Int(10_000, 1_000_000);
            var iva = Math.Round(neto * 0.19m);
            return (Doc: new DatosDocumento("33", 50_000_000 + i, clientes[f.Int(0, clientes.Count - 1)], null, emision, emision.AddDays(30), null, "CLP", neto, 0, iva, neto + iva, null, "erp", null, null),
                Id: Guid.CreateVersion7(), Pago: Guid.CreateVersion7(), Fecha: emision.AddDays(f.Int(0, 45)));
        }).ToList();
        await using var c = await fuente.OpenConnectionAsync();
        await CopiarDocumentosAsync(c, empresa, filas.Select(x => x.Doc), pagado: true, filas.Select(x => x.Id).ToList());
        var ahora = DateTimeOffset.UtcNow;
        await using (var copia = await c.BeginBinaryImportAsync("COPY cartera.pagos (id, empresa_id, cliente_id, fecha, monto, moneda, canal, saldo, creado) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var x in filas)
            {
                await copia.StartRowAsync();
                await copia.WriteAsync(x.Pago, NpgsqlDbType.Uuid);
                await copia.WriteAsync(empresa, NpgsqlDbType.Uuid);
                await copia.WriteAsync(x.Doc.ClienteId!.Value, NpgsqlDbType.Uuid);
                await copia.WriteAsync(x.Fecha, NpgsqlDbType.Date);
                await copia.WriteAsync(x.Doc.Total, NpgsqlDbType.Numeric);
                await copia.WriteAsync("CLP", NpgsqlDbType.Varchar);
                await copia.WriteAsync("transferencia", NpgsqlDbType.Varchar);
                await copia.WriteAsync(0m, NpgsqlDbType.Numeric);
                await copia.WriteAsync(ahora, NpgsqlDbType.TimestampTz);
            }

            await copia.CompleteAsync();
        }

        await using (var copia = await c.BeginBinaryImportAsync("COPY cartera.aplicaciones (id, empresa_id, documento_id, cuota, cliente_id, moneda, pago_id, monto, fecha, actor, creado) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var x in filas)
            {
                await copia.StartRowAsync();
                await copia.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copia.WriteAsync(empresa, NpgsqlDbType.Uuid);
                await copia.WriteAsync(x.Id, NpgsqlDbType.Uuid);
                await copia.WriteAsync(1, NpgsqlDbType.Integer);
                await copia.WriteAsync(x.Doc.ClienteId!.Value, NpgsqlDbType.Uuid);
                await copia.WriteAsync("CLP", NpgsqlDbType.Varchar);
                await copia.WriteAsync(x.Pago, NpgsqlDbType.Uuid);
                await copia.WriteAsync(x.Doc.Total, NpgsqlDbType.Numeric);
                await copia.WriteAsync(x.Fecha, NpgsqlDbType.Date);
                await copia.WriteAsync("bench", NpgsqlDbType.Varchar);
                await copia.WriteAsync(ahora, NpgsqlDbType.TimestampTz);
            }

            await copia.CompleteAsync();
        }
    }

    /// <summary>Documents and their single installment, as the batch import stores them (saldo = total, or 0 when paid).</summary>
    internal static async Task CopiarDocumentosAsync(NpgsqlConnection c, Guid empresa, IEnumerable<DatosDocumento> docs, bool pagado, List<Guid>? ids = null)
    {
        var lista = docs as IList<DatosDocumento> ?? docs.ToList();
        ids ??= lista.Select(_ => Guid.CreateVersion7()).ToList();
        var ahora = DateTimeOffset.UtcNow;
        await using (var copia = await c.BeginBinaryImportAsync(
            "COPY cartera.documentos (id, empresa_id, tipo, folio, cliente_id, fecha_emision, fecha_vencimiento, moneda, neto, exento, iva, total, saldo, origen, creado) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < lista.Count; i++)
            {
                var d = lista[i];
                await copia.StartRowAsync();
                await copia.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await copia.WriteAsync(empresa, NpgsqlDbType.Uuid);
                await copia.WriteAsync(d.Tipo, NpgsqlDbType.Varchar);
                await copia.WriteAsync(d.Folio, NpgsqlDbType.Bigint);
                await copia.WriteAsync(d.ClienteId!.Value, NpgsqlDbType.Uuid);
                await copia.WriteAsync(d.FechaEmision, NpgsqlDbType.Date);
                await copia.WriteAsync(d.FechaVencimiento!.Value, NpgsqlDbType.Date);
                await copia.WriteAsync(d.Moneda, NpgsqlDbType.Varchar);
                await copia.WriteAsync(d.Neto, NpgsqlDbType.Numeric);
                await copia.WriteAsync(d.Exento, NpgsqlDbType.Numeric);
                await copia.WriteAsync(d.Iva, NpgsqlDbType.Numeric);
                await copia.WriteAsync(d.Total, NpgsqlDbType.Numeric);
                await copia.WriteAsync(pagado ? 0m : d.Total, NpgsqlDbType.Numeric);
                await copia.WriteAsync("erp", NpgsqlDbType.Varchar);
                await copia.WriteAsync(ahora, NpgsqlDbType.TimestampTz);
            }

            await copia.CompleteAsync();
        }

        await using (var copia = await c.BeginBinaryImportAsync("COPY cartera.cuotas (documento_id, numero, empresa_id, cliente_id, moneda, fecha_emision, fecha_vencimiento, monto, saldo) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < lista.Count; i++)
            {
                var d = lista[i];
                await copia.StartRowAsync();
                await copia.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await copia.WriteAsync(1, NpgsqlDbType.Integer);
                await copia.WriteAsync(empresa, NpgsqlDbType.Uuid);
                await copia.WriteAsync(d.ClienteId!.Value, NpgsqlDbType.Uuid);
                await copia.WriteAsync(d.Moneda, NpgsqlDbType.Varchar);
                await copia.WriteAsync(d.FechaEmision, NpgsqlDbType.Date);
                await copia.WriteAsync(d.FechaVencimiento!.Value, NpgsqlDbType.Date);
                await copia.WriteAsync(d.Total, NpgsqlDbType.Numeric);
                await copia.WriteAsync(pagado ? 0m : d.Total, NpgsqlDbType.Numeric);
            }

            await copia.CompleteAsync();
        }
    }

    /// <summary>The API's company total and the raw GROUP BY's total must agree, or the comparison means nothing.</summary>
    private static async Task Verificar(HttpClient http, NpgsqlDataSource fuente, string url, string sql, Guid empresa, DateOnly corte)
    {
        var api = JsonDocument.Parse(await http.GetStringAsync(url)).RootElement.GetProperty("total").GetDecimal();
        await using var cmd = fuente.CreateCommand($"SELECT COALESCE(sum(sum), 0) FROM ({sql}) x");
        cmd.Parameters.AddWithValue("e", empresa);
        cmd.Parameters.AddWithValue("corte", corte);
        var crudo = (decimal)(await cmd.ExecuteScalarAsync())!;
        if (api != crudo)
            Console.WriteLine($"AVISO: total de antigüedad distinto: API {api:N0}, SQL {crudo:N0}");
    }

    /// <summary>
    /// 40 warm-up pairs first: .NET's tiered JIT re-compiles a method after about 30 calls, and timing
    /// before that measures the first-tier code instead of what a running server executes.
    /// </summary>
    internal static async Task<(double Api, double Sql)> Comparar(string nombre, int veces, Func<Task> api, Func<Task> sql, int calentamiento = 40)
    {
        for (var i = 0; i < calentamiento; i++)
        {
            await api();
            await sql();
        }

        var tApi = await Mediana(api, veces);
        var tSql = await Mediana(sql, veces);
        Console.WriteLine($"| {nombre} | {tApi:N1} ms | {tSql:N1} ms | {tApi / tSql:N2}x |");
        return (tApi, tSql);
    }

    internal static async Task<double> Mediana(Func<Task> accion, int veces)
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

    internal static async Task SqlAsync(NpgsqlDataSource fuente, string sql, Guid empresa, DateOnly corte, Guid? cliente)
    {
        await using var cmd = fuente.CreateCommand(sql);
        cmd.Parameters.AddWithValue("e", empresa);
        cmd.Parameters.AddWithValue("corte", corte);
        if (cliente is not null)
            cmd.Parameters.AddWithValue("c", cliente.Value);
        await using var lector = await cmd.ExecuteReaderAsync();
        do
        {
            while (await lector.ReadAsync())
            {
            }
        }
        while (await lector.NextResultAsync());
    }

    /// <summary>
    /// Both aging measurements start from the same settled state: tables vacuumed (visibility map set, so index-only
    /// scans need no heap visits) and analysed, and the dirty pages written out by a checkpoint, so that neither
    /// measurement pays for the load that came before it (hint bits, a checkpoint or autovacuum in the middle).
    /// </summary>
    internal static Task AsentarAsync(NpgsqlDataSource fuente) =>
        EjecutarAsync(fuente, "VACUUM (ANALYZE) cartera.documentos, cartera.cuotas, cartera.pagos, cartera.aplicaciones; CHECKPOINT;");

    private static async Task EjecutarAsync(NpgsqlDataSource fuente, string sql)
    {
        foreach (var s in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var cmd = fuente.CreateCommand(s);
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

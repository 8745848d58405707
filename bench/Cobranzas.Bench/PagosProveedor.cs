using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cobranzas.Simuladores;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Cobranzas.Bench;

/// <summary>
/// Confirmed payments from a provider (issue 12 §1): Flow activated against its simulator, one payment link per document, then every
/// link paid at the simulator, which posts its (unsigned) confirmation to the API; the API asks Flow for the status (a signed call to the
/// simulator), registers the payment in Cartera once per Flow payment and applies it to the link's document. A second confirmation
/// of a tenth of them must register nothing. Baseline on the same data: the same payments (one per document, applied to it) through
/// <c>POST /pagos/lote</c>.
/// </summary>
public static class BancoPagosProveedor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task EjecutarAsync(WebApplicationFactory<Program> factory, HttpClient http, NpgsqlDataSource fuente, Guid empresa, int cantidad)
    {
        await using var flow = new SimuladorFlow { ClienteConfirmaciones = () => factory.CreateClient(), IntentosConfirmacion = 1 };
        await flow.IniciarAsync();
        (await http.PostAsJsonAsync("/api/v1/integraciones/proveedores/flow/activar", new
        {
            credenciales = new Dictionary<string, string> { ["apiKey"] = flow.ApiKey, ["secretKey"] = flow.SecretKey }, urlBase = flow.Url.AbsoluteUri,
        })).EnsureSuccessStatusCode();

        var clientes = new List<Guid>();
        await using (var cmd = fuente.CreateCommand("SELECT id FROM clientes.clientes WHERE empresa_id = @e ORDER BY rut LIMIT @n"))
        {
            cmd.Parameters.AddWithValue("e", empresa);
            cmd.Parameters.AddWithValue("n", cantidad);
            await using var l = await cmd.ExecuteReaderAsync();
            while (await l.ReadAsync())
                clientes.Add(l.GetGuid(0));
        }

        // Two documents per client: the first is paid through its link, the second through /pagos/lote.
        var hoy = DateOnly.FromDateTime(DateTime.UtcNow);
        var documentos = clientes.SelectMany((c, i) => new[] { 0, 1 }.Select(k => new
        {
            tipo = "33", folio = 7_000_000L + (2 * i) + k, clienteId = c, fechaEmision = hoy.AddDays(-40), fechaVencimiento = hoy.AddDays(-10), moneda = "CLP",
            neto = 20_000m + i, exento = 0m, iva = 0m, total = 20_000m + i,
        })).ToList();
        (await http.PostAsJsonAsync("/api/v1/documentos/lote", documentos)).EnsureSuccessStatusCode();
        var porFolio = new Dictionary<long, Guid>();
        await using (var cmd = fuente.CreateCommand("SELECT folio, id FROM cartera.documentos WHERE empresa_id = @e AND folio >= 7000000 AND folio < 8000000"))
        {
            cmd.Parameters.AddWithValue("e", empresa);
            await using var l = await cmd.ExecuteReaderAsync();
            while (await l.ReadAsync())
                porFolio[l.GetInt64(0)] = l.GetGuid(1);
        }

        var sw = Stopwatch.StartNew();
        var enlaces = new string[clientes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, clientes.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var r = await http.PostAsJsonAsync("/api/v1/integraciones/enlaces-pago",
                new { clienteId = clientes[i], documentoIds = new[] { porFolio[7_000_000L + (2 * i)] }, emailPagador = "pagos@bench.test" }, ct);
            var enlace = JsonNode.Parse(await r.Content.ReadAsStringAsync(ct))!;
            if (r.StatusCode != HttpStatusCode.Created)
                throw new InvalidOperationException($"Enlace de pago: {(int)r.StatusCode} {enlace}");
            enlaces[i] = flow.OrdenDe(((string)enlace["id"]!).Replace("-", "", StringComparison.Ordinal)).Token;
        });
        var tEnlaces = sw.Elapsed;

        sw.Restart();
        var rechazos = 0;
        await Parallel.ForEachAsync(enlaces, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (token, _) =>
        {
            if ((await flow.PagarAsync(token))[^1] != HttpStatusCode.OK)
                Interlocked.Increment(ref rechazos);
        });
        var tProveedor = sw.Elapsed;
        await Parallel.ForEachAsync(enlaces.Where((_, i) => i % 10 == 0), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (token, _) => await flow.RepetirConfirmacionAsync(token));
        var (pagosPortal, aplicado) = await PagosAsync(fuente, empresa, "portal");
        var esperado = clientes.Select((_, i) => 20_000m + i).Sum();
        if (rechazos > 0 || pagosPortal != clientes.Count || aplicado != esperado)
            throw new InvalidOperationException($"Confirmaciones rechazadas {rechazos}; pagos registrados {pagosPortal} de {clientes.Count}; aplicado {aplicado} de {esperado}.");

        var lote = clientes.Select((c, i) => new
        {
            clienteId = c, fecha = hoy, monto = 20_000m + i, moneda = "CLP", canal = "transferencia", referencia = $"bench-{i}", aplicacion = "manual",
            aplicaciones = new[] { new { documentoId = porFolio[7_000_000L + (2 * i) + 1], monto = 20_000m + i } },
        }).ToList();
        sw.Restart();
        using (var r = await http.PostAsync("/api/v1/pagos/lote", JsonContent.Create(lote, options: Json)))
        {
            if (!r.IsSuccessStatusCode)
                throw new InvalidOperationException($"/pagos/lote: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }

        var tLote = sw.Elapsed;
        var (pagosLote, aplicadoLote) = await PagosAsync(fuente, empresa, "transferencia");
        if (pagosLote != clientes.Count || aplicadoLote != esperado)
            throw new InvalidOperationException($"/pagos/lote registró {pagosLote} pagos y aplicó {aplicadoLote}; se esperaban {clientes.Count} y {esperado}.");

        var porSegundo = clientes.Count / tProveedor.TotalSeconds;
        var porSegundoLote = clientes.Count / tLote.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"Pagos de proveedor: {clientes.Count:N0} enlaces de pago Flow creados contra el simulador en {tEnlaces.TotalSeconds:N1} s.");
        Console.WriteLine();
        Console.WriteLine("| escenario | Integraciones | base | razón |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| {clientes.Count:N0} confirmaciones de Flow de punta a punta (confirmación → getStatus firmado al simulador → pago registrado y aplicado), " +
            $"8 a la vez; {clientes.Count / 10:N0} repetidas sin efecto, vs los mismos pagos por `/pagos/lote` | {porSegundo:N0} pagos/s ({tProveedor.TotalSeconds:N1} s) | " +
            $"{porSegundoLote:N0} pagos/s ({tLote.TotalSeconds:N1} s) | {porSegundo / porSegundoLote:N2}x; pagos duplicados: {pagosPortal - clientes.Count} |");
    }

    private static async Task<(int Pagos, decimal Aplicado)> PagosAsync(NpgsqlDataSource fuente, Guid empresa, string canal)
    {
        await using var cmd = fuente.CreateCommand("""
            SELECT count(*)::int, coalesce(sum(monto - saldo), 0) FROM cartera.pagos WHERE empresa_id = @e AND canal = @canal
            """);
        cmd.Parameters.AddWithValue("e", empresa);
        cmd.Parameters.AddWithValue("canal", canal);
        await using var l = await cmd.ExecuteReaderAsync();
        await l.ReadAsync();
        return (l.GetInt32(0), l.GetDecimal(1));
    }
}

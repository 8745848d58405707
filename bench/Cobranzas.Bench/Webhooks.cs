using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Cobranzas.Integraciones.Webhooks;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Simuladores;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cobranzas.Bench;

/// <summary>
/// Outbound webhooks (issue 12 §2): one <c>POST /documentos/lote</c> of 10 000 documents fans out to a subscription (one INSERT … SELECT),
/// then the sender drains the outbox to a receiver on loopback (<see cref="ReceptorWebhooks"/>, which verifies every signature and
/// counts each event id). Baseline on the same receiver: raw signed HTTP POSTs of the same 10 000 bodies, same parallelism.
/// </summary>
public static class BancoWebhooks
{
    public const int Eventos = 10_000;

    public static async Task EjecutarAsync(IServiceProvider servicios, HttpClient http, NpgsqlDataSource fuente, Guid empresa)
    {
        await using var receptor = new ReceptorWebhooks();
        await receptor.IniciarAsync();

        SuscripcionConSecretoDto suscripcion;
        await using (var scope = servicios.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ContextoSolicitud>().Establecer(empresa, "bench");
            suscripcion = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new CrearSuscripcionWebhook(new DatosSuscripcionWebhook(receptor.Destino.ToString(), "bench", ["documento.creado"], true)));
        }

        receptor.Secreto = suscripcion.Secreto;

        var clientes = new List<Guid>();
        await using (var cmd = fuente.CreateCommand("SELECT id FROM clientes.clientes WHERE empresa_id = @e ORDER BY rut LIMIT 1000"))
        {
            cmd.Parameters.AddWithValue("e", empresa);
            await using var l = await cmd.ExecuteReaderAsync();
            while (await l.ReadAsync())
                clientes.Add(l.GetGuid(0));
        }

        var hoy = DateOnly.FromDateTime(DateTime.UtcNow);
        var documentos = Enumerable.Range(1, Eventos).Select(i => new
        {
            tipo = "33", folio = 9_000_000L + i, clienteId = clientes[i % clientes.Count], fechaEmision = hoy.AddDays(-10), fechaVencimiento = hoy.AddDays(20),
            moneda = "CLP", neto = 10_000m + i, exento = 0m, iva = 0m, total = 10_000m + i,
        }).ToList();

        var sw = Stopwatch.StartNew();
        (await http.PostAsJsonAsync("/api/v1/documentos/lote", documentos)).EnsureSuccessStatusCode();
        var tLote = sw.Elapsed;
        long enCola;
        await using (var cmd = fuente.CreateCommand("SELECT count(*) FROM integraciones.entregas_webhook WHERE suscripcion_id = @s"))
        {
            cmd.Parameters.AddWithValue("s", suscripcion.Suscripcion.Id);
            enCola = (long)(await cmd.ExecuteScalarAsync())!;
        }

        sw.Restart();
        int entregadas;
        await using (var scope = servicios.CreateAsyncScope())
            entregadas = await scope.ServiceProvider.GetRequiredService<DrenadorWebhooks>().DrenarAsync(CancellationToken.None);
        var tEnvio = sw.Elapsed;
        var (perdidos, duplicados, invalidos) = Conteo(receptor);

        // The baseline: the same bodies, signed the documented way, POSTed raw to the same receiver with the same parallelism.
        var cuerpos = new List<(Guid Evento, string Cuerpo)>();
        await using (var cmd = fuente.CreateCommand("SELECT evento_id, cuerpo FROM integraciones.entregas_webhook WHERE suscripcion_id = @s"))
        {
            cmd.Parameters.AddWithValue("s", suscripcion.Suscripcion.Id);
            await using var l = await cmd.ExecuteReaderAsync();
            while (await l.ReadAsync())
                cuerpos.Add((l.GetGuid(0), l.GetString(1)));
        }

        receptor.Limpiar();
        using var crudo = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        var clave = Encoding.UTF8.GetBytes(suscripcion.Secreto);
        sw.Restart();
        await Parallel.ForEachAsync(cuerpos, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) =>
        {
            var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            using var solicitud = new HttpRequestMessage(HttpMethod.Post, receptor.Destino) { Content = new StringContent(c.Cuerpo, Encoding.UTF8, "application/json") };
            solicitud.Headers.Add("Cobranzas-Signature", $"t={t},v1={Convert.ToHexStringLower(HMACSHA256.HashData(clave, Encoding.UTF8.GetBytes($"{t}.{c.Cuerpo}")))}");
            solicitud.Headers.Add("Cobranzas-Event-Id", c.Evento.ToString());
            using var r = await crudo.SendAsync(solicitud, ct);
            r.EnsureSuccessStatusCode();
        });
        var tCrudo = sw.Elapsed;
        var (perdidosCrudo, duplicadosCrudo, _) = Conteo(receptor);

        var api = entregadas / tEnvio.TotalSeconds;
        var raw = cuerpos.Count / tCrudo.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"Webhooks: lote de {Eventos:N0} documentos en {tLote.TotalSeconds:N1} s con {enCola:N0} eventos en la bandeja (un INSERT … SELECT).");
        Console.WriteLine("| escenario | producto | POST directo | razón |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| {Eventos:N0} eventos firmados a un receptor en loopback | {api:N0} eventos/s ({tEnvio.TotalSeconds:N1} s) | {raw:N0} eventos/s ({tCrudo.TotalSeconds:N1} s) | {api / raw:N2}x |");
        Console.WriteLine($"Producto: {entregadas:N0} entregados, {perdidos} perdidos, {duplicados} duplicados, {invalidos} firmas inválidas. POST directo: {perdidosCrudo} perdidos, {duplicadosCrudo} duplicados.");
    }

    private static (int Perdidos, int Duplicados, int Invalidos) Conteo(ReceptorWebhooks receptor) =>
        (Eventos - receptor.Aceptados.Count, receptor.Aceptados.Values.Sum(n => n - 1), receptor.Recibidos.Count(r => !r.FirmaValida));
}

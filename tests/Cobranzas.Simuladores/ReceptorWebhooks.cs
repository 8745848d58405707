using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Cobranzas.Simuladores;

/// <summary>
/// A partner's webhook receiver, written from the documented scheme only (README, «Webhooks»), not from the product's code:
/// <c>Cobranzas-Signature: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c> keyed with the UTF-8 bytes of the secret, a timestamp
/// tolerance of 5 minutes, and dedup by <c>Cobranzas-Event-Id</c>. Answers 200 to a valid event, 400 to a bad signature, and whatever
/// status the test queued with <see cref="FallarSiguientes"/>.
/// </summary>
public sealed class ReceptorWebhooks : SimuladorHttp
{
    public sealed record Recibido(string EventoId, string Tipo, JsonObject Cuerpo, bool FirmaValida, int Respondido);

    private readonly ConcurrentQueue<int> fallas = new();
    private readonly ConcurrentQueue<Recibido> recibidos = new();
    private readonly ConcurrentDictionary<string, int> aceptados = new();

    public string Secreto { get; set; } = "";

    /// <summary>The receiver's clock for the timestamp tolerance (the tests' fake clock).</summary>
    public Func<DateTimeOffset> Reloj { get; set; } = () => DateTimeOffset.UtcNow;

    public static readonly TimeSpan Tolerancia = TimeSpan.FromMinutes(5);

    public Uri Destino => new(Url, "webhooks");

    /// <summary>Every request, in arrival order (valid or not, answered with any status).</summary>
    public IReadOnlyList<Recibido> Recibidos => [.. recibidos];

    /// <summary>How many times each event id was accepted (answered 2xx); a duplicate delivery shows as a count above one.</summary>
    public IReadOnlyDictionary<string, int> Aceptados => aceptados;

    public void FallarSiguientes(int veces, int estado = 500)
    {
        for (var i = 0; i < veces; i++)
            fallas.Enqueue(estado);
    }

    public void Limpiar()
    {
        recibidos.Clear();
        aceptados.Clear();
        fallas.Clear();
    }

    protected override void Mapear(WebApplication app) => app.MapPost("/webhooks", async (HttpRequest solicitud) =>
    {
        using var lector = new StreamReader(solicitud.Body, Encoding.UTF8);
        var cuerpo = await lector.ReadToEndAsync();
        var eventoId = solicitud.Headers["Cobranzas-Event-Id"].ToString();
        var valida = FirmaValida(solicitud.Headers["Cobranzas-Signature"].ToString(), cuerpo);
        var json = JsonNode.Parse(cuerpo)!.AsObject();
        var estado = !valida ? 400 : fallas.TryDequeue(out var e) ? e : 200;
        recibidos.Enqueue(new Recibido(eventoId, json["tipo"]!.GetValue<string>(), json, valida, estado));
        if (estado is >= 200 and < 300)
            aceptados.AddOrUpdate(eventoId, 1, (_, n) => n + 1);
        return Results.Text(estado == 200 ? "ok" : $"fallo simulado {estado}", statusCode: estado);
    });

    /// <summary>The documented check: parse t and every v1, recompute over "t.body", compare in constant time, reject stale t.</summary>
    public bool FirmaValida(string encabezado, string cuerpo)
    {
        long? t = null;
        var firmas = new List<string>();
        foreach (var parte in encabezado.Split(','))
        {
            var kv = parte.Split('=', 2);
            if (kv.Length != 2)
                continue;
            if (kv[0] == "t" && long.TryParse(kv[1], out var unix))
                t = unix;
            else if (kv[0] == "v1")
                firmas.Add(kv[1]);
        }

        if (t is null || firmas.Count == 0 || (Reloj() - DateTimeOffset.FromUnixTimeSeconds(t.Value)).Duration() > Tolerancia)
            return false;
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secreto));
        var esperada = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{t}.{cuerpo}"));
        return firmas.Any(f => f.Length == esperada.Length * 2 && f.All(Uri.IsHexDigit) && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(f), esperada));
    }
}

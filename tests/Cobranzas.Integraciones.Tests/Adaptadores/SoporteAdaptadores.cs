using System.Collections.Concurrent;
using Cobranzas.Integraciones.Proveedores;
using Cobranzas.Simuladores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Integraciones.Tests.Adaptadores;

/// <summary>
/// The adapters as the module registers them (<see cref="AreaProveedores.AgregarServicios"/>: named clients with their
/// resilience handler), with a 10 ms retry backoff so that a test of three retries takes no time.
/// </summary>
public static class SoporteAdaptadores
{
    public static ServiceProvider Servicios()
    {
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{ClientesHttpProveedores.Seccion}:RetardoReintento"] = "00:00:00.010" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        AreaProveedores.AgregarServicios(services, configuracion);
        return services.BuildServiceProvider();
    }

    public static T Adaptador<T>(this ServiceProvider servicios) where T : IProveedorPago =>
        servicios.GetServices<IProveedorPago>().OfType<T>().Single();

    public static SolicitudCobro Solicitud(ReceptorPrueba receptor, string referencia, decimal monto = 125_000m, string? clave = null) => new(
        referencia, monto, "CLP", "Factura 1001 Cobranzas del Sur", "pagador@cliente.test",
        new Uri(receptor.Url, $"notificaciones/{referencia}"), new Uri(receptor.Url, $"retorno/{referencia}"),
        DateTimeOffset.UtcNow.AddDays(3), clave ?? Guid.NewGuid().ToString());
}

/// <summary>
/// Test code, not product code: stands where the public notification endpoint will be. Records every request it gets as the
/// <see cref="NotificacionEntrante"/> the endpoint would build, and answers what <see cref="Procesar"/> says (200 by default).
/// </summary>
public sealed class ReceptorPrueba : SimuladorHttp
{
    public ConcurrentQueue<NotificacionEntrante> Recibidas { get; } = new();

    /// <summary>What to do with a notification: the HTTP status to answer.</summary>
    public Func<NotificacionEntrante, Task<int>>? Procesar { get; set; }

    public NotificacionEntrante Ultima => Recibidas.Last();

    protected override void Mapear(WebApplication app) =>
        app.Map("/{**ruta}", async (HttpContext contexto) =>
        {
            using var lector = new StreamReader(contexto.Request.Body);
            var notificacion = new NotificacionEntrante(
                contexto.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                contexto.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                await lector.ReadToEndAsync(),
                contexto.Request.ContentType);
            Recibidas.Enqueue(notificacion);
            return Results.StatusCode(Procesar is null ? 200 : await Procesar(notificacion));
        });
}

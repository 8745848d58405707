using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Quartz;

namespace Cobranzas.Integraciones.Webhooks;

/// <summary>The area of Integraciones for outbound webhooks (subscriptions, signed delivery through the outbox, delivery log): its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaWebhooks
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddSingleton<DestinosWebhook>();
        services.AddScoped<DrenadorWebhooks>();
        services.AddTransient<EnviarWebhooksJob>();
        // No redirects (a 3xx could point anywhere), no proxy, connections only to addresses the connect callback checked, and
        // recycled every minute so a DNS change is seen. Retries are the outbox's, not the handler's: only timeouts here.
        services.AddHttpClient(DrenadorWebhooks.Cliente, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("Cobranzas-Webhooks/1.0"))
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var destinos = sp.GetRequiredService<DestinosWebhook>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false, UseProxy = false, UseCookies = false, ConnectCallback = destinos.ConectarAsync,
                    ConnectTimeout = TimeSpan.FromSeconds(5), PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                    MaxConnectionsPerServer = 64,
                };
            })
            .AddResilienceHandler("webhooks", b => b.AddTimeout(DrenadorWebhooks.TiempoRespuesta));
        services.AddQuartz(q => q.ScheduleJob<EnviarWebhooksJob>(
            t => t.WithIdentity("enviar-webhooks", "integraciones")
                .WithSimpleSchedule(TimeSpan.FromSeconds(configuracion.GetValue("Quartz:EnviarWebhooks:Segundos", 15))),
            j => j.WithIdentity(EnviarWebhooksJob.Clave)));
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ListarTiposEventoWebhook.Map, ListarSuscripcionesWebhook.Map, CrearSuscripcionWebhook.Map, ObtenerSuscripcionWebhook.Map, ActualizarSuscripcionWebhook.Map,
        EliminarSuscripcionWebhook.Map, RotarSecretoWebhook.Map, ProbarSuscripcionWebhook.Map, ListarEntregasWebhook.Map, ObtenerEntregaWebhook.Map,
        ReenviarEntregaWebhook.Map,
    ];
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Integraciones.Webhooks;

/// <summary>The area of Integraciones for outbound webhooks (subscriptions, signed delivery through the outbox, delivery log): its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaWebhooks
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
    ];
}

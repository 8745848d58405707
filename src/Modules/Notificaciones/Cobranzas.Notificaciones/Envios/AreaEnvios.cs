using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>The area of Notificaciones for runs, the outbox and its sender: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaEnvios
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas = [];
}

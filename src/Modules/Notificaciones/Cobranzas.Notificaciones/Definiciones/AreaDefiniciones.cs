using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Notificaciones.Definiciones;

/// <summary>The area of Notificaciones for notification definitions, their logo, templates, preview and test send: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaDefiniciones
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas = [];
}

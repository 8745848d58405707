using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Integraciones.EnlacesPago;

/// <summary>The area of Integraciones for payment links and the confirmed payments they bring: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaEnlacesPago
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
    ];
}

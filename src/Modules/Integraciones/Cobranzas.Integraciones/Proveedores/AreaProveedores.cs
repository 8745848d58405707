using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Integraciones.Proveedores;

/// <summary>The area of Integraciones for payment providers (catalogue, activation, adapters, notifications): its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaProveedores
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
    ];
}

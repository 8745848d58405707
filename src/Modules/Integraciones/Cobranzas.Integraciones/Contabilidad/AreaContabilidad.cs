using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Integraciones.Contabilidad;

/// <summary>The area of Integraciones for the accounting export (journal entries per period, incremental pull): its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaContabilidad
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
    ];
}

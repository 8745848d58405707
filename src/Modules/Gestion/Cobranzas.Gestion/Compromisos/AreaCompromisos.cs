using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Compromisos;

/// <summary>The area of Gestión for payment promises and disputes: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaCompromisos
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas = [];
}

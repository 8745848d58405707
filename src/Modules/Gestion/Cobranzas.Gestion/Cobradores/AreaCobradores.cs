using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Cobradores;

/// <summary>The area of Gestión for collectors, portfolios (carteras), zones and the assignment of clients: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaCobradores
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas = [];
}

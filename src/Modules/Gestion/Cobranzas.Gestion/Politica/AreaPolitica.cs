using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Politica;

/// <summary>The area of Gestión for collection stages and the escalation policy: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaPolitica
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas = [];
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Trabajo;

/// <summary>The area of Gestión for the worklist (mi-trabajo), the calendar and the in-app alerts: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaTrabajo
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas = [];
}

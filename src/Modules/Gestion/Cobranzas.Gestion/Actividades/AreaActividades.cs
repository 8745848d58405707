using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Actividades;

/// <summary>The area of Gestión for activity types, the activity log and its attachments, call scripts and the contact rules: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaActividades
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas = [];
}

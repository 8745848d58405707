using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Notificaciones.Seguimiento;

/// <summary>The area of Notificaciones for the delivery log, tracking, unsubscribe, bounces and IMAP replies: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaSeguimiento
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas = [];
}

using Cobranzas.Notificaciones.CuentasDeposito;
using Cobranzas.Notificaciones.Definiciones;
using Cobranzas.Notificaciones.Envios;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.Notificaciones.Seguimiento;
using Cobranzas.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Notificaciones;

public sealed class NotificacionesModulo : IModulo
{
    public static Type Contexto => typeof(NotificacionesDbContext);

    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddContextoModulo<NotificacionesDbContext>(NotificacionesDbContext.Esquema);
        AreaCuentasDeposito.AgregarServicios(services, configuracion);
        AreaDefiniciones.AgregarServicios(services, configuracion);
        AreaEnvios.AgregarServicios(services, configuracion);
        AreaSeguimiento.AgregarServicios(services, configuracion);
    }

    /// <summary>Each slice maps its own endpoint under <c>/api/v1/notificaciones</c>; each area lists its slices in document order.</summary>
    public static void MapearRutas(IEndpointRouteBuilder app) => new RutasModulo(app, "Notificaciones").Mapear(
        [.. AreaCuentasDeposito.Rutas, .. AreaDefiniciones.Rutas, .. AreaEnvios.Rutas, .. AreaSeguimiento.Rutas]);
}

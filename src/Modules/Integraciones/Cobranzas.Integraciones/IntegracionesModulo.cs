using Cobranzas.Integraciones.Contabilidad;
using Cobranzas.Integraciones.EnlacesPago;
using Cobranzas.Integraciones.Persistencia;
using Cobranzas.Integraciones.Proveedores;
using Cobranzas.Integraciones.Webhooks;
using Cobranzas.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Integraciones;

public sealed class IntegracionesModulo : IModulo
{
    public static Type Contexto => typeof(IntegracionesDbContext);

    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddContextoModulo<IntegracionesDbContext>(IntegracionesDbContext.Esquema);
        AreaProveedores.AgregarServicios(services, configuracion);
        AreaEnlacesPago.AgregarServicios(services, configuracion);
        AreaWebhooks.AgregarServicios(services, configuracion);
        AreaContabilidad.AgregarServicios(services, configuracion);
    }

    /// <summary>Each slice maps its own endpoint under <c>/api/v1/integraciones</c>; each area lists its slices in document order.</summary>
    public static void MapearRutas(IEndpointRouteBuilder app) => new RutasModulo(app, "Integraciones").Mapear(
        [.. AreaProveedores.Rutas, .. AreaEnlacesPago.Rutas, .. AreaWebhooks.Rutas, .. AreaContabilidad.Rutas]);
}

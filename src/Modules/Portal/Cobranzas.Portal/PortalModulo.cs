using Cobranzas.Portal.Acceso;
using Cobranzas.Portal.Consulta;
using Cobranzas.Portal.Marca;
using Cobranzas.Portal.Pagos;
using Cobranzas.Portal.Persistencia;
using Cobranzas.Portal.Solicitudes;
using Cobranzas.SharedKernel.Modulos;
using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Portal;

/// <summary>The debtor-facing portal: access links, sessions, and the client's view composed from the other modules' Contracts.</summary>
public sealed class PortalModulo : IModulo
{
    public static Type Contexto => typeof(PortalDbContext);

    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddContextoModulo<PortalDbContext>(PortalDbContext.Esquema);
        services.Configure<OpcionesPortal>(configuracion.GetSection("Portal"));
        services.AddScoped<SesionActual>();
        services.AddScoped<IValidadorSesionPortal, ValidadorSesionPortal>();
    }

    public static void MapearRutas(IEndpointRouteBuilder app)
    {
        new RutasPortal(app).Mapear(
            SolicitarAccesoPortal.Map, AbrirSesionPortal.Map, CerrarSesionPortal.Map,
            ObtenerResumenPortal.Map, ObtenerEstadoCuentaPortal.Map, DescargarDocumentoPortal.Map,
            PagarEnLineaPortal.Map, ListarPagosPortal.Map,
            CrearSolicitudPortal.Map, CrearReclamoPortal.Map, CrearCompromisoPortal.Map, ListarSolicitudesPortal.Map);
        new RutasModulo(app, "Portal").Mapear(ObtenerMarcaPortal.Map, GuardarMarcaPortal.Map);
    }
}

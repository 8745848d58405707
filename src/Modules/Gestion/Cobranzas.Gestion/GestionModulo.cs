using Cobranzas.Gestion.Actividades;
using Cobranzas.Gestion.Cobradores;
using Cobranzas.Gestion.Compromisos;
using Cobranzas.Gestion.Configuracion;
using Cobranzas.Gestion.Feriados;
using Cobranzas.Gestion.Indicadores;
using Cobranzas.Gestion.Judicial;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Politica;
using Cobranzas.Gestion.Terreno;
using Cobranzas.Gestion.Trabajo;
using Cobranzas.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion;

public sealed class GestionModulo : IModulo
{
    public static Type Contexto => typeof(GestionDbContext);

    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddContextoModulo<GestionDbContext>(GestionDbContext.Esquema);
        services.AddScoped<AlcanceGestion>();
        services.AddScoped<CalendarioHabil>();
        AreaCobradores.AgregarServicios(services, configuracion);
        AreaActividades.AgregarServicios(services, configuracion);
        AreaCompromisos.AgregarServicios(services, configuracion);
        AreaPolitica.AgregarServicios(services, configuracion);
        AreaTrabajo.AgregarServicios(services, configuracion);
        AreaIndicadores.AgregarServicios(services);
        AreaTerreno.AgregarServicios(services);
        AreaJudicial.AgregarServicios(services);
    }

    /// <summary>Each slice maps its own endpoint under <c>/api/v1/gestion</c>; each area lists its slices in document order.</summary>
    public static void MapearRutas(IEndpointRouteBuilder app) => new RutasModulo(app, "Gestion").Mapear(
        [ObtenerConfiguracionGestion.Map, GuardarConfiguracionGestion.Map, .. AreaCobradores.Rutas, .. AreaActividades.Rutas, .. AreaCompromisos.Rutas, .. AreaPolitica.Rutas, .. AreaTrabajo.Rutas, .. AreaIndicadores.Rutas, .. AreaTerreno.Rutas, .. AreaJudicial.Rutas]);
}

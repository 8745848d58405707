using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Notificaciones.Definiciones;

/// <summary>The area of Notificaciones for notification definitions, their logo, templates, preview and test send: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaDefiniciones
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddScoped<Plantillas.ConstructorDatosCorreo>();
        services.AddScoped<VistaPrevia>();
        services.AddSingleton<EnlacesLogo>();
        services.AddSingleton<ProgramadorDefiniciones>();
        if (configuracion.GetValue("Quartz:Habilitado", true))
            services.AddHostedService<RestaurarProgramacionDefiniciones>();
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ListarDefiniciones.Map, CrearDefinicion.Map, VistaPreviaBorrador.Map, ObtenerDefinicion.Map, ActualizarDefinicion.Map, EliminarDefinicion.Map,
        DesactivarDefinicion.Map, ActivarDefinicion.Map, VistaPreviaDefinicion.Map, EnviarPruebaDefinicion.Map, SubirLogoDefinicion.Map, ObtenerLogoDefinicion.Map,
        EliminarLogoDefinicion.Map, ObtenerLogoPublico.Map, ListarEtiquetasCorreo.Map,
    ];
}

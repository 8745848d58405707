using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Actividades;

/// <summary>The area of Gestión for activity types, the activity log and its attachments, call scripts and the contact rules: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaActividades
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion) => services.AddScoped<ReglasContacto>();

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ListarTiposActividad.Map, CrearTipoActividad.Map, ActualizarTipoActividad.Map, DesactivarTipoActividad.Map,
        ListarActividades.Map, ObtenerActividad.Map, RegistrarActividad.Map, AdjuntarArchivoActividad.Map, DescargarAdjuntoActividad.Map,
        ListarGuiones.Map, ObtenerGuion.Map, CrearGuion.Map, ActualizarGuion.Map, EliminarGuion.Map, VerGuion.Map,
        ConsultarReglasContacto.Map,
    ];
}

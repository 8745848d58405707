using Cobranzas.Notificaciones.Envios;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Cobranzas.Notificaciones.Seguimiento;

/// <summary>The area of Notificaciones for the delivery log, tracking, unsubscribe, bounces and IMAP replies: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaSeguimiento
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddSingleton<TokensSeguimiento>();
        services.AddSingleton<UrlPublicaCorreo>();
        services.AddScoped<IEnlacesCorreo, EnlacesCorreo>();
        services.AddScoped<SeguimientoPublico>();
        services.AddScoped<ProcesadorCorreoEntrante>();
        services.AddSingleton<LectorRespuestas>();
        services.Configure<OpcionesImap>(configuracion.GetSection("Notificaciones:Imap"));
        services.AddTransient<LeerRespuestasJob>();
        services.AddQuartz(q => q.ScheduleJob<LeerRespuestasJob>(
            t => t.WithIdentity("leer-respuestas", "notificaciones")
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(configuracion.GetValue("Quartz:LeerRespuestas:Segundos", 300))).RepeatForever()),
            j => j.WithIdentity(LeerRespuestasJob.Clave)));
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ListarEnvios.Map, ResumenEnvios.Map, ObtenerEnvio.Map, ObtenerRespuestaCorreo.Map,
        EnlacesPublicos.MapApertura, EnlacesPublicos.MapClic, EnlacesPublicos.MapPaginaBaja, EnlacesPublicos.MapBaja,
    ];
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Cobranzas.Notificaciones.Envios;

/// <summary>The area of Notificaciones for runs, the outbox and its sender: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaEnvios
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddScoped<SeleccionDestinatarios>();
        services.AddScoped<DrenadorEnvios>();
        services.AddSingleton<AvisoEnvios>();
        services.AddTransient<EnviarNotificacionesJob>();
        services.AddQuartz(q => q.ScheduleJob<EnviarNotificacionesJob>(
            t => t.WithIdentity("enviar-notificaciones", "notificaciones")
                .WithSimpleSchedule(TimeSpan.FromSeconds(configuracion.GetValue("Quartz:EnviarNotificaciones:Segundos", 60))),
            j => j.WithIdentity(EnviarNotificacionesJob.Clave)));
    }

    public static readonly Action<RutasModulo>[] Rutas = [ConteoDestinatarios.Map, EjecutarDefinicionAhora.Map];
}

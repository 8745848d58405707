using Cobranzas.SharedKernel.Tiempo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Cobranzas.Gestion.Trabajo;

/// <summary>The area of Gestión for the worklist (mi-trabajo), the calendar and the in-app alerts: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaTrabajo
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddScoped<AvisoTareasAtrasadas>();
        services.AddTransient<AvisoTareasAtrasadasJob>();
        // Every day at 08:00 in Santiago whatever the DST offset; the clustered job store fires it on one replica.
        services.AddQuartz(q => q.ScheduleJob<AvisoTareasAtrasadasJob>(
            t => t.WithIdentity("tareas-atrasadas", "gestion")
                .WithSchedule(CronScheduleBuilder.Create(configuracion["Quartz:TareasAtrasadas:Cron"] ?? AvisoTareasAtrasadasJob.HorarioPorOmision).InTimeZone(FechaNegocio.Santiago)),
            j => j.WithIdentity(AvisoTareasAtrasadasJob.Clave)));
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ObtenerMiTrabajo.Map, ListarTareas.Map, CrearTarea.Map, CompletarTarea.Map, PosponerTarea.Map, ReasignarTarea.Map, ObtenerCalendario.Map,
        ListarAlertas.Map, MarcarAlertasLeidas.Map, MarcarAlertaLeida.Map, AvisarTareasAtrasadas.Map,
    ];
}

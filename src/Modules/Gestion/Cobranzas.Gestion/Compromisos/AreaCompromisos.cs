using Cobranzas.Gestion.Disputas;
using Cobranzas.SharedKernel.Tiempo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Cobranzas.Gestion.Compromisos;

/// <summary>The area of Gestión for payment promises and disputes: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaCompromisos
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddScoped<EvaluadorCompromisos>();
        services.AddScoped<TransicionesDisputa>();
        services.AddTransient<EvaluacionCompromisosJob>();
        services.AddQuartz(q => q.ScheduleJob<EvaluacionCompromisosJob>(
            t => t.WithIdentity("evaluacion-compromisos", "gestion")
                .WithSchedule(CronScheduleBuilder.Create(configuracion["Quartz:EvaluacionCompromisos:Cron"] ?? EvaluacionCompromisosJob.HorarioPorOmision).InTimeZone(FechaNegocio.Santiago)),
            j => j.WithIdentity(EvaluacionCompromisosJob.Clave)));
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ListarCompromisos.Map, TomarCompromiso.Map, ObtenerCompromiso.Map, ReprogramarCompromiso.Map, AnularCompromiso.Map,
        ListarMotivosDisputa.Map, CrearMotivoDisputa.Map, ActualizarMotivoDisputa.Map, DesactivarMotivoDisputa.Map,
        ListarDisputas.Map, AbrirDisputa.Map, ResolverDisputas.Map, ObtenerDisputa.Map, CambiarEstadoDisputa.Map, AdjuntarADisputa.Map, DescargarAdjuntoDisputa.Map,
    ];
}

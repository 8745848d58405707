using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Cobranzas.Integraciones.Contabilidad;

/// <summary>The area of Integraciones for the accounting export (journal entries per period, incremental pull): its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaContabilidad
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddScoped<GeneradorAsientos>();
        services.AddTransient<GenerarAsientosJob>();
        services.AddQuartz(q => q.ScheduleJob<GenerarAsientosJob>(
            t => t.WithIdentity("generar-asientos", "integraciones").WithSimpleSchedule(TimeSpan.FromMinutes(configuracion.GetValue("Quartz:GenerarAsientos:Minutos", 5))),
            j => j.WithIdentity(GenerarAsientosJob.Clave)));
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ObtenerConfiguracionContable.Map, GuardarConfiguracionContable.Map, ListarAsientos.Map, AsientosPeriodo.Map, ExportarAsientos.Map, GenerarAsientos.Map,
    ];
}

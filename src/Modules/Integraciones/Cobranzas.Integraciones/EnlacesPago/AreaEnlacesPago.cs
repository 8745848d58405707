using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Cobranzas.Integraciones.EnlacesPago;

/// <summary>The area of Integraciones for payment links and the confirmed payments they bring: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaEnlacesPago
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddScoped<ConfirmacionPagos>();
        services.AddScoped<RevisionEnlaces>();
        services.AddTransient<RevisarEnlacesPagoJob>();
        services.AddQuartz(q => q.ScheduleJob<RevisarEnlacesPagoJob>(
            t => t.WithIdentity("revisar-enlaces-pago", "integraciones")
                .WithSimpleSchedule(TimeSpan.FromSeconds(configuracion.GetValue("Quartz:RevisarEnlacesPago:Segundos", 300))),
            j => j.WithIdentity(RevisarEnlacesPagoJob.Clave)));
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        CrearEnlacePago.Map, ListarEnlacesPago.Map, ObtenerEnlacePago.Map, AnularEnlacePago.Map,
    ];
}

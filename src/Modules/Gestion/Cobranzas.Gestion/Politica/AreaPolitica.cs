using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Cobranzas.Gestion.Politica;

/// <summary>The area of Gestión for collection stages and the escalation policy: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaPolitica
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.TryAddSingleton<SharedKernel.Pdf.ImpresoraPdf>();
        // Each kind of step action is one class: adding one (the e-mail of Notificaciones) is one more line here.
        services.AddScoped<IAccionPaso, AccionTarea>();
        services.AddScoped<IAccionPaso, AccionCarta>();
        services.AddScoped<IAccionPaso, AccionSuspension>();
        services.AddScoped<IAccionPaso, AccionDerivacion>();
        services.AddScoped<IAccionPaso, AccionCorreo>();
        services.AddScoped<PuertaContactoPolitica>();
        services.AddScoped<MotorEscalamiento>();
        services.AddTransient<EscalamientoJob>();
        services.AddQuartz(q => q.ScheduleJob<EscalamientoJob>(
            t => t.WithIdentity("escalamiento", "gestion").WithSchedule(EscalamientoJob.Horario(configuracion["Quartz:Escalamiento:Cron"] ?? EscalamientoJob.HorarioPorOmision)),
            j => j.WithIdentity(EscalamientoJob.Clave)));
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ObtenerPoliticaCobranza.Map, GuardarPoliticaCobranza.Map, EjecutarPoliticaCobranza.Map, ListarEtapasClientes.Map, ObtenerEtapaCliente.Map,
        ListarPasosCliente.Map, CambiarEtapaCliente.Map,
    ];
}

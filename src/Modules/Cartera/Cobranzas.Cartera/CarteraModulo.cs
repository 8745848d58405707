using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Compensaciones;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Convenios;
using Cobranzas.Cartera.Credito;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.EstadoCuenta;
using Cobranzas.Cartera.Importaciones;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Cartera.Reportes;
using Cobranzas.Cartera.ValoresMoneda;
using Cobranzas.SharedKernel.Pdf;
using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tiempo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Cobranzas.Cartera;

public sealed class CarteraModulo : IModulo
{
    public static Type Contexto => typeof(CarteraDbContext);

    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddContextoModulo<CarteraDbContext>(CarteraDbContext.Esquema);
        services.AddScoped<Aplicador>();
        services.AddScoped<ControlCredito>();
        services.AddScoped<AvisoPagos>();
        services.TryAddSingleton<ImpresoraPdf>();
        services.AddTransient<ControlCreditoJob>();
        services.AddScoped<AprobacionConvenio>();
        services.AddScoped<CumplimientoConvenios>();
        services.AddTransient<CumplimientoConveniosJob>();
        services.AddSingleton<Reportes.ProgramadorReportesEjecutivos>();
        services.AddSingleton<Reportes.ObservacionesDelDia>();
        services.AddSingleton<Reportes.HechosDelDia>();
        services.AddTransient<Reportes.ReporteEjecutivoJob>();
        if (configuracion.GetValue("Quartz:Habilitado", true))
            services.AddHostedService<Reportes.RestaurarProgramacionReportesEjecutivos>();
        services.AddQuartz(q => q.ScheduleJob<ControlCreditoJob>(
            t => t.WithIdentity("control-credito", "cartera").WithSchedule(HorarioControlCredito(configuracion["Quartz:ControlCredito:Cron"] ?? HorarioPorOmision)),
            j => j.WithIdentity(ControlCreditoJob.Clave)));
        services.AddQuartz(q => q.ScheduleJob<CumplimientoConveniosJob>(
            t => t.WithIdentity("cumplimiento-convenios", "cartera").WithSchedule(HorarioControlCredito(configuracion["Quartz:CumplimientoConvenios:Cron"] ?? HorarioCumplimientoConvenios)),
            j => j.WithIdentity(CumplimientoConveniosJob.Clave)));
        services.AddTransient<RodarVencidoJob>();
        services.AddQuartz(q => q.ScheduleJob<RodarVencidoJob>(
            t => t.WithIdentity("rodar-vencido", "cartera").WithSchedule(HorarioControlCredito(configuracion["Quartz:RodarVencido:Cron"] ?? RodarVencidoJob.Horario)),
            j => j.WithIdentity(RodarVencidoJob.Clave)));
        services.AddTransient<Reportes.PrepararTableroJob>();
        services.AddQuartz(q => q.ScheduleJob<Reportes.PrepararTableroJob>(
            t => t.WithIdentity("preparar-tablero", "cartera").WithSchedule(HorarioControlCredito(configuracion["Quartz:PrepararTablero:Cron"] ?? Reportes.PrepararTableroJob.Horario)),
            j => j.WithIdentity(Reportes.PrepararTableroJob.Clave)));
    }

    public const string HorarioPorOmision = "0 30 6 * * ?";

    /// <summary>Convenio compliance at 06:45 in Santiago, after the credit control.</summary>
    public const string HorarioCumplimientoConvenios = "0 45 6 * * ?";

    /// <summary>The credit control runs every day at 06:30 in Santiago, before the working day, whatever the DST offset.</summary>
    public static CronScheduleBuilder HorarioControlCredito(string cron = HorarioPorOmision) => CronScheduleBuilder.Create(cron).InTimeZone(FechaNegocio.Santiago);

    /// <summary>Each slice maps its own endpoint; this order is the order of the operations in the OpenAPI document.</summary>
    public static void MapearRutas(IEndpointRouteBuilder app) => new RutasModulo(app, "Cartera").Mapear(
        ListarDocumentos.Map, ExportarDocumentos.Map, ExportarDocumentosElegidos.Map, TotalesDocumentos.Map, CrearDocumento.Map, ImportarLoteDocumentos.Map, ImportarDocumentos.Map, ObtenerDocumento.Map,
        AdjuntarArchivoDocumento.Map, DescargarArchivoDocumento.Map,
        AnularDocumento.Map, CederDocumento.Map, RevertirCesion.Map, CastigarDocumento.Map, EnviarCobranzaBancaria.Map, RetirarCobranzaBancaria.Map, ProtestarDocumento.Map,
        ListarCompensaciones.Map, CrearCompensacion.Map, ObtenerCompensacion.Map, ReversarCompensacion.Map,
        ListarPagos.Map, RegistrarPago.Map, ImportarLotePagos.Map, VistaPreviaPago.Map, ObtenerPago.Map,
        AplicarSaldoPago.Map, DepositarCheque.Map, CobrarCheque.Map, ProtestarCheque.Map, ListarCheques.Map, ReversarAplicacion.Map,
        AntiguedadCartera.Map, CalcularProvision.Map, ObtenerConfiguracionCartera.Map, GuardarConfiguracionCartera.Map,
        ObtenerEstadoCuenta.Map, ExportarEstadoCuenta.Map, ObtenerCredito.Map,
        ListarValoresUf.Map, GuardarValoresUf.Map, ImportarValoresUf.Map, ListarValoresDolar.Map, GuardarValoresDolar.Map, ImportarValoresDolar.Map,
        ObtenerPronostico.Map, ObtenerPrediccion.Map, ObtenerBacktestPronostico.Map,
        ConcentracionDeuda.Map, EvolucionMorosidad.Map, EvolucionProvision.Map, RecuperacionHistorica.Map,
        ConsultarIndicadoresCartera.Map, TendenciaIndicadoresCartera.Map, DesgloseIndicadoresCartera.Map, ExportarIndicadoresCartera.Map,
        Reportes.ObtenerTablero.Map,
        Reportes.ListarReportesEjecutivos.Map, Reportes.CrearReporteEjecutivo.Map, Reportes.ObtenerReporteEjecutivo.Map, Reportes.ActualizarReporteEjecutivo.Map,
        Reportes.EliminarReporteEjecutivo.Map, Reportes.EnviarReporteEjecutivo.Map,
        CargosMora.ObtenerConfiguracionCargosMora.Map, CargosMora.GuardarConfiguracionCargosMora.Map, CargosMora.CalcularCargosMora.Map,
        CargosMora.SolicitarNotaDebito.Map, CargosMora.ListarSolicitudesNotaDebito.Map, CargosMora.ObtenerSolicitudNotaDebito.Map, CargosMora.ResolverSolicitudNotaDebito.Map,
        ListarConvenios.Map, VistaPreviaConvenio.Map, CrearConvenio.Map, ObtenerConfiguracionConvenios.Map, GuardarConfiguracionConvenios.Map, ObtenerConvenio.Map, ObtenerConvenioPdf.Map,
        SolicitarAprobacionConvenio.Map, DecidirConvenio.Map, FirmarConvenio.Map, AnularConvenio.Map, RomperConvenio.Map,
        Factoring.ListarFactores.Map, Factoring.CrearFactor.Map, Factoring.ListarCesiones.Map, Factoring.RegistrarNotificacionCesion.Map,
        Factoring.CambiarCondicionesCesion.Map, Factoring.ListarPorTransferir.Map, Factoring.RegistrarTransferencia.Map, Factoring.ListarTransferencias.Map,
        Factoring.ConciliarFactor.Map,
        Castigos.ListarCandidatosCastigo.Map, Castigos.ObtenerReglasCastigo.Map, Castigos.GuardarReglasCastigo.Map,
        Castigos.ListarPropuestasCastigo.Map, Castigos.CrearPropuestaCastigo.Map, Castigos.ObtenerPropuestaCastigo.Map, Castigos.DecidirPropuestaCastigo.Map,
        Castigos.AnularPropuestaCastigo.Map, Castigos.ListarRecuperosCastigo.Map, Castigos.RegistrarRecuperoCastigo.Map,
        Castigos.ReversarRecuperoCastigo.Map);
}

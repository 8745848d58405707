using Cobranzas.Clientes.Aprobaciones;
using Cobranzas.Clientes.Clientes;
using Cobranzas.Clientes.Comunas;
using Cobranzas.Clientes.Contactos;
using Cobranzas.Clientes.Credito;
using Cobranzas.Clientes.Documentacion;
using Cobranzas.Clientes.Grupos;
using Cobranzas.Clientes.Importaciones;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.Clientes.PoliticasCredito;
using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tiempo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Cobranzas.Clientes;

public sealed class ClientesModulo : IModulo
{
    public static Type Contexto => typeof(ClientesDbContext);

    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddContextoModulo<ClientesDbContext>(ClientesDbContext.Esquema);
        services.AddScoped<EscrituraCliente>();
        services.AddSingleton<IProveedorInformeComercial, ArchivoBureau>();
        services.AddTransient<RevisionLineasCreditoJob>();
        services.AddQuartz(q => q.ScheduleJob<RevisionLineasCreditoJob>(
            t => t.WithIdentity("revision-lineas-credito", "clientes")
                .WithSchedule(CronScheduleBuilder.Create(configuracion["Quartz:RevisionLineasCredito:Cron"] ?? "0 0 7 * * ?").InTimeZone(FechaNegocio.Santiago)),
            j => j.WithIdentity(RevisionLineasCreditoJob.Clave)));
        services.AddTransient<AvisoSiniestrosJob>();
        services.AddQuartz(q => q.ScheduleJob<AvisoSiniestrosJob>(
            t => t.WithIdentity("aviso-siniestros-seguro", "clientes")
                .WithSchedule(CronScheduleBuilder.Create(configuracion["Quartz:AvisoSiniestros:Cron"] ?? "0 30 7 * * ?").InTimeZone(FechaNegocio.Santiago)),
            j => j.WithIdentity(AvisoSiniestrosJob.Clave)));
    }

    /// <summary>Each slice maps its own endpoint; this order is the order of the operations in the OpenAPI document.</summary>
    public static void MapearRutas(IEndpointRouteBuilder app) => new RutasModulo(app, "Clientes").Mapear(
        ListarClientes.Map, ExportarClientes.Map, ExportarClientesElegidos.Map, CrearCliente.Map, ObtenerCliente.Map, ActualizarCliente.Map,
        ActualizarCondiciones.Map, CambiarEstadoCredito.Map, HistorialEstadoCreditoCliente.Map,
        ListarContactos.Map, CrearContacto.Map, ActualizarContacto.Map, EliminarContacto.Map, CambiarActividadContacto.Map, BuscarContactos.Map,
        ListarPoliticasCredito.Map, CrearPoliticaCredito.Map, ActualizarPoliticaCredito.Map,
        TiposGrupo.Clientes.Map, TiposGrupo.Contactos.Map, ImportarClientes.Map, ListarComunas.Map,
        ListarNivelesAprobacion.Map, GuardarNivelesAprobacion.Map, ListarAprobacionesPendientes.Map, ObtenerAprobacionPorId.Map, RegistrarDecisionAprobacion.Map,
        ListarSolicitudesCredito.Map, CrearSolicitudCredito.Map, ObtenerSolicitudCredito.Map, ActualizarSolicitudCredito.Map, GuardarInformeComercial.Map,
        EnviarSolicitudCredito.Map, DecidirSolicitudCredito.Map, ObtenerPonderacionesScore.Map, GuardarPonderacionesScore.Map, ImportarInformesComerciales.Map,
        ListarPolizasSeguro.Map, CrearPolizaSeguro.Map, ActualizarPolizaSeguro.Map, TerminarPolizaSeguro.Map, EliminarPolizaSeguro.Map, ObtenerSeguroCliente.Map, AsegurarCliente.Map, QuitarSeguroCliente.Map,
        ListarExcesosSeguro.Map, ListarSiniestrosPorDenunciar.Map,
        ListarDocumentacion.Map, RegistrarDocumentoCliente.Map, ActualizarDocumentoCliente.Map, EliminarDocumentoCliente.Map, SubirArchivoDocumentoCliente.Map,
        DescargarArchivoDocumentoCliente.Map, ListarDocumentacionPorVencer.Map);
}

using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Compensaciones;
using Cobranzas.Cartera.Comun;
using Cobranzas.Cartera.Configuracion;
using Cobranzas.Cartera.Credito;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.EstadoCuenta;
using Cobranzas.Cartera.Importaciones;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Modulos;
using Cobranzas.SharedKernel.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace Cobranzas.Cartera;

public sealed class CarteraModulo : IModulo
{
    public static Type Contexto => typeof(CarteraDbContext);

    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddDbContext<CarteraDbContext>((sp, o) => PostgresOpciones.Configurar(o, sp.GetRequiredService<NpgsqlDataSource>(), CarteraDbContext.Esquema));
        services.AddScoped<Aplicador>();
        services.AddScoped<ControlCredito>();
        services.AddSingleton<ImpresoraPdf>();
        services.AddTransient<ControlCreditoJob>();
        services.AddQuartz(q => q.ScheduleJob<ControlCreditoJob>(
            t => t.WithIdentity("control-credito", "cartera").WithCronSchedule("0 30 6 * * ?", c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"))),
            j => j.WithIdentity(ControlCreditoJob.Clave)));
    }

    /// <summary>In this order the operations appear in the OpenAPI document (within each permission group).</summary>
    public static void MapearRutas(IEndpointRouteBuilder app)
    {
        var rutas = new RutasModulo(app, "Cartera");
        ListarDocumentos.Map(rutas);
        CrearDocumento.Map(rutas);
        ImportarLoteDocumentos.Map(rutas);
        ImportarDocumentos.Map(rutas);
        ObtenerDocumento.Map(rutas);
        AnularDocumento.Map(rutas);
        CederDocumento.Map(rutas);
        RevertirCesion.Map(rutas);
        CastigarDocumento.Map(rutas);
        EnviarCobranzaBancaria.Map(rutas);
        RetirarCobranzaBancaria.Map(rutas);
        ProtestarDocumento.Map(rutas);
        ListarCompensaciones.Map(rutas);
        CrearCompensacion.Map(rutas);
        ObtenerCompensacion.Map(rutas);
        ReversarCompensacion.Map(rutas);
        ListarPagos.Map(rutas);
        RegistrarPago.Map(rutas);
        ImportarLotePagos.Map(rutas);
        VistaPreviaPago.Map(rutas);
        ObtenerPago.Map(rutas);
        AplicarSaldoPago.Map(rutas);
        DepositarCheque.Map(rutas);
        CobrarCheque.Map(rutas);
        ProtestarCheque.Map(rutas);
        ListarCheques.Map(rutas);
        ReversarAplicacion.Map(rutas);
        AntiguedadCartera.Map(rutas);
        CalcularProvision.Map(rutas);
        ObtenerConfiguracionCartera.Map(rutas);
        GuardarConfiguracionCartera.Map(rutas);
        ObtenerEstadoCuenta.Map(rutas);
        ExportarEstadoCuenta.Map(rutas);
        ObtenerCredito.Map(rutas);
        ListarValoresUf.Map(rutas);
        GuardarValoresUf.Map(rutas);
        ImportarValoresUf.Map(rutas);
        ListarValoresDolar.Map(rutas);
        GuardarValoresDolar.Map(rutas);
        ImportarValoresDolar.Map(rutas);
    }
}

using Cobranzas.Integraciones.Proveedores.Flow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace Cobranzas.Integraciones.Proveedores;

/// <summary>The area of Integraciones for payment providers (catalogue, activation, adapters, notifications): its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaProveedores
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        // Timeouts only: the provider retries its notification and the re-check job asks again, so a failed call is not retried here.
        services.AddHttpClient(ConexionesProveedor.ClienteHttp)
            .AddResilienceHandler("proveedores-pago", b => b.AddTimeout(TimeSpan.FromSeconds(configuracion.GetValue("Integraciones:Proveedores:TimeoutSegundos", 20))));
        services.AddSingleton<CredencialesProveedor>();
        services.AddScoped<ConexionesProveedor>();

        // Adapters: one line each.
        services.AddSingleton<IProveedorPago, ProveedorFlow>();
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ListarProveedores.Map, ObtenerProveedor.Map, ActivarProveedor.Map, DesactivarProveedor.Map, ActualizarComisionesProveedor.Map, RecibirNotificacionProveedor.Map,
    ];
}

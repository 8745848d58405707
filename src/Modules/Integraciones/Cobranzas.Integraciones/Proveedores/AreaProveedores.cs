using Cobranzas.Integraciones.Proveedores.Flow;
using Cobranzas.Integraciones.Proveedores.Khipu;
using Cobranzas.Integraciones.Proveedores.MercadoPago;
using Cobranzas.Integraciones.Proveedores.Webpay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace Cobranzas.Integraciones.Proveedores;

/// <summary>The area of Integraciones for payment providers (catalogue, activation, adapters, notifications): its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaProveedores
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        // Flow's client has timeouts only: Flow retries its confirmation and the re-check job asks again.
        services.AddHttpClient(ConexionesProveedor.ClienteHttp)
            .AddResilienceHandler("proveedores-pago", b => b.AddTimeout(TimeSpan.FromSeconds(configuracion.GetValue("Integraciones:Proveedores:TimeoutSegundos", 20))));
        services.AddSingleton<CredencialesProveedor>();
        services.AddScoped<ConexionesProveedor>();

        services.AddSingleton<IProveedorPago, ProveedorFlow>();

        // The other adapters: one named HttpClient each (ClientesHttpProveedores: timeouts, retries for GET only).
        ClientesHttpProveedores.Agregar(services, configuracion, ProveedorKhipu.NombreCliente);
        services.AddSingleton<IProveedorPago, ProveedorKhipu>();
        ClientesHttpProveedores.Agregar(services, configuracion, ProveedorMercadoPago.NombreCliente);
        services.AddSingleton<IProveedorPago, ProveedorMercadoPago>();
        ClientesHttpProveedores.Agregar(services, configuracion, ProveedorWebpay.NombreCliente);
        services.AddSingleton<IProveedorPago, ProveedorWebpay>();
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ListarProveedores.Map, ObtenerProveedor.Map, ActivarProveedor.Map, DesactivarProveedor.Map, ActualizarComisionesProveedor.Map, RecibirNotificacionProveedor.Map,
    ];
}

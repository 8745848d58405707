using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Notificaciones.CuentasDeposito;

/// <summary>The area of Notificaciones for deposit accounts: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaCuentasDeposito
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
    }

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ListarCuentasDeposito.Map, CrearCuentaDeposito.Map, ActualizarCuentaDeposito.Map, DesactivarCuentaDeposito.Map, ReactivarCuentaDeposito.Map,
        MarcarCuentaPorDefecto.Map,
    ];
}

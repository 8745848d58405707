using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Gestion.Cobradores;

/// <summary>The area of Gestión for collectors, portfolios (carteras), zones and the assignment of clients: its services and its routes, in the order of the OpenAPI document.</summary>
public static class AreaCobradores
{
    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion) => services.AddScoped<MotorAsignacion>();

    public static readonly Action<RutasModulo>[] Rutas =
    [
        ListarCobradores.Map, CrearCobrador.Map, ObtenerCobrador.Map, ActualizarCobrador.Map, DesactivarCobrador.Map, ActivarCobrador.Map,
        ListarCarteras.Map, CrearCartera.Map, ObtenerCartera.Map, ActualizarCartera.Map, EliminarCartera.Map, ListarClientesCartera.Map, AgregarClientesCartera.Map,
        QuitarClienteCartera.Map, ObtenerReglasAsignacion.Map, GuardarReglasAsignacion.Map, ListarAsignaciones.Map, ObtenerAsignacion.Map, AsignarCliente.Map,
        RecalcularAsignaciones.Map, ReasignarClientes.Map,
    ];
}

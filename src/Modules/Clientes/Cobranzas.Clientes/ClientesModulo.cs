using Cobranzas.Clientes.Aprobaciones;
using Cobranzas.Clientes.Clientes;
using Cobranzas.Clientes.Comunas;
using Cobranzas.Clientes.Contactos;
using Cobranzas.Clientes.Grupos;
using Cobranzas.Clientes.Importaciones;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.Clientes.PoliticasCredito;
using Cobranzas.SharedKernel.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranzas.Clientes;

public sealed class ClientesModulo : IModulo
{
    public static Type Contexto => typeof(ClientesDbContext);

    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddContextoModulo<ClientesDbContext>(ClientesDbContext.Esquema);
        services.AddScoped<EscrituraCliente>();
    }

    /// <summary>Each slice maps its own endpoint; this order is the order of the operations in the OpenAPI document.</summary>
    public static void MapearRutas(IEndpointRouteBuilder app) => new RutasModulo(app, "Clientes").Mapear(
        ListarClientes.Map, ExportarClientes.Map, ExportarClientesElegidos.Map, CrearCliente.Map, ObtenerCliente.Map, ActualizarCliente.Map,
        ActualizarCondiciones.Map, CambiarEstadoCredito.Map, HistorialEstadoCreditoCliente.Map,
        ListarContactos.Map, CrearContacto.Map, ActualizarContacto.Map, EliminarContacto.Map, CambiarActividadContacto.Map, BuscarContactos.Map,
        ListarPoliticasCredito.Map, CrearPoliticaCredito.Map, ActualizarPoliticaCredito.Map,
        TiposGrupo.Clientes.Map, TiposGrupo.Contactos.Map, ImportarClientes.Map, ListarComunas.Map,
        ListarNivelesAprobacion.Map, GuardarNivelesAprobacion.Map, ListarAprobacionesPendientes.Map, ObtenerAprobacionPorId.Map, RegistrarDecisionAprobacion.Map);
}

using Cobranzas.Clientes.Clientes;
using Cobranzas.Clientes.Contactos;
using Cobranzas.Clientes.Grupos;
using Cobranzas.Clientes.Importaciones;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.Clientes.PoliticasCredito;
using Cobranzas.SharedKernel.Modulos;
using Cobranzas.SharedKernel.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cobranzas.Clientes;

public sealed class ClientesModulo : IModulo
{
    public static Type Contexto => typeof(ClientesDbContext);

    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddDbContext<ClientesDbContext>((sp, o) => PostgresOpciones.Configurar(o, sp.GetRequiredService<NpgsqlDataSource>(), ClientesDbContext.Esquema));
        services.AddScoped<ReglasCliente>();
    }

    /// <summary>In this order the operations appear in the OpenAPI document (within each permission group).</summary>
    public static void MapearRutas(IEndpointRouteBuilder app)
    {
        var rutas = new RutasModulo(app, "Clientes");
        ListarClientes.Map(rutas);
        ExportarClientes.Map(rutas);
        CrearCliente.Map(rutas);
        ObtenerCliente.Map(rutas);
        ActualizarCliente.Map(rutas);
        ActualizarCondiciones.Map(rutas);
        CambiarEstadoCredito.Map(rutas);
        HistorialEstadoCreditoCliente.Map(rutas);
        ListarContactos.Map(rutas);
        CrearContacto.Map(rutas);
        ActualizarContacto.Map(rutas);
        EliminarContacto.Map(rutas);
        BuscarContactos.Map(rutas);
        ListarPoliticasCredito.Map(rutas);
        CrearPoliticaCredito.Map(rutas);
        ActualizarPoliticaCredito.Map(rutas);
        TiposGrupo.Clientes.Map(rutas);
        TiposGrupo.Contactos.Map(rutas);
        ImportarClientes.Map(rutas);
    }
}

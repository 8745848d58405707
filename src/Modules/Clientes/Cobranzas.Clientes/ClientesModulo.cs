using Cobranzas.Clientes.Clientes;
using Cobranzas.Clientes.Contactos;
using Cobranzas.Clientes.Grupos;
using Cobranzas.Clientes.Importaciones;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.Clientes.PoliticasCredito;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cobranzas.Clientes;

public static class ClientesModulo
{
    public static IServiceCollection AddClientes(this IServiceCollection services)
    {
        services.AddDbContext<ClientesDbContext>((sp, o) => PostgresOpciones.Configurar(o, sp.GetRequiredService<NpgsqlDataSource>(), ClientesDbContext.Esquema));
        services.AddScoped<ReglasCliente>();
        return services;
    }

    public static IEndpointRouteBuilder MapClientesEndpoints(this IEndpointRouteBuilder app)
    {
        var leer = app.MapGroup("/api/v1").WithTags("Clientes").RequireAuthorization(Permisos.Ver);
        var escribir = app.MapGroup("/api/v1").WithTags("Clientes").RequireAuthorization(Permisos.Editar);

        leer.MapGet("/clientes", async Task<Ok<Pagina<ClienteResumenDto>>> ([AsParameters] ListarClientes q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
            .WithName("ListarClientes").ProducesValidationProblem();
        leer.MapGet("/clientes/exportar", async Task<FileContentHttpResult> ([AsParameters] ListarClientes q, string? formato, IMediator m, CancellationToken ct) =>
            {
                var archivo = await m.Send(new ExportarClientes(q, formato ?? "csv"), ct);
                return TypedResults.File(archivo.Contenido, archivo.TipoContenido, archivo.NombreArchivo);
            })
            .WithName("ExportarClientes").ProducesValidationProblem();
        escribir.MapPost("/clientes", async Task<Created<ClienteDto>> (DatosCliente body, IMediator m, CancellationToken ct) =>
            {
                var c = await m.Send(new CrearCliente(body), ct);
                return TypedResults.Created($"/api/v1/clientes/{c.Id}", c);
            })
            .WithName("CrearCliente").ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
        leer.MapGet("/clientes/{id:guid}", async Task<Ok<ClienteDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerCliente(id), ct)))
            .WithName("ObtenerCliente").ProducesProblem(404);
        escribir.MapPut("/clientes/{id:guid}", async Task<Ok<ClienteDto>> (Guid id, DatosCliente body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ActualizarCliente(id, body), ct)))
            .WithName("ActualizarCliente").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        escribir.MapPut("/clientes/{id:guid}/condiciones", async Task<Ok<ClienteDto>> (Guid id, DatosCondiciones body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ActualizarCondiciones(id, body), ct)))
            .WithName("ActualizarCondiciones").ProducesValidationProblem().ProducesProblem(404);
        escribir.MapPost("/clientes/{id:guid}/estado-credito", async Task<Ok<ClienteDto>> (Guid id, DatosCambioEstado body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CambiarEstadoCredito(id, body), ct)))
            .WithName("CambiarEstadoCredito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        leer.MapGet("/clientes/{id:guid}/estado-credito", async Task<Ok<IReadOnlyList<CambioEstadoDto>>> (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new HistorialEstadoCreditoCliente(id), ct)))
            .WithName("HistorialEstadoCredito").ProducesProblem(404);

        leer.MapGet("/clientes/{id:guid}/contactos", async Task<Ok<IReadOnlyList<ContactoDto>>> (Guid id, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListarContactos(id), ct)))
            .WithName("ListarContactos").ProducesProblem(404);
        escribir.MapPost("/clientes/{id:guid}/contactos", async Task<Created<ContactoDto>> (Guid id, DatosContacto body, IMediator m, CancellationToken ct) =>
            {
                var c = await m.Send(new CrearContacto(id, body), ct);
                return TypedResults.Created($"/api/v1/clientes/{id}/contactos/{c.Id}", c);
            })
            .WithName("CrearContacto").ProducesValidationProblem().ProducesProblem(404);
        escribir.MapPut("/clientes/{id:guid}/contactos/{contactoId:guid}", async Task<Ok<ContactoDto>> (Guid id, Guid contactoId, DatosContacto body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ActualizarContacto(id, contactoId, body), ct)))
            .WithName("ActualizarContacto").ProducesValidationProblem().ProducesProblem(404);
        escribir.MapDelete("/clientes/{id:guid}/contactos/{contactoId:guid}", async Task<NoContent> (Guid id, Guid contactoId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new EliminarContacto(id, contactoId), ct);
                return TypedResults.NoContent();
            })
            .WithName("EliminarContacto").ProducesProblem(404);

        leer.MapGet("/contactos", async Task<Ok<Pagina<ContactoConClienteDto>>> ([AsParameters] BuscarContactos q, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(q, ct)))
            .WithName("BuscarContactos").ProducesValidationProblem();

        MapPoliticas(leer, escribir);
        MapGrupos(leer, escribir);

        escribir.MapPost("/importaciones/clientes", async Task<Ok<ResultadoImportacion>> (IFormFile archivo, bool? parcial, IMediator m, CancellationToken ct) =>
            {
                await using var contenido = archivo.OpenReadStream();
                return TypedResults.Ok(await m.Send(new ImportarClientes(contenido, archivo.FileName, parcial ?? false), ct));
            })
            .WithName("ImportarClientes").DisableAntiforgery().ProducesValidationProblem();
        return app;
    }

    private static void MapPoliticas(RouteGroupBuilder leer, RouteGroupBuilder escribir)
    {
        leer.MapGet("/politicas-credito", async Task<Ok<IReadOnlyList<PoliticaCreditoDto>>> (IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListarPoliticasCredito(), ct)))
            .WithName("ListarPoliticasCredito").WithTags("Políticas de crédito");
        escribir.MapPost("/politicas-credito", async Task<Created<PoliticaCreditoDto>> (DatosPolitica body, IMediator m, CancellationToken ct) =>
            {
                var p = await m.Send(new CrearPoliticaCredito(body), ct);
                return TypedResults.Created($"/api/v1/politicas-credito/{p.Id}", p);
            })
            .WithName("CrearPoliticaCredito").WithTags("Políticas de crédito").ProducesValidationProblem().ProducesProblem(409);
        escribir.MapPut("/politicas-credito/{id:guid}", async Task<Ok<PoliticaCreditoDto>> (Guid id, DatosPolitica body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ActualizarPoliticaCredito(id, body), ct)))
            .WithName("ActualizarPoliticaCredito").WithTags("Políticas de crédito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
    }

    private static void MapGrupos(RouteGroupBuilder leer, RouteGroupBuilder escribir)
    {
        const string clientes = "/grupos-clientes";
        leer.MapGet(clientes, async Task<Ok<IReadOnlyList<GrupoDto>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListarGruposClientes(), ct)))
            .WithName("ListarGruposClientes").WithTags("Grupos");
        leer.MapGet(clientes + "/{id:guid}", async Task<Ok<GrupoClientesDetalleDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerGrupoClientes(id), ct)))
            .WithName("ObtenerGrupoClientes").WithTags("Grupos").ProducesProblem(404);
        escribir.MapPost(clientes, async Task<Created<GrupoDto>> (DatosGrupo body, IMediator m, CancellationToken ct) =>
            {
                var g = await m.Send(new CrearGrupoClientes(body), ct);
                return TypedResults.Created($"/api/v1{clientes}/{g.Id}", g);
            })
            .WithName("CrearGrupoClientes").WithTags("Grupos").ProducesValidationProblem().ProducesProblem(409);
        escribir.MapPut(clientes + "/{id:guid}", async Task<Ok<GrupoDto>> (Guid id, DatosGrupo body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ActualizarGrupoClientes(id, body), ct)))
            .WithName("ActualizarGrupoClientes").WithTags("Grupos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        escribir.MapDelete(clientes + "/{id:guid}", async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) => { await m.Send(new EliminarGrupoClientes(id), ct); return TypedResults.NoContent(); })
            .WithName("EliminarGrupoClientes").WithTags("Grupos").ProducesProblem(404);
        escribir.MapPost(clientes + "/{id:guid}/miembros", async Task<Ok<GrupoClientesDetalleDto>> (Guid id, DatosMiembros body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new AgregarMiembrosGrupoClientes(id, body), ct)))
            .WithName("AgregarMiembrosGrupoClientes").WithTags("Grupos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        escribir.MapDelete(clientes + "/{id:guid}/miembros/{miembroId:guid}", async Task<NoContent> (Guid id, Guid miembroId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new QuitarMiembroGrupoClientes(id, miembroId), ct);
                return TypedResults.NoContent();
            })
            .WithName("QuitarMiembroGrupoClientes").WithTags("Grupos").ProducesProblem(404);

        const string contactos = "/grupos-contactos";
        leer.MapGet(contactos, async Task<Ok<IReadOnlyList<GrupoDto>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListarGruposContactos(), ct)))
            .WithName("ListarGruposContactos").WithTags("Grupos");
        leer.MapGet(contactos + "/{id:guid}", async Task<Ok<GrupoContactosDetalleDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerGrupoContactos(id), ct)))
            .WithName("ObtenerGrupoContactos").WithTags("Grupos").ProducesProblem(404);
        escribir.MapPost(contactos, async Task<Created<GrupoDto>> (DatosGrupo body, IMediator m, CancellationToken ct) =>
            {
                var g = await m.Send(new CrearGrupoContactos(body), ct);
                return TypedResults.Created($"/api/v1{contactos}/{g.Id}", g);
            })
            .WithName("CrearGrupoContactos").WithTags("Grupos").ProducesValidationProblem().ProducesProblem(409);
        escribir.MapPut(contactos + "/{id:guid}", async Task<Ok<GrupoDto>> (Guid id, DatosGrupo body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ActualizarGrupoContactos(id, body), ct)))
            .WithName("ActualizarGrupoContactos").WithTags("Grupos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        escribir.MapDelete(contactos + "/{id:guid}", async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) => { await m.Send(new EliminarGrupoContactos(id), ct); return TypedResults.NoContent(); })
            .WithName("EliminarGrupoContactos").WithTags("Grupos").ProducesProblem(404);
        escribir.MapPost(contactos + "/{id:guid}/miembros", async Task<Ok<GrupoContactosDetalleDto>> (Guid id, DatosMiembros body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new AgregarMiembrosGrupoContactos(id, body), ct)))
            .WithName("AgregarMiembrosGrupoContactos").WithTags("Grupos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
        escribir.MapDelete(contactos + "/{id:guid}/miembros/{miembroId:guid}", async Task<NoContent> (Guid id, Guid miembroId, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new QuitarMiembroGrupoContactos(id, miembroId), ct);
                return TypedResults.NoContent();
            })
            .WithName("QuitarMiembroGrupoContactos").WithTags("Grupos").ProducesProblem(404);
    }
}

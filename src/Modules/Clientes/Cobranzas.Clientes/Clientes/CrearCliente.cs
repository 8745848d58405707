using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Clientes;

public sealed record CrearCliente(DatosCliente Cuerpo) : IRequest<ClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/clientes", async Task<Created<ClienteDto>> (DatosCliente body, IMediator m, CancellationToken ct) =>
        {
            var c = await m.Send(new CrearCliente(body), ct);
            return TypedResults.Created($"/api/v1/clientes/{c.Id}", c);
        })
        .WithName("CrearCliente").ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
}

public sealed class CrearClienteValidator : AbstractValidator<CrearCliente>
{
    public CrearClienteValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosClienteValidator());
}

public sealed class CrearClienteHandler(ClientesDbContext db, EscrituraCliente reglas, TimeProvider reloj, IPublisher publicador) : IRequestHandler<CrearCliente, ClienteDto>
{
    public async ValueTask<ClienteDto> Handle(CrearCliente request, CancellationToken cancellationToken)
    {
        await reglas.ValidarAsync(request.Cuerpo, null, cancellationToken);
        var ahora = reloj.GetUtcNow();
        var cliente = new Cliente { Rut = "", RazonSocial = "", Segmento = "", Creado = ahora };
        EscrituraCliente.Aplicar(cliente, request.Cuerpo, ahora);
        db.Clientes.Add(cliente);
        await db.SaveChangesAsync(cancellationToken);
        await publicador.Publish(new ClientesGuardados([cliente.Id], true), cancellationToken);
        var dto = await ProyeccionCliente.CargarAsync(db, cliente.Id, cancellationToken);
        await publicador.Publish(EventoNegocio.Uno(cliente.EmpresaId, TiposEventoNegocio.ClienteCreado, cliente.Id, dto, ahora), cancellationToken);
        return dto;
    }
}

public sealed record ObtenerCliente(Guid Id) : IRequest<ClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/clientes/{id:guid}", async Task<Ok<ClienteDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerCliente(id), ct)))
        .WithName("ObtenerCliente").ProducesProblem(404);
}

public sealed class ObtenerClienteHandler(ClientesDbContext db) : IRequestHandler<ObtenerCliente, ClienteDto>
{
    public async ValueTask<ClienteDto> Handle(ObtenerCliente request, CancellationToken cancellationToken) =>
        await ProyeccionCliente.CargarAsync(db, request.Id, cancellationToken);
}

public sealed record ActualizarCliente(Guid Id, DatosCliente Cuerpo) : IRequest<ClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/clientes/{id:guid}", async Task<Ok<ClienteDto>> (Guid id, DatosCliente body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarCliente(id, body), ct)))
        .WithName("ActualizarCliente").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ActualizarClienteValidator : AbstractValidator<ActualizarCliente>
{
    public ActualizarClienteValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosClienteValidator());
}

public sealed class ActualizarClienteHandler(ClientesDbContext db, EscrituraCliente reglas, TimeProvider reloj, IPublisher publicador) : IRequestHandler<ActualizarCliente, ClienteDto>
{
    public async ValueTask<ClienteDto> Handle(ActualizarCliente request, CancellationToken cancellationToken)
    {
        var cliente = await db.Clientes.SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new SharedKernel.Http.NoEncontradoException("Cliente", request.Id);
        await reglas.ValidarAsync(request.Cuerpo, cliente.Id, cancellationToken);
        var antes = (cliente.Comuna, cliente.Region, cliente.Segmento, cliente.CuentaClave);
        EscrituraCliente.Aplicar(cliente, request.Cuerpo, reloj.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (antes != (cliente.Comuna, cliente.Region, cliente.Segmento, cliente.CuentaClave))
            await publicador.Publish(new ClientesGuardados([cliente.Id], false), cancellationToken);
        return await ProyeccionCliente.CargarAsync(db, cliente.Id, cancellationToken);
    }
}

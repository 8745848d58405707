using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Contactos;

public sealed record ContactoDto(
    Guid Id, Guid ClienteId, string Nombre, string? Cargo, string Rol, string? Email, string? Telefono, string CanalPreferido, bool OptOutEmail, bool Activo);

public sealed record DatosContacto(string Nombre, string? Cargo, string Rol, string? Email, string? Telefono, string? CanalPreferido, bool OptOutEmail);

public sealed class DatosContactoValidator : AbstractValidator<DatosContacto>
{
    /// <summary>Chilean or international numbers: optional +, digits, spaces and dashes, 8 to 15 digits.</summary>
    public static bool TelefonoValido(string? t) =>
        t is null || (t.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '-' or '+' or '(' or ')') && t.Count(char.IsAsciiDigit) is >= 8 and <= 15 && t.LastIndexOf('+') <= 0);

    public DatosContactoValidator()
    {
        RuleFor(x => x.Nombre).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Cargo).MaximumLength(100);
        RuleFor(x => x.Rol).NotEmpty().Must(r => RolesContacto.Todos.Contains(r)).WithMessage($"Rol debe ser uno de: {string.Join(", ", RolesContacto.Todos)}.");
        RuleFor(x => x.Email).MaximumLength(256).EmailAddress().When(x => !string.IsNullOrEmpty(x.Email));
        RuleFor(x => x.Telefono).MaximumLength(30).Must(TelefonoValido).WithErrorCode("telefono_invalido")
            .WithMessage("Teléfono inválido: use entre 8 y 15 dígitos, p. ej. +56 9 1234 5678.");
        RuleFor(x => x.CanalPreferido).Must(c => c is null || CanalesContacto.Todos.Contains(c))
            .WithMessage($"Canal debe ser uno de: {string.Join(", ", CanalesContacto.Todos)}.");
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Email) || !string.IsNullOrWhiteSpace(x.Telefono))
            .OverridePropertyName("email").WithErrorCode("contacto_sin_medio").WithMessage("Indique al menos un e-mail o un teléfono.");
        RuleFor(x => x.Email).NotEmpty().When(x => x.CanalPreferido == "email").WithMessage("El canal preferido e-mail requiere un e-mail.");
        RuleFor(x => x.Telefono).NotEmpty().When(x => x.CanalPreferido is "telefono" or "whatsapp").WithMessage("El canal preferido requiere un teléfono.");
    }

    public static void Aplicar(Contacto c, DatosContacto d)
    {
        c.Nombre = d.Nombre.Trim();
        c.Cargo = string.IsNullOrWhiteSpace(d.Cargo) ? null : d.Cargo.Trim();
        c.Rol = d.Rol;
        var email = string.IsNullOrWhiteSpace(d.Email) ? null : d.Email.Trim().ToLowerInvariant();
        if (email != c.Email)
            c.EmailInvalido = false;
        c.Email = email;
        c.Telefono = string.IsNullOrWhiteSpace(d.Telefono) ? null : d.Telefono.Trim();
        c.CanalPreferido = d.CanalPreferido ?? (c.Email is not null ? "email" : "telefono");
        c.OptOutEmail = d.OptOutEmail;
    }

    public static ContactoDto ADto(Contacto c) => new(c.Id, c.ClienteId, c.Nombre, c.Cargo, c.Rol, c.Email, c.Telefono, c.CanalPreferido, c.OptOutEmail, c.Activo);
}

public sealed record ListarContactos(Guid ClienteId) : IRequest<IReadOnlyList<ContactoDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/clientes/{id:guid}/contactos", async Task<Ok<IReadOnlyList<ContactoDto>>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarContactos(id), ct)))
        .WithName("ListarContactos").ProducesProblem(404);
}

public sealed class ListarContactosHandler(ClientesDbContext db) : IRequestHandler<ListarContactos, IReadOnlyList<ContactoDto>>
{
    public async ValueTask<IReadOnlyList<ContactoDto>> Handle(ListarContactos request, CancellationToken cancellationToken)
    {
        await ClienteExiste(db, request.ClienteId, cancellationToken);
        return (await db.Contactos.AsNoTracking().Where(c => c.ClienteId == request.ClienteId).OrderBy(c => c.Nombre).ToListAsync(cancellationToken))
            .Select(DatosContactoValidator.ADto).ToList();
    }

    public static async Task ClienteExiste(ClientesDbContext db, Guid clienteId, CancellationToken ct)
    {
        if (!await db.Clientes.AnyAsync(c => c.Id == clienteId, ct))
            throw new NoEncontradoException("Cliente", clienteId);
    }
}

public sealed record CrearContacto(Guid ClienteId, DatosContacto Cuerpo) : IRequest<ContactoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/clientes/{id:guid}/contactos", async Task<Created<ContactoDto>> (Guid id, DatosContacto body, IMediator m, CancellationToken ct) =>
        {
            var c = await m.Send(new CrearContacto(id, body), ct);
            return TypedResults.Created($"/api/v1/clientes/{id}/contactos/{c.Id}", c);
        })
        .WithName("CrearContacto").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class CrearContactoValidator : AbstractValidator<CrearContacto>
{
    public CrearContactoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosContactoValidator());
}

public sealed class CrearContactoHandler(ClientesDbContext db) : IRequestHandler<CrearContacto, ContactoDto>
{
    public async ValueTask<ContactoDto> Handle(CrearContacto request, CancellationToken cancellationToken)
    {
        await ListarContactosHandler.ClienteExiste(db, request.ClienteId, cancellationToken);
        var contacto = new Contacto { ClienteId = request.ClienteId, Nombre = "", Rol = "" };
        DatosContactoValidator.Aplicar(contacto, request.Cuerpo);
        db.Contactos.Add(contacto);
        await db.SaveChangesAsync(cancellationToken);
        return DatosContactoValidator.ADto(contacto);
    }
}

public sealed record ActualizarContacto(Guid ClienteId, Guid ContactoId, DatosContacto Cuerpo) : IRequest<ContactoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/clientes/{id:guid}/contactos/{contactoId:guid}", async Task<Ok<ContactoDto>> (Guid id, Guid contactoId, DatosContacto body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarContacto(id, contactoId, body), ct)))
        .WithName("ActualizarContacto").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class ActualizarContactoValidator : AbstractValidator<ActualizarContacto>
{
    public ActualizarContactoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosContactoValidator());
}

public sealed class ActualizarContactoHandler(ClientesDbContext db) : IRequestHandler<ActualizarContacto, ContactoDto>
{
    public async ValueTask<ContactoDto> Handle(ActualizarContacto request, CancellationToken cancellationToken)
    {
        var contacto = await db.Contactos.SingleOrDefaultAsync(c => c.Id == request.ContactoId && c.ClienteId == request.ClienteId, cancellationToken)
            ?? throw new NoEncontradoException("Contacto", request.ContactoId);
        DatosContactoValidator.Aplicar(contacto, request.Cuerpo);
        await db.SaveChangesAsync(cancellationToken);
        return DatosContactoValidator.ADto(contacto);
    }
}

public sealed record EliminarContacto(Guid ClienteId, Guid ContactoId) : IRequest
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapDelete("/clientes/{id:guid}/contactos/{contactoId:guid}", async Task<NoContent> (Guid id, Guid contactoId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new EliminarContacto(id, contactoId), ct);
            return TypedResults.NoContent();
        })
        .WithName("EliminarContacto").ProducesProblem(404);
}

public sealed class EliminarContactoHandler(ClientesDbContext db) : IRequestHandler<EliminarContacto>
{
    public async ValueTask<Unit> Handle(EliminarContacto request, CancellationToken cancellationToken)
    {
        var contacto = await db.Contactos.SingleOrDefaultAsync(c => c.Id == request.ContactoId && c.ClienteId == request.ClienteId, cancellationToken)
            ?? throw new NoEncontradoException("Contacto", request.ContactoId);
        db.Contactos.Remove(contacto);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Marks a contact inactive (it loses portal access at once) or active again.</summary>
public sealed record CambiarActividadContacto(Guid ClienteId, Guid ContactoId, bool Activo) : IRequest<ContactoDto>
{
    public static void Map(RutasModulo rutas)
    {
        rutas.Escribir.MapPost("/clientes/{id:guid}/contactos/{contactoId:guid}/desactivar", async Task<Ok<ContactoDto>> (Guid id, Guid contactoId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CambiarActividadContacto(id, contactoId, false), ct)))
            .WithName("DesactivarContacto").ProducesProblem(404);
        rutas.Escribir.MapPost("/clientes/{id:guid}/contactos/{contactoId:guid}/activar", async Task<Ok<ContactoDto>> (Guid id, Guid contactoId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CambiarActividadContacto(id, contactoId, true), ct)))
            .WithName("ActivarContacto").ProducesProblem(404);
    }
}

public sealed class CambiarActividadContactoHandler(ClientesDbContext db) : IRequestHandler<CambiarActividadContacto, ContactoDto>
{
    public async ValueTask<ContactoDto> Handle(CambiarActividadContacto request, CancellationToken cancellationToken)
    {
        var contacto = await db.Contactos.SingleOrDefaultAsync(c => c.Id == request.ContactoId && c.ClienteId == request.ClienteId, cancellationToken)
            ?? throw new NoEncontradoException("Contacto", request.ContactoId);
        contacto.Activo = request.Activo;
        await db.SaveChangesAsync(cancellationToken);
        return DatosContactoValidator.ADto(contacto);
    }
}

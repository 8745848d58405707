using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Contactos;

public sealed record ContactoConClienteDto(Guid Id, Guid ClienteId, string RutCliente, string RazonSocialCliente, string Nombre, string Rol, string? Email, string? Telefono, bool OptOutEmail);

/// <summary>Contacts across all clients, e.g. to pick members of a contact group.</summary>
public sealed record BuscarContactos(string? Buscar, string? Rol, int? Pagina, int? TamanoPagina) : IRequest<Pagina<ContactoConClienteDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/contactos", async Task<Ok<Pagina<ContactoConClienteDto>>> ([AsParameters] BuscarContactos q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("BuscarContactos").ProducesValidationProblem();
}

public sealed class BuscarContactosValidator : AbstractValidator<BuscarContactos>
{
    public BuscarContactosValidator()
    {
        RuleFor(x => x.Buscar).MaximumLength(200);
        RuleFor(x => x.Rol).Must(r => r is null || RolesContacto.Todos.Contains(r)).WithMessage($"Rol debe ser uno de: {string.Join(", ", RolesContacto.Todos)}.");
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed class BuscarContactosHandler(ClientesDbContext db) : IRequestHandler<BuscarContactos, Pagina<ContactoConClienteDto>>
{
    public async ValueTask<Pagina<ContactoConClienteDto>> Handle(BuscarContactos request, CancellationToken cancellationToken)
    {
        var q = db.Contactos.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Buscar))
        {
            var patron = PatronBusqueda.Contiene(request.Buscar);
            q = q.Where(c => EF.Functions.ILike(c.Nombre, patron, PatronBusqueda.Escape) || EF.Functions.ILike(c.Email!, patron, PatronBusqueda.Escape)
                || EF.Functions.ILike(c.Cliente!.RazonSocial, patron, PatronBusqueda.Escape));
        }

        if (request.Rol is not null)
            q = q.Where(c => c.Rol == request.Rol);

        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        var items = await q.OrderBy(c => c.Nombre).ThenBy(c => c.Id).Skip(saltar).Take(tomar)
            .Select(c => new ContactoConClienteDto(c.Id, c.ClienteId, c.Cliente!.Rut, c.Cliente.RazonSocial, c.Nombre, c.Rol, c.Email, c.Telefono, c.OptOutEmail))
            .ToListAsync(cancellationToken);
        return new Pagina<ContactoConClienteDto>(items, total, pagina, tamano);
    }
}

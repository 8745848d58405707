using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Contactos;

public sealed class BuscarContactosPortalHandler(ClientesDbContext db) : IRequestHandler<BuscarContactosPortal, IReadOnlyList<ContactoPortal>>
{
    public async ValueTask<IReadOnlyList<ContactoPortal>> Handle(BuscarContactosPortal request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var filas = await db.Contactos.AsNoTracking()
            .Where(c => c.Activo && c.Email != null && c.Email.ToLower() == email)
            .OrderBy(c => c.ClienteId).ThenBy(c => c.Id)
            .Select(c => new ContactoPortal(c.ClienteId, c.Id, c.Nombre, c.Email!, c.Cliente!.Rut, c.Cliente.RazonSocial))
            .ToListAsync(cancellationToken);
        return filas.DistinctBy(c => c.ClienteId).ToList();
    }
}

public sealed class ObtenerContactoPortalHandler(ClientesDbContext db) : IRequestHandler<ObtenerContactoPortal, ContactoPortal?>
{
    public async ValueTask<ContactoPortal?> Handle(ObtenerContactoPortal request, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        // The portal scheme runs before the request has a company, so the company is matched explicitly here.
        return await db.Contactos.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.EmpresaId == request.EmpresaId && c.Id == request.ContactoId && c.ClienteId == request.ClienteId && c.Activo
                && c.Email != null && c.Email.ToLower() == email)
            .Select(c => new ContactoPortal(c.ClienteId, c.Id, c.Nombre, c.Email!, c.Cliente!.Rut, c.Cliente.RazonSocial))
            .SingleOrDefaultAsync(cancellationToken);
    }
}

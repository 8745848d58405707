using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.EstadoCuenta;

public sealed class ObtenerFichaClienteHandler(ClientesDbContext db) : IRequestHandler<ObtenerFichaCliente, FichaCliente?>
{
    public async ValueTask<FichaCliente?> Handle(ObtenerFichaCliente request, CancellationToken cancellationToken)
    {
        var cliente = await db.Clientes.AsNoTracking().Where(c => c.Id == request.ClienteId)
            .Select(c => new { c.Direccion, c.Comuna, c.Region }).SingleOrDefaultAsync(cancellationToken);
        if (cliente is null)
            return null;
        var contacto = await db.Contactos.AsNoTracking().Where(c => c.ClienteId == request.ClienteId)
            .OrderBy(c => c.Rol == "cobranza" ? 0 : 1).ThenBy(c => c.Nombre).ThenBy(c => c.Id)
            .Select(c => new { c.Nombre, c.Email, c.Telefono }).FirstOrDefaultAsync(cancellationToken);
        return new FichaCliente(cliente.Direccion, cliente.Comuna, cliente.Region, contacto?.Nombre, contacto?.Email, contacto?.Telefono);
    }
}

using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Contactos;

/// <summary>The one-click unsubscribe of Notificaciones: the client's contacts stop receiving reminders.</summary>
public sealed class RegistrarBajaRecordatoriosHandler(ClientesDbContext db) : IRequestHandler<RegistrarBajaRecordatorios, int>
{
    public async ValueTask<int> Handle(RegistrarBajaRecordatorios r, CancellationToken ct)
    {
        var ids = r.ContactoIds.ToList();
        var contactos = await db.Contactos.Where(c => c.ClienteId == r.ClienteId && ids.Contains(c.Id) && !c.OptOutEmail).ToListAsync(ct);
        foreach (var c in contactos)
            c.OptOutEmail = true;
        await db.SaveChangesAsync(ct);
        return contactos.Count;
    }
}

/// <summary>A hard bounce: the client's contacts with that address get it marked invalid (a new address clears the mark).</summary>
public sealed class MarcarEmailInvalidoHandler(ClientesDbContext db) : IRequestHandler<MarcarEmailInvalido, int>
{
    public async ValueTask<int> Handle(MarcarEmailInvalido r, CancellationToken ct)
    {
        var email = r.Email.Trim().ToLowerInvariant();
        var contactos = await db.Contactos.Where(c => c.ClienteId == r.ClienteId && c.Email == email && !c.EmailInvalido).ToListAsync(ct);
        foreach (var c in contactos)
            c.EmailInvalido = true;
        await db.SaveChangesAsync(ct);
        return contactos.Count;
    }
}

using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Contactos;

/// <summary>The recipients of a notification (Notificaciones), in one SQL query over contacts, clients and group memberships.</summary>
public sealed class ObtenerContactosCorreoHandler(ClientesDbContext db) : IRequestHandler<ObtenerContactosCorreo, IReadOnlyList<ContactoCorreo>>
{
    public async ValueTask<IReadOnlyList<ContactoCorreo>> Handle(ObtenerContactosCorreo r, CancellationToken ct)
    {
        var ids = r.ClienteIds?.ToList();
        var gruposClientes = r.GruposClientes.ToList();
        var gruposContactos = r.GruposContactos.ToList();
        var segmentos = r.Segmentos.ToList();
        var roles = r.Roles.Count == 0 ? [.. RolesContacto.Todos] : r.Roles.ToList();
        var todos = gruposClientes.Count == 0 && gruposContactos.Count == 0;
        // Only the conditions this request needs: flags folded into the SQL would keep the join to clients and the group subqueries
        // in the plan of the common case (every client, no segment), which reads 100 000 contacts for a run.
        // An inactive contact (no longer with the client) gets no mail, as it gets no portal access.
        var contactos = db.Contactos.AsNoTracking().Where(k => k.Activo && k.Email != null && k.Email != "");
        if (ids is not null)
            contactos = contactos.Where(k => ids.Contains(k.ClienteId));
        if (segmentos.Count > 0)
            contactos = contactos.Where(k => segmentos.Contains(k.Cliente!.Segmento));
        if (todos)
            contactos = contactos.Where(k => roles.Contains(k.Rol));
        else if (gruposContactos.Count == 0)
            contactos = contactos.Where(k => roles.Contains(k.Rol) && db.MiembrosGruposClientes.Any(m => gruposClientes.Contains(m.GrupoId) && m.ClienteId == k.ClienteId));
        else if (gruposClientes.Count == 0)
            contactos = contactos.Where(k => db.MiembrosGruposContactos.Any(m => gruposContactos.Contains(m.GrupoId) && m.ContactoId == k.Id));
        else
        {
            contactos = contactos.Where(k => (roles.Contains(k.Rol) && db.MiembrosGruposClientes.Any(m => gruposClientes.Contains(m.GrupoId) && m.ClienteId == k.ClienteId))
                || db.MiembrosGruposContactos.Any(m => gruposContactos.Contains(m.GrupoId) && m.ContactoId == k.Id));
        }

        if (r.Ordenados)
            contactos = contactos.OrderBy(k => k.ClienteId).ThenBy(k => k.Nombre);
        return await contactos
            .Select(k => new ContactoCorreo(k.ClienteId, k.Id, k.Nombre, k.Email!, k.Rol, k.OptOutEmail, k.EmailInvalido))
            .ToListAsync(ct);
    }
}

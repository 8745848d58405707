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
        var porGrupoClientes = gruposClientes.Count > 0;
        var porGrupoContactos = gruposContactos.Count > 0;
        var sinSegmentos = segmentos.Count == 0;
        return await db.Contactos.AsNoTracking()
            .Where(k => k.Email != null && k.Email != "")
            .Where(k => ids == null || ids.Contains(k.ClienteId))
            .Where(k => sinSegmentos || segmentos.Contains(k.Cliente!.Segmento))
            .Where(k => (todos && roles.Contains(k.Rol))
                || (porGrupoClientes && roles.Contains(k.Rol) && db.MiembrosGruposClientes.Any(m => gruposClientes.Contains(m.GrupoId) && m.ClienteId == k.ClienteId))
                || (porGrupoContactos && db.MiembrosGruposContactos.Any(m => gruposContactos.Contains(m.GrupoId) && m.ContactoId == k.Id)))
            .OrderBy(k => k.ClienteId).ThenBy(k => k.Nombre)
            .Select(k => new ContactoCorreo(k.ClienteId, k.Id, k.Nombre, k.Email!, k.Rol, k.OptOutEmail, k.EmailInvalido))
            .ToListAsync(ct);
    }
}

using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
        // An inactive contact (no longer with the client) gets no mail, as it gets no portal access (both queries).
        if (gruposClientes.Count == 0 && gruposContactos.Count == 0)
            return await SinGruposAsync(ids, segmentos, roles, r.Ordenados, ct);
        var contactos = db.Contactos.AsNoTracking().Where(k => k.Activo && k.Email != null && k.Email != "");
        if (ids is not null)
            contactos = contactos.Where(k => ids.Contains(k.ClienteId));
        if (segmentos.Count > 0)
            contactos = contactos.Where(k => segmentos.Contains(k.Cliente!.Segmento));
        if (gruposContactos.Count == 0)
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

    /// <summary>
    /// The common case (every client, maybe narrowed by segment or ids) with a plain data reader and only the conditions the request
    /// needs: a run reads every contact of the company, and materialising 100 000 of them through EF cost more than the query.
    /// </summary>
    private async Task<IReadOnlyList<ContactoCorreo>> SinGruposAsync(List<Guid>? ids, List<string> segmentos, List<string> roles, bool ordenados, CancellationToken ct)
    {
        var conexion = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(
                $"""
                SELECT k.cliente_id, k.id, k.nombre, k.email, k.rol, k.opt_out_email, k.email_invalido
                FROM clientes.contactos k
                WHERE k.empresa_id = @e AND k.activo AND k.email IS NOT NULL AND k.email <> '' AND k.rol = ANY(@roles)
                {(ids is null ? "" : "AND k.cliente_id = ANY(@ids)")}
                {(segmentos.Count == 0 ? "" : "AND EXISTS (SELECT 1 FROM clientes.clientes c WHERE c.id = k.cliente_id AND c.empresa_id = @e AND c.segmento = ANY(@segmentos))")}
                {(ordenados ? "ORDER BY k.cliente_id, k.nombre" : "")}
                """, conexion);
            cmd.Parameters.AddWithValue("e", db.EmpresaActual);
            cmd.Parameters.AddWithValue("roles", roles.ToArray());
            if (ids is not null)
                cmd.Parameters.AddWithValue("ids", ids.ToArray());
            if (segmentos.Count > 0)
                cmd.Parameters.AddWithValue("segmentos", segmentos.ToArray());
            var contactos = new List<ContactoCorreo>();
            await using var l = await cmd.ExecuteReaderAsync(ct);
            while (await l.ReadAsync(ct))
                contactos.Add(new ContactoCorreo(l.GetGuid(0), l.GetGuid(1), l.GetString(2), l.GetString(3), l.GetString(4), l.GetBoolean(5), l.GetBoolean(6)));
            return contactos;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

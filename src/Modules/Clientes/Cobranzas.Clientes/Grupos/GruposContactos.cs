using Cobranzas.Clientes.Persistencia;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Grupos;

public sealed record MiembroContactoDto(Guid Id, string Nombre, string? Email, Guid ClienteId, string RazonSocialCliente);

public sealed record GrupoContactosDetalleDto(Guid Id, string Nombre, string? Descripcion, IReadOnlyList<MiembroContactoDto> Miembros) : IGrupoDetalle;

public sealed class GruposContactos() : TipoGrupo<GrupoContactos, MiembroGrupoContactos, GrupoContactosDetalleDto>(
    "Contactos", nameof(MiembroGrupoContactos.ContactoId), () => new() { Nombre = "" }, (g, id) => new() { GrupoId = g, ContactoId = id }, db => db.Contactos.Select(c => c.Id))
{
    protected override async Task<GrupoContactosDetalleDto> DetalleAsync(ClientesDbContext db, GrupoContactos grupo, IQueryable<Guid> miembros, CancellationToken ct) =>
        new(grupo.Id, grupo.Nombre, grupo.Descripcion, await db.Contactos.AsNoTracking().Where(c => miembros.Contains(c.Id))
            .OrderBy(c => c.Nombre).Select(c => new MiembroContactoDto(c.Id, c.Nombre, c.Email, c.ClienteId, c.Cliente!.RazonSocial)).ToListAsync(ct));
}

using Cobranzas.Clientes.Persistencia;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Grupos;

public sealed record MiembroContactoDto(Guid Id, string Nombre, string? Email, Guid ClienteId, string RazonSocialCliente);

public sealed record GrupoContactosDetalleDto(Guid Id, string Nombre, string? Descripcion, IReadOnlyList<MiembroContactoDto> Miembros) : IGrupoDetalle;

public sealed class GruposContactos() : TipoGrupo<GrupoContactos, MiembroGrupoContactos, GrupoContactosDetalleDto>("Contactos", nameof(MiembroGrupoContactos.ContactoId))
{
    protected override GrupoContactos Nuevo() => new() { Nombre = "" };

    protected override MiembroGrupoContactos Miembro(Guid grupoId, Guid id) => new() { GrupoId = grupoId, ContactoId = id };

    protected override IQueryable<Guid> Existentes(ClientesDbContext db) => db.Contactos.Select(c => c.Id);

    protected override async Task<GrupoContactosDetalleDto> DetalleAsync(ClientesDbContext db, GrupoContactos grupo, CancellationToken ct) =>
        new(grupo.Id, grupo.Nombre, grupo.Descripcion, await db.MiembrosGruposContactos.AsNoTracking().Where(m => m.GrupoId == grupo.Id)
            .Join(db.Contactos, m => m.ContactoId, c => c.Id, (m, c) => c)
            .OrderBy(c => c.Nombre).Select(c => new MiembroContactoDto(c.Id, c.Nombre, c.Email, c.ClienteId, c.Cliente!.RazonSocial)).ToListAsync(ct));
}

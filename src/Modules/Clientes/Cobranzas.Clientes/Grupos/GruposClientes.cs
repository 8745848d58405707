using Cobranzas.Clientes.Persistencia;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Grupos;

public sealed record MiembroClienteDto(Guid Id, string Rut, string RazonSocial);

public sealed record GrupoClientesDetalleDto(Guid Id, string Nombre, string? Descripcion, IReadOnlyList<MiembroClienteDto> Miembros) : IGrupoDetalle;

public sealed class GruposClientes() : TipoGrupo<GrupoClientes, MiembroGrupoClientes, GrupoClientesDetalleDto>("Clientes", nameof(MiembroGrupoClientes.ClienteId))
{
    protected override GrupoClientes Nuevo() => new() { Nombre = "" };

    protected override MiembroGrupoClientes Miembro(Guid grupoId, Guid id) => new() { GrupoId = grupoId, ClienteId = id };

    protected override IQueryable<Guid> Existentes(ClientesDbContext db) => db.Clientes.Select(c => c.Id);

    protected override async Task<GrupoClientesDetalleDto> DetalleAsync(ClientesDbContext db, GrupoClientes grupo, CancellationToken ct) =>
        new(grupo.Id, grupo.Nombre, grupo.Descripcion, await db.MiembrosGruposClientes.AsNoTracking().Where(m => m.GrupoId == grupo.Id)
            .Join(db.Clientes, m => m.ClienteId, c => c.Id, (m, c) => c)
            .OrderBy(c => c.RazonSocial).Select(c => new MiembroClienteDto(c.Id, c.Rut, c.RazonSocial)).ToListAsync(ct));
}

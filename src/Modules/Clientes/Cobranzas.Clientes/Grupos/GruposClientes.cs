using Cobranzas.Clientes.Persistencia;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Grupos;

public sealed record MiembroClienteDto(Guid Id, string Rut, string RazonSocial);

public sealed record GrupoClientesDetalleDto(Guid Id, string Nombre, string? Descripcion, IReadOnlyList<MiembroClienteDto> Miembros) : IGrupoDetalle;

public sealed class GruposClientes() : TipoGrupo<GrupoClientes, MiembroGrupoClientes, GrupoClientesDetalleDto>(
    "Clientes", nameof(MiembroGrupoClientes.ClienteId), () => new() { Nombre = "" }, (g, id) => new() { GrupoId = g, ClienteId = id }, db => db.Clientes.Select(c => c.Id))
{
    protected override async Task<GrupoClientesDetalleDto> DetalleAsync(ClientesDbContext db, GrupoClientes grupo, IQueryable<Guid> miembros, CancellationToken ct) =>
        new(grupo.Id, grupo.Nombre, grupo.Descripcion, await db.Clientes.AsNoTracking().Where(c => miembros.Contains(c.Id))
            .OrderBy(c => c.RazonSocial).Select(c => new MiembroClienteDto(c.Id, c.Rut, c.RazonSocial)).ToListAsync(ct));
}

using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion;

/// <summary>
/// Which clients the caller may see and act on in Gestión: a Cobrador user only those assigned to the collector it works as
/// (none when it is linked to no collector); supervisors, administrators, read-only users and API keys see every client.
/// Every Gestión slice that takes or lists clients goes through here, so the rule is enforced on the server in one place.
/// </summary>
public sealed class AlcanceGestion(GestionDbContext db, IContextoSolicitud contexto, IMediator mediator)
{
    private Guid? _cobrador;
    private bool _resuelto;

    /// <summary>The collector the caller is restricted to (<see cref="Guid.Empty"/> if it is a Cobrador linked to none), or null if it sees everything.</summary>
    public async Task<Guid?> CobradorRestringidoAsync(CancellationToken ct)
    {
        if (_resuelto)
            return _cobrador;
        if (contexto.Rol == Roles.Cobrador)
        {
            var usuario = contexto.UsuarioId;
            _cobrador = await db.Cobradores.Where(c => c.UsuarioId == usuario && c.Activo).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct) ?? Guid.Empty;
        }

        _resuelto = true;
        return _cobrador;
    }

    /// <summary>The collector the signed-in user works as, whatever its role (a supervisor may also collect).</summary>
    public async Task<Guid?> CobradorPropioAsync(CancellationToken ct)
    {
        var usuario = contexto.UsuarioId;
        return usuario is null ? null : await db.Cobradores.Where(c => c.UsuarioId == usuario && c.Activo).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
    }

    /// <summary>Ids of the clients the caller may see, or null when it sees them all (compose it into the slice's query).</summary>
    public async Task<IQueryable<Guid>?> ClientesVisiblesAsync(CancellationToken ct) =>
        await CobradorRestringidoAsync(ct) is { } cobrador ? db.Asignaciones.Where(a => a.CobradorId == cobrador).Select(a => a.ClienteId) : null;

    public async Task<bool> PuedeVerAsync(Guid clienteId, CancellationToken ct) =>
        await CobradorRestringidoAsync(ct) is not { } cobrador || await db.Asignaciones.AnyAsync(a => a.ClienteId == clienteId && a.CobradorId == cobrador, ct);

    /// <summary>The client of the caller's company, if the caller may act on it; otherwise 404 (another collector's client does not exist for it).</summary>
    public async Task<ClienteInfo> ClienteAsync(Guid clienteId, CancellationToken ct)
    {
        var cliente = (await mediator.Send(new BuscarClientes([clienteId], []), ct)).SingleOrDefault();
        if (cliente is null || !await PuedeVerAsync(clienteId, ct))
            throw new NoEncontradoException("Cliente", clienteId);
        return cliente;
    }
}

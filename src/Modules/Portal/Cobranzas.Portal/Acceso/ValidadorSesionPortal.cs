using Cobranzas.Clientes.Contracts;
using Cobranzas.Portal.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Portal.Acceso;

/// <summary>Checked on every portal request: the session is open and unexpired and its contact still active with the same e-mail.</summary>
public sealed class ValidadorSesionPortal(PortalDbContext db, IMediator mediator, TimeProvider reloj) : IValidadorSesionPortal
{
    public async Task<SesionPortalValida?> ValidarAsync(string token, CancellationToken ct)
    {
        if (token.Length > 100)
            return null;
        var hash = TokensPortal.Hash(token);
        var ahora = reloj.GetUtcNow();
        // No company yet: the session itself names it.
        var sesion = await db.Set<SesionPortal>().IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(s => s.TokenHash == hash && s.Cerrada == null && s.Expira > ahora, ct);
        if (sesion is null)
            return null;
        var contacto = await mediator.Send(new ObtenerContactoPortal(sesion.EmpresaId, sesion.ClienteId, sesion.ContactoId, sesion.Email), ct);
        return contacto is null ? null : new SesionPortalValida(sesion.Id, sesion.EmpresaId, sesion.ClienteId, sesion.ContactoId, sesion.Email);
    }
}

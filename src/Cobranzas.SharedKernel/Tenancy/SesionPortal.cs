namespace Cobranzas.SharedKernel.Tenancy;

/// <summary>
/// The client portal's authentication: a scheme of its own, read only by <c>/api/v1/portal/...</c> (policy
/// <see cref="Politica"/>). The staff schemes never read the portal header, so a portal session is no one on any other endpoint.
/// </summary>
public static class SesionesPortal
{
    public const string Esquema = "Portal";
    public const string Encabezado = "X-Portal-Sesion";
    public const string Politica = "Portal";

    public const string ClaimSesion = "portal_sesion";
    public const string ClaimCliente = "portal_cliente";
    public const string ClaimContacto = "portal_contacto";
}

/// <summary>A portal session still valid: one company, one client, one contact.</summary>
public sealed record SesionPortalValida(Guid SesionId, Guid EmpresaId, Guid ClienteId, Guid ContactoId, string Email);

/// <summary>Checks a portal session token on every request (the Portal module implements it; the platform's scheme calls it).</summary>
public interface IValidadorSesionPortal
{
    Task<SesionPortalValida?> ValidarAsync(string token, CancellationToken ct);
}

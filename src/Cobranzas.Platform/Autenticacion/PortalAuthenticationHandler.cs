using System.Security.Claims;
using System.Text.Encodings.Web;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cobranzas.Platform.Autenticacion;

/// <summary>
/// A client contact's portal session (header <see cref="SesionesPortal.Encabezado"/>), checked against its store on every
/// request, so an expired session or a contact made inactive is refused at once. Only the portal policy asks this scheme.
/// </summary>
public sealed class PortalAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(SesionesPortal.Encabezado, out var valores) || valores.Count == 0 || string.IsNullOrWhiteSpace(valores.ToString()))
            return AuthenticateResult.NoResult();
        if (Context.RequestServices.GetService<IValidadorSesionPortal>() is not { } validador)
            return AuthenticateResult.NoResult();

        var sesion = await validador.ValidarAsync(valores.ToString().Trim(), Context.RequestAborted);
        if (sesion is null)
            return AuthenticateResult.Fail("Sesión del portal inválida, vencida o contacto inactivo.");

        List<Claim> claims =
        [
            new(SesionesPortal.ClaimSesion, sesion.SesionId.ToString()),
            new(SesionesPortal.ClaimCliente, sesion.ClienteId.ToString()),
            new(SesionesPortal.ClaimContacto, sesion.ContactoId.ToString()),
            new(Permisos.ClaimEmpresa, sesion.EmpresaId.ToString()),
            new(Permisos.ClaimActor, $"portal:{sesion.Email}"),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SesionesPortal.Esquema));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SesionesPortal.Esquema));
    }
}

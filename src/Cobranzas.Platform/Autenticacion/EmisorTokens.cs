using System.Security.Claims;
using System.Text;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cobranzas.Platform.Autenticacion;

public sealed class OpcionesJwt
{
    public const string Emisor = "cobranzas";
    public string Clave { get; set; } = "";
    public TimeSpan Duracion { get; set; } = TimeSpan.FromHours(10);

    public SymmetricSecurityKey LlaveFirma() => new(Encoding.UTF8.GetBytes(Clave));
}

/// <summary>Issues the bearer token of a user session in one company.</summary>
public sealed class EmisorTokens(IOptions<OpcionesJwt> opciones, TimeProvider reloj)
{
    public (string Token, DateTimeOffset Expira) Emitir(Usuario usuario, Membresia membresia, Sesion sesion)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, usuario.Id),
            new(JwtRegisteredClaimNames.Email, usuario.Email ?? ""),
            new(Permisos.ClaimEmpresa, membresia.EmpresaId.ToString()),
            new(Permisos.ClaimActor, usuario.Email ?? usuario.Id),
            new(Permisos.ClaimSesion, sesion.Id.ToString()),
            new("rol", membresia.Rol),
        };
        claims.AddRange(Roles.PermisosDe(membresia.Rol).Select(p => new Claim(Permisos.ClaimTipo, p)));

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = OpcionesJwt.Emisor,
            Audience = OpcionesJwt.Emisor,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = reloj.GetUtcNow().UtcDateTime,
            NotBefore = reloj.GetUtcNow().UtcDateTime,
            Expires = sesion.Expira.UtcDateTime,
            SigningCredentials = new SigningCredentials(opciones.Value.LlaveFirma(), SecurityAlgorithms.HmacSha256),
        });
        return (token, sesion.Expira);
    }
}

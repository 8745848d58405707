using System.Security.Claims;
using System.Text;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cobranzas.Platform.Autenticacion;

public sealed class OpcionesJwt
{
    public const string Emisor = "cobranzas";

    /// <summary>Published in this repository, so it signs sessions only in Development.</summary>
    public const string ClaveDemo = "cobranzas-clave-de-demostracion-publica-solo-para-desarrollo";
    public string Clave { get; set; } = "";
    public TimeSpan Duracion { get; set; } = TimeSpan.FromHours(10);

    public SymmetricSecurityKey LlaveFirma() => new(Encoding.UTF8.GetBytes(Clave));
}

/// <summary>
/// The signing key is a secret of the installation: missing, short or the published demo key are refused at start,
/// except in Development, where a missing key falls back to the demo one.
/// </summary>
public sealed class ValidacionOpcionesJwt(IHostEnvironment ambiente) : IValidateOptions<OpcionesJwt>, IPostConfigureOptions<OpcionesJwt>
{
    public const int LargoMinimo = 32;
    private const string Variable = "Jwt:Clave (variable Jwt__Clave)";

    public void PostConfigure(string? name, OpcionesJwt options)
    {
        if (ambiente.IsDevelopment() && string.IsNullOrWhiteSpace(options.Clave))
            options.Clave = OpcionesJwt.ClaveDemo;
    }

    public ValidateOptionsResult Validate(string? name, OpcionesJwt options) => options.Clave switch
    {
        var c when string.IsNullOrWhiteSpace(c) => ValidateOptionsResult.Fail($"{Variable} falta: defina una clave secreta propia de al menos {LargoMinimo} caracteres."),
        var c when Encoding.UTF8.GetByteCount(c) < LargoMinimo => ValidateOptionsResult.Fail($"{Variable} debe tener al menos {LargoMinimo} caracteres."),
        OpcionesJwt.ClaveDemo when !ambiente.IsDevelopment() => ValidateOptionsResult.Fail(
            $"{Variable} es la clave de demostración publicada en el repositorio; fuera de Development defina una clave secreta propia."),
        _ => ValidateOptionsResult.Success,
    };
}

/// <summary>Issues the bearer token of a user session in one company.</summary>
public sealed class EmisorTokens(IOptions<OpcionesJwt> opciones, TimeProvider reloj)
{
    public const string ClaimRol = Permisos.ClaimRol;

    public (string Token, DateTimeOffset Expira) Emitir(Usuario usuario, Membresia membresia, Sesion sesion)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, usuario.Id),
            new(JwtRegisteredClaimNames.Email, usuario.Email ?? ""),
            new(Permisos.ClaimEmpresa, membresia.EmpresaId.ToString()),
            new(Permisos.ClaimActor, usuario.Email ?? usuario.Id),
            new(Permisos.ClaimSesion, sesion.Id.ToString()),
            new(ClaimRol, membresia.Rol),
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

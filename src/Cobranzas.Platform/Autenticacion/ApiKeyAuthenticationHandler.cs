using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cobranzas.Platform.Autenticacion;

/// <summary>Authenticates ERPs and partners by the <c>X-Api-Key</c> header.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PlataformaDbContext db,
    TimeProvider reloj) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Esquema = "ApiKey";
    public const string Encabezado = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Encabezado, out var valores) || valores.Count == 0)
            return AuthenticateResult.NoResult();

        if (!ClavesApi.TryDividir(valores.ToString(), out var prefijo, out var secreto))
            return AuthenticateResult.Fail("API key con formato inválido.");

        var clave = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefijo == prefijo, Context.RequestAborted);
        if (clave is null || clave.Revocada is not null || !ClavesApi.Coincide(secreto, clave.SecretoHash))
            return AuthenticateResult.Fail("API key inválida o revocada.");

        var ahora = reloj.GetUtcNow();
        if (clave.UltimoUso is null || ahora - clave.UltimoUso > TimeSpan.FromMinutes(1))
            await db.ApiKeys.Where(k => k.Id == clave.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.UltimoUso, ahora), Context.RequestAborted);

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, clave.Id.ToString()),
            new(Permisos.ClaimApiKey, clave.Id.ToString()),
            new(Permisos.ClaimEmpresa, clave.EmpresaId.ToString()),
            new(Permisos.ClaimActor, $"api-key:{clave.Nombre}"),
            .. clave.Permisos().Select(p => new Claim(Permisos.ClaimTipo, p)),
            .. clave.AgenciaId is { } agencia ? [new Claim(Permisos.ClaimAgencia, agencia.ToString())] : Array.Empty<Claim>(),
        ];

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Esquema));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Esquema));
    }
}

public static class ClavesApi
{
    private const string Marca = "ck";

    /// <summary>A new key: <c>ck_&lt;prefijo&gt;_&lt;secreto&gt;</c>; only the secret's hash is stored.</summary>
    public static (string Clave, string Prefijo, string Hash) Generar()
    {
        var prefijo = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secreto = Base64Url(RandomNumberGenerator.GetBytes(24));
        return ($"{Marca}_{prefijo}_{secreto}", prefijo, Hash(secreto));
    }

    public static bool TryDividir(string clave, out string prefijo, out string secreto)
    {
        var partes = clave.Trim().Split('_', 3);
        var valida = partes is [Marca, { Length: 12 }, { Length: > 0 }];
        prefijo = valida ? partes[1] : "";
        secreto = valida ? partes[2] : "";
        return valida;
    }

    public static string Hash(string secreto) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secreto)));

    public static bool Coincide(string secreto, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secreto)), Encoding.ASCII.GetBytes(hash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

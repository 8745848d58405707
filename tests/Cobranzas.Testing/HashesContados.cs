using Cobranzas.Platform.Persistencia;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cobranzas.Testing;

/// <summary>Identity's real password hasher, counting how many hashes it verifies (login must cost the same whatever the e-mail).</summary>
public sealed class HashesContados(IOptions<PasswordHasherOptions> opciones) : IPasswordHasher<Usuario>
{
    private static long _verificaciones;

    private readonly PasswordHasher<Usuario> _real = new(opciones);

    public static long Verificaciones => Interlocked.Read(ref _verificaciones);

    public string HashPassword(Usuario user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Usuario user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verificaciones);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

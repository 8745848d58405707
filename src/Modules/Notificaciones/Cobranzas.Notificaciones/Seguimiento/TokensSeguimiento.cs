using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Cobranzas.Notificaciones.Seguimiento;

/// <summary>What a tracking or unsubscribe token says: the company, the message, and for a click the only URL it may redirect to.</summary>
public sealed record DatosToken(Guid EmpresaId, Guid EnvioId, string? Url);

/// <summary>
/// Tokens of the public links. A token is the company, the message and (for a click) the URL, followed by their HMAC-SHA256 under the
/// installation's key (<see cref="ClaveEnlaces"/>), with the kind of link in the signed data: an open token is not an unsubscribe token,
/// and a forged or altered one reads as nothing. The token is signed, not encrypted: what it carries is what the recipient already has
/// (the link's destination) plus two opaque ids. Signing is a hash, where the Data Protection tokens used before cost an authenticated
/// encryption each (three per mail); those older tokens, already in sent mails, are still read (<see cref="LeerProtegido"/>).
/// </summary>
public sealed class TokensSeguimiento(IDataProtectionProvider proveedor, NpgsqlDataSource fuente, TimeProvider reloj)
{
    public const string Apertura = "apertura";
    public const string Clic = "clic";
    public const string Baja = "baja";
    public const int LargoMaximo = 4000;

    private const byte Version = 1;
    private const int LargoIds = 1 + 16 + 16;
    private const int LargoFirma = HMACSHA256.HashSizeInBytes;
    private const string Proposito = "Cobranzas.Notificaciones.Seguimiento";

    // One protector per kind for the process (a protector caches its purposes' digest; a new one per token recomputed it every time).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IDataProtector> _protectores = new();

    private IDataProtector Protector(string tipo) => _protectores.GetOrAdd(tipo, t => proveedor.CreateProtector(Proposito, t));

    // Read (or created) once per process, on first use; every replica ends up with the row the first one inserted.
    private byte[] ClaveHmac => field ??= CargarClave();

    public string Crear(string tipo, Guid empresaId, Guid envioId, string? url = null)
    {
        var largoUrl = url is null ? 0 : Encoding.UTF8.GetByteCount(url);
        var token = new byte[LargoIds + largoUrl + LargoFirma];
        token[0] = Version;
        empresaId.TryWriteBytes(token.AsSpan(1, 16), bigEndian: true, out _);
        envioId.TryWriteBytes(token.AsSpan(17, 16), bigEndian: true, out _);
        if (url is not null)
            Encoding.UTF8.GetBytes(url, token.AsSpan(LargoIds, largoUrl));
        Firmar(tipo, token.AsSpan(0, LargoIds + largoUrl), token.AsSpan(LargoIds + largoUrl));
        return WebEncoders.Base64UrlEncode(token);
    }

    public DatosToken? Leer(string tipo, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > LargoMaximo)
            return null;
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }

        return LeerFirmado(tipo, bytes) ?? LeerProtegido(tipo, bytes);
    }

    private DatosToken? LeerFirmado(string tipo, byte[] token)
    {
        if (token.Length < LargoIds + LargoFirma || token[0] != Version)
            return null;
        var datos = token.AsSpan(0, token.Length - LargoFirma);
        Span<byte> esperada = stackalloc byte[LargoFirma];
        Firmar(tipo, datos, esperada);
        if (!CryptographicOperations.FixedTimeEquals(esperada, token.AsSpan(token.Length - LargoFirma)))
            return null;
        string? url;
        try
        {
            url = datos.Length == LargoIds ? null : new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(datos[LargoIds..]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        return new DatosToken(new Guid(datos.Slice(1, 16), bigEndian: true), new Guid(datos.Slice(17, 16), bigEndian: true), url);
    }

    /// <summary>A token of the Data Protection format the links had before the HMAC ones (mails already sent still carry them).</summary>
    private DatosToken? LeerProtegido(string tipo, byte[] token)
    {
        try
        {
            var partes = Encoding.UTF8.GetString(Protector(tipo).Unprotect(token)).Split('|', 3);
            return partes.Length == 3 && Guid.TryParseExact(partes[0], "N", out var empresa) && Guid.TryParseExact(partes[1], "N", out var envio)
                ? new DatosToken(empresa, envio, partes[2].Length == 0 ? null : partes[2])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private void Firmar(string tipo, ReadOnlySpan<byte> datos, Span<byte> firma)
    {
        // The kind goes first, with its length, so that no token of one kind is ever a valid token of another.
        Span<byte> prefijo = stackalloc byte[4 + 16];
        var largoTipo = Encoding.ASCII.GetBytes(tipo, prefijo[4..]);
        BinaryPrimitives.WriteInt32BigEndian(prefijo, largoTipo);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, ClaveHmac);
        hmac.AppendData(prefijo[..(4 + largoTipo)]);
        hmac.AppendData(datos);
        hmac.GetHashAndReset(firma);
    }

    private byte[] CargarClave()
    {
        var protector = proveedor.CreateProtector(Proposito, "clave-enlaces");
        using var conexion = fuente.OpenConnection();
        using (var insertar = new NpgsqlCommand(
            """
            INSERT INTO notificaciones.clave_enlaces (id, clave_protegida, creada) VALUES (@id, @clave, @creada)
            ON CONFLICT (id) DO NOTHING
            """, conexion))
        {
            insertar.Parameters.AddWithValue("id", ClaveEnlaces.Unica);
            insertar.Parameters.AddWithValue("clave", Convert.ToBase64String(protector.Protect(RandomNumberGenerator.GetBytes(32))));
            insertar.Parameters.AddWithValue("creada", reloj.GetUtcNow());
            insertar.ExecuteNonQuery();
        }

        using var leer = new NpgsqlCommand("SELECT clave_protegida FROM notificaciones.clave_enlaces WHERE id = @id", conexion);
        leer.Parameters.AddWithValue("id", ClaveEnlaces.Unica);
        return protector.Unprotect(Convert.FromBase64String((string)leer.ExecuteScalar()!));
    }
}

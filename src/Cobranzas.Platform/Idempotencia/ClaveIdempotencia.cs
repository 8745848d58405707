using Cobranzas.SharedKernel.Auditoria;

namespace Cobranzas.Platform.Idempotencia;

/// <summary>
/// The first answer to a POST sent with an <c>Idempotency-Key</c>, per company and key. <see cref="Estado"/> is null while
/// the first request is still running (then <see cref="Expira"/> is a short lease, so a crashed request frees its key).
/// </summary>
[SinAuditoria]
public sealed class ClaveIdempotencia
{
    public Guid EmpresaId { get; init; }
    public required string Clave { get; init; }

    /// <summary>SHA-256 of method, path and query, and body.</summary>
    public required byte[] Huella { get; init; }
    public required string Ruta { get; init; }
    public int? Estado { get; init; }
    public string? TipoContenido { get; init; }
    public string? Ubicacion { get; init; }
    public byte[]? Cuerpo { get; init; }

    /// <summary>The answer was larger than <see cref="IdempotenciaMiddleware.MaximoCuerpoGuardado"/>: its status is kept, its body is not.</summary>
    public bool CuerpoOmitido { get; init; }
    public DateTimeOffset Creada { get; init; }
    public DateTimeOffset Expira { get; init; }
}

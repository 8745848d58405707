using Mediator;

namespace Cobranzas.Notificaciones.Contracts;

/// <summary>A file sent with a message (the PDF of an executive report).</summary>
public sealed record AdjuntoCorreo(string Nombre, string TipoContenido, byte[] Contenido);

/// <summary>A person of the company a message goes to.</summary>
public sealed record DestinatarioInterno(string Nombre, string Email);

/// <summary>
/// Queues an e-mail to people of the caller's company (not to a client: no client timeline, no contact rules) with its attachments,
/// in Notificaciones' outbox, under <paramref name="Clave"/> (at most 200 characters, unique per company): asked twice with the same
/// key, it is queued once. Answers whether it was queued now (false: the key was already taken).
/// </summary>
public sealed record EncolarCorreoInterno(
    string Clave, IReadOnlyList<DestinatarioInterno> Para, string Asunto, string Html, string Texto, DateOnly Fecha, IReadOnlyList<AdjuntoCorreo> Adjuntos) : IRequest<bool>;

using Mediator;

namespace Cobranzas.Gestion.Contracts;

/// <summary>What Gestión knows of a client for a message: stage, collector, and the documents in dispute or under a pending promise today.</summary>
public sealed record SituacionGestion(
    Guid ClienteId, string? Etapa, Guid? CobradorId, string? CobradorNombre, string? CobradorTelefono, string? CobradorEmail,
    IReadOnlyList<Guid> DocumentosPausados, bool ClientePausado);

/// <summary>The situation of these clients of the caller's company (null: every client Gestión knows), in one set-based query.</summary>
public sealed record ObtenerSituacionGestion(IReadOnlyCollection<Guid>? ClienteIds, DateOnly Hoy) : IRequest<IReadOnlyList<SituacionGestion>>;

/// <summary>A written contact the rules forbid at that moment: the rule's code, a Spanish message and when it would be allowed.</summary>
public sealed record ContactoNoPermitido(string Regla, string Mensaje, DateTimeOffset? SiguientePermitido);

/// <summary>The contact rules (Ley 21.320 for consumers, the company's limits otherwise) for one written contact to each client at <paramref name="Momento"/>; only blocked clients are in the answer.</summary>
public sealed record EvaluarContactosEscritos(IReadOnlyCollection<Guid> ClienteIds, DateTimeOffset Momento) : IRequest<IReadOnlyDictionary<Guid, ContactoNoPermitido>>;

public static class TiposActividadCorreo
{
    /// <summary>A message the company sent: a written contact, counted by the contact rules.</summary>
    public const string Enviado = "correo_enviado";

    /// <summary>A reply of the client: shown in the timeline, not a contact made by the company.</summary>
    public const string Respuesta = "correo_respuesta";
}

/// <summary>
/// Records an e-mail in the client's timeline as an activity (written channel, origin = the tipo, origin id = the message the SPA links to); a reply
/// (<see cref="TiposActividadCorreo.Respuesta"/>) can also raise a task for the client's collector. Idempotent on <paramref name="OrigenId"/>.
/// </summary>
public sealed record RegistrarActividadCorreo(
    Guid ClienteId, string Tipo, string Resumen, DateTimeOffset Fecha, Guid OrigenId, bool CrearTareaCobrador = false) : IRequest<Guid>;

using Mediator;

namespace Cobranzas.Clientes.Contracts;

/// <summary>
/// A recipient asked (one-click unsubscribe, RFC 8058) to receive no more reminders: these contacts of the client are marked opted out of
/// e-mail reminders (legal notices still go). Contacts of another client or company are ignored; answers how many changed.
/// </summary>
public sealed record RegistrarBajaRecordatorios(Guid ClienteId, IReadOnlyCollection<Guid> ContactoIds, string Motivo) : IRequest<int>;

/// <summary>A hard bounce for <paramref name="Email"/>: the client's contacts with that address get their e-mail marked invalid. Answers how many changed.</summary>
public sealed record MarcarEmailInvalido(Guid ClienteId, string Email, string Motivo) : IRequest<int>;

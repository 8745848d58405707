using Mediator;

namespace Cobranzas.Clientes.Contracts;

/// <summary>A contact with an e-mail that a notification may reach, flagged when it must not (opted out, or its address bounced hard).</summary>
public sealed record ContactoCorreo(Guid ClienteId, Guid ContactoId, string Nombre, string Email, string Rol, bool OptOut, bool EmailInvalido);

/// <summary>
/// The active contacts with an e-mail of the caller's company's clients that a notification addresses, in one query: clients in any of
/// <paramref name="GruposClientes"/> (with their contacts in <paramref name="Roles"/>) and contacts in any of
/// <paramref name="GruposContactos"/> (whatever their role); with neither group list, every client (contacts in the roles).
/// <paramref name="Segmentos"/> (when not empty) and <paramref name="ClienteIds"/> (when not null) narrow the clients. Ordered by client
/// and name, unless <paramref name="Ordenados"/> is false (a caller that groups them by client sorts each group itself).
/// </summary>
public sealed record ObtenerContactosCorreo(
    IReadOnlyCollection<Guid>? ClienteIds, IReadOnlyCollection<Guid> GruposClientes, IReadOnlyCollection<Guid> GruposContactos,
    IReadOnlyCollection<string> Segmentos, IReadOnlyCollection<string> Roles, bool Ordenados = true) : IRequest<IReadOnlyList<ContactoCorreo>>;

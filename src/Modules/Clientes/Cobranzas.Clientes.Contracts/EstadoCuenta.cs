using Mediator;

namespace Cobranzas.Clientes.Contracts;

/// <summary>
/// What a printed statement shows about its client besides the name: the address and the contact to write to
/// (the first collections contact, else the first contact). Null when the client does not exist.
/// </summary>
public sealed record ObtenerFichaCliente(Guid ClienteId) : IRequest<FichaCliente?>;

public sealed record FichaCliente(
    string? Direccion, string? Comuna, string? Region, string? ContactoNombre, string? ContactoEmail, string? ContactoTelefono);

using Mediator;

namespace Cobranzas.Clientes.Contracts;

/// <summary>What other modules may know of a client: identity, segment terms and credit status.</summary>
public sealed record ClienteInfo(
    Guid Id, string Rut, string RazonSocial, string Segmento, string EstadoCredito, decimal? LimiteCredito, string MonedaLimite, int PlazoDias, int DiasTolerancia,
    string? Comuna = null, string? Region = null, bool CuentaClave = false, bool Consumidor = false);

/// <summary>Clients of the caller's company by id or canonical RUT; unknown ones are simply absent.</summary>
public sealed record BuscarClientes(IReadOnlyCollection<Guid> Ids, IReadOnlyCollection<string> Ruts) : IRequest<IReadOnlyList<ClienteInfo>>;

/// <summary>A client's segment, as <see cref="SegmentosClientes"/> answers it.</summary>
public sealed record SegmentoCliente(Guid Id, string Segmento);

/// <summary>
/// The segment of the caller's company's clients by id (<paramref name="Ids"/> null: every client), ordered by id; unknown ones
/// are absent. Two columns, for callers that need nothing else of many clients (the forecast's segment profiles).
/// </summary>
public sealed record SegmentosClientes(IReadOnlyCollection<Guid>? Ids) : IRequest<IReadOnlyList<SegmentoCliente>>;

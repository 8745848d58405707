using Mediator;

namespace Cobranzas.Clientes.Contracts;

/// <summary>
/// Clients were created, or changed something other modules decide on (comuna, región, segmento, cuenta clave):
/// published by create, update and import after they are saved, once per request (an import publishes all its clients at once).
/// </summary>
public sealed record ClientesGuardados(IReadOnlyList<Guid> ClienteIds, bool Nuevos) : INotification;

/// <summary>What the assignment of collectors decides on, for one client.</summary>
public sealed record DatosAsignacionCliente(Guid Id, string Rut, string RazonSocial, string Segmento, string? Comuna, string? Region, bool CuentaClave);

/// <summary>The clients of the caller's company (all of them when <see cref="Ids"/> is null) with the data assignment uses, in one query.</summary>
public sealed record ListarDatosAsignacion(IReadOnlyCollection<Guid>? Ids) : IRequest<IReadOnlyList<DatosAsignacionCliente>>;

using Mediator;

namespace Cobranzas.Clientes.Contracts;

/// <summary>
/// The caller's company's clients in segment <paramref name="Segmento"/> (when given) and in client group
/// <paramref name="GrupoClientesId"/> (when given), for the filters every report offers.
/// </summary>
public sealed record ClientesPorSegmentoYGrupo(string? Segmento, Guid? GrupoClientesId) : IRequest<IReadOnlyList<Guid>>;

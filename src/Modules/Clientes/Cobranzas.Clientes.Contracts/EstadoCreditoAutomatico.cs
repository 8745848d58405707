using Mediator;

namespace Cobranzas.Clientes.Contracts;

/// <summary>
/// The portfolio's credit control suspends a client (over its limit, or overdue past its tolerance) or
/// restores one it suspended itself; a manual state (bloqueado, or a suspension by a person) is never
/// overridden. Answers whether the state changed.
/// </summary>
public sealed record CambiarEstadoCreditoAutomatico(Guid ClienteId, bool Suspender, string Motivo) : IRequest<bool>;

/// <summary>The same for many clients at once (one read, one save), as the credit control of a payments batch needs; answers how many changed.</summary>
public sealed record CambiarEstadosCreditoAutomatico(IReadOnlyList<CambiarEstadoCreditoAutomatico> Cambios) : IRequest<int>;

/// <summary>Clients of the caller's company the credit control suspended and that are still suspended.</summary>
public sealed record ClientesSuspendidosAutomaticamente : IRequest<IReadOnlyList<Guid>>;

public static class ControlCreditoAutomatico
{
    public const string Actor = "sistema: control de crédito";
}

using Cobranzas.Gestion.Contracts;
using Mediator;

namespace Cobranzas.Gestion.Indicadores;

// SKELETON (issue 14): replaced by the helper 'pronostico'; must not reach the end of the session.
public sealed class CompromisosPendientesHandler : IRequestHandler<CompromisosPendientes, IReadOnlyList<CompromisoPendiente>>
{
    public ValueTask<IReadOnlyList<CompromisoPendiente>> Handle(CompromisosPendientes request, CancellationToken cancellationToken) => throw new NotImplementedException();
}


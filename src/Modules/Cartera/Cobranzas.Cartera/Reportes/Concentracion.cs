using Cobranzas.Cartera.Contracts;
using Mediator;

namespace Cobranzas.Cartera.Reportes;

// SKELETON (issue 14): replaced by the helper 'reportes-cartera'; must not reach the end of the session.
public sealed class ObtenerPrincipalesDeudoresHandler : IRequestHandler<ObtenerPrincipalesDeudores, IReadOnlyList<DeudorPrincipal>>
{
    public ValueTask<IReadOnlyList<DeudorPrincipal>> Handle(ObtenerPrincipalesDeudores request, CancellationToken cancellationToken) => throw new NotImplementedException();
}


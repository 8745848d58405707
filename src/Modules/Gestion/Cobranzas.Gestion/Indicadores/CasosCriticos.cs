using Cobranzas.Gestion.Contracts;
using Mediator;

namespace Cobranzas.Gestion.Indicadores;

// SKELETON (issue 14): replaced by the helper 'indicadores-gestion'; must not reach the end of the session.
public sealed class ObtenerCasosCriticosHandler : IRequestHandler<ObtenerCasosCriticos, IReadOnlyList<CasoCritico>>
{
    public ValueTask<IReadOnlyList<CasoCritico>> Handle(ObtenerCasosCriticos request, CancellationToken cancellationToken) => throw new NotImplementedException();
}


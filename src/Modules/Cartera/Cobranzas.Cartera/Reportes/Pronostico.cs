using Cobranzas.Cartera.Contracts;
using Mediator;

namespace Cobranzas.Cartera.Reportes;

// SKELETON (issue 14): replaced by the helper 'pronostico'; must not reach the end of the session.
public sealed class ObtenerPronosticoSemanalHandler : IRequestHandler<ObtenerPronosticoSemanal, IReadOnlyList<SemanaPronostico>>
{
    public ValueTask<IReadOnlyList<SemanaPronostico>> Handle(ObtenerPronosticoSemanal request, CancellationToken cancellationToken) => throw new NotImplementedException();
}


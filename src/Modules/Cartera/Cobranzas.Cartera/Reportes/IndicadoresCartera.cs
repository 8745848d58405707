using Cobranzas.Cartera.Contracts;
using Mediator;

namespace Cobranzas.Cartera.Reportes;

// SKELETON (issue 14): replaced by the helper 'indicadores-cartera'; must not reach the end of the session.
public sealed class ObtenerIndicadoresCarteraHandler : IRequestHandler<ObtenerIndicadoresCartera, IndicadoresCartera>
{
    public ValueTask<IndicadoresCartera> Handle(ObtenerIndicadoresCartera request, CancellationToken cancellationToken) => throw new NotImplementedException();
}

public sealed class ObtenerTendenciaIndicadoresHandler : IRequestHandler<ObtenerTendenciaIndicadores, IReadOnlyList<IndicadoresCartera>>
{
    public ValueTask<IReadOnlyList<IndicadoresCartera>> Handle(ObtenerTendenciaIndicadores request, CancellationToken cancellationToken) => throw new NotImplementedException();
}

public sealed class ObtenerRecaudacionHandler : IRequestHandler<ObtenerRecaudacion, decimal>
{
    public ValueTask<decimal> Handle(ObtenerRecaudacion request, CancellationToken cancellationToken) => throw new NotImplementedException();
}


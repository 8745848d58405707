using Cobranzas.Gestion.Contracts;
using Mediator;

namespace Cobranzas.Gestion.Indicadores;

// SKELETON (issue 14): replaced by the helper 'indicadores-gestion'; must not reach the end of the session.
public sealed class ObtenerProductividadCobradoresHandler : IRequestHandler<ObtenerProductividadCobradores, IReadOnlyList<ProductividadCobrador>>
{
    public ValueTask<IReadOnlyList<ProductividadCobrador>> Handle(ObtenerProductividadCobradores request, CancellationToken cancellationToken) => throw new NotImplementedException();
}


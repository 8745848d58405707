using Cobranzas.Integraciones.Contracts;
using Cobranzas.Portal.Acceso;
using FluentValidation;
using Mediator;

namespace Cobranzas.Portal.Pagos;

/// <param name="DocumentoIds">The documents to pay; or <paramref name="DeudaVencida"/> for the whole overdue debt.</param>
public sealed record DatosPagoPortal(List<Guid>? DocumentoIds, bool? DeudaVencida);

/// <summary>
/// A payment link with the company's active provider for the chosen documents (or all the overdue debt); the client pays at
/// <c>url</c> and the payment shows in its statement once the provider confirms it.
/// </summary>
public sealed record PagarEnLineaPortal(DatosPagoPortal Cuerpo) : IRequest<EnlacePagoCliente>
{
    public static void Map(RutasPortal rutas) => rutas.Sesion.MapPost("/pagos", async Task<Ok<EnlacePagoCliente>> (DatosPagoPortal body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new PagarEnLineaPortal(body), ct)))
        .WithName("PagarEnLineaPortal").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class PagarEnLineaPortalValidator : AbstractValidator<PagarEnLineaPortal>
{
    public PagarEnLineaPortalValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x).Must(x => (x.DocumentoIds is { Count: > 0 }) != (x.DeudaVencida == true)).OverridePropertyName("documentoIds")
                .WithMessage("Elija documentos o toda la deuda vencida, no ambos.");
            c.RuleFor(x => x.DocumentoIds).Must(d => d is null || (d.Count <= 200 && d.All(i => i != Guid.Empty) && d.Distinct().Count() == d.Count))
                .WithMessage("documentoIds: a lo más 200 documentos distintos.");
        });
}

public sealed class PagarEnLineaPortalHandler(IMediator mediator, SesionActual sesion) : IRequestHandler<PagarEnLineaPortal, EnlacePagoCliente>
{
    public async ValueTask<EnlacePagoCliente> Handle(PagarEnLineaPortal request, CancellationToken cancellationToken) =>
        await mediator.Send(new CrearEnlacePagoCliente(sesion.ClienteId, request.Cuerpo.DocumentoIds, request.Cuerpo.DeudaVencida == true, sesion.Actor["portal:".Length..]), cancellationToken);
}

/// <summary>The client's recent payment links and their state (activo, pagado, expirado...).</summary>
public sealed record ListarPagosPortal : IRequest<IReadOnlyList<EnlacePagoCliente>>
{
    public static void Map(RutasPortal rutas) => rutas.Sesion.MapGet("/pagos", async Task<Ok<IReadOnlyList<EnlacePagoCliente>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarPagosPortal(), ct)))
        .WithName("ListarPagosPortal");
}

public sealed class ListarPagosPortalHandler(IMediator mediator, SesionActual sesion) : IRequestHandler<ListarPagosPortal, IReadOnlyList<EnlacePagoCliente>>
{
    public async ValueTask<IReadOnlyList<EnlacePagoCliente>> Handle(ListarPagosPortal request, CancellationToken cancellationToken) =>
        await mediator.Send(new EnlacesPagoCliente(sesion.ClienteId), cancellationToken);
}

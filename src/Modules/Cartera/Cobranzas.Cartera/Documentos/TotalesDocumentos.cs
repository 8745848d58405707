using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Documentos;

/// <summary>The documents of the filter (the whole filter, not one page) summed per currency.</summary>
public sealed record TotalMonedaDto(string Moneda, int Cantidad, decimal Total, decimal Saldo);

public sealed record TotalesDocumentosDto(int Cantidad, IReadOnlyList<TotalMonedaDto> PorMoneda);

/// <summary>The totals row of the documents list: one set-based aggregate over the list's own filters.</summary>
public sealed record TotalesDocumentos(ListarDocumentos Filtros) : IRequest<TotalesDocumentosDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/documentos/totales", async Task<Ok<TotalesDocumentosDto>> ([AsParameters] ListarDocumentos q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new TotalesDocumentos(q), ct)))
        .WithName("TotalesDocumentos").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class TotalesDocumentosValidator : FluentValidation.AbstractValidator<TotalesDocumentos>
{
    public TotalesDocumentosValidator() => RuleFor(x => x.Filtros).SetValidator(new ListarDocumentosValidator());
}

public sealed class TotalesDocumentosHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<TotalesDocumentos, TotalesDocumentosDto>
{
    public async ValueTask<TotalesDocumentosDto> Handle(TotalesDocumentos request, CancellationToken cancellationToken)
    {
        var q = await new ListarDocumentosHandler(db, mediator, contexto, reloj).FiltrarAsync(request.Filtros, FechaNegocio.Hoy(reloj), cancellationToken);
        var porMoneda = await q.GroupBy(d => d.Moneda)
            .Select(g => new TotalMonedaDto(g.Key, g.Count(), g.Sum(d => d.Total), g.Sum(d => d.Saldo)))
            .ToListAsync(cancellationToken);
        return new TotalesDocumentosDto(porMoneda.Sum(t => t.Cantidad), [.. porMoneda.OrderBy(t => t.Moneda == Monedas.Clp ? 0 : 1).ThenBy(t => t.Moneda)]);
    }
}

using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Contracts;
using FluentValidation;
using Mediator;

namespace Cobranzas.Cartera.Reportes;

/// <summary>
/// The filters every report and indicator offers (segment, collector, portfolio, client group). A request record
/// implements it with these four query parameters; the handler narrows its query to <see cref="FiltroReporteExtensiones.ClientesAsync"/>.
/// </summary>
public interface IFiltroReporte
{
    string? Segmento { get; }
    Guid? CobradorId { get; }
    Guid? CarteraId { get; }
    Guid? GrupoId { get; }
}

public static class FiltroReporteExtensiones
{
    /// <summary>The clients the filters leave (their intersection), or null when no filter is set: the whole company.</summary>
    public static async ValueTask<IReadOnlyCollection<Guid>?> ClientesAsync(this IFiltroReporte filtro, IMediator mediator, CancellationToken ct)
    {
        HashSet<Guid>? clientes = null;
        void Acotar(IEnumerable<Guid> ids)
        {
            if (clientes is null)
                clientes = [.. ids];
            else
                clientes.IntersectWith(ids);
        }

        if (filtro.Segmento is not null || filtro.GrupoId is not null)
            Acotar(await mediator.Send(new ClientesPorSegmentoYGrupo(filtro.Segmento, filtro.GrupoId), ct));
        if (filtro.CobradorId is { } cobrador)
            Acotar(await mediator.Send(new ClientesDeCobrador(cobrador), ct));
        if (filtro.CarteraId is { } cartera)
            Acotar(await mediator.Send(new ClientesDeCartera(cartera), ct));
        return clientes;
    }

    public static void ReglasFiltroReporte<T>(this AbstractValidator<T> validador) where T : IFiltroReporte
    {
        validador.RuleFor(x => x.Segmento).MaximumLength(50).WithName("segmento");
    }
}

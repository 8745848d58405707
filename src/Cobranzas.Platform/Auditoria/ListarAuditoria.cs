using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Platform.Auditoria;

public sealed record EntradaAuditoriaDto(
    Guid Id, DateTimeOffset Fecha, string Actor, string Entidad, string EntidadId, string Operacion, string? Antes, string? Despues);

public sealed record ListarAuditoria(string? Entidad, string? EntidadId, string? Actor, DateTimeOffset? Desde, DateTimeOffset? Hasta, int? Pagina, int? TamanoPagina)
    : IRequest<Pagina<EntradaAuditoriaDto>>
{
    public static void Map(RutasPlataforma rutas) => rutas.Auditoria.MapGet("/", async Task<Ok<Pagina<EntradaAuditoriaDto>>> ([AsParameters] ListarAuditoria q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarAuditoria").ProducesValidationProblem();
}

public sealed class ListarAuditoriaValidator : AbstractValidator<ListarAuditoria>
{
    public ListarAuditoriaValidator()
    {
        RuleFor(x => x.Entidad).MaximumLength(100);
        RuleFor(x => x.EntidadId).MaximumLength(100);
        RuleFor(x => x.Actor).MaximumLength(256);
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed class ListarAuditoriaHandler(PlataformaDbContext db, IContextoSolicitud contexto) : IRequestHandler<ListarAuditoria, Pagina<EntradaAuditoriaDto>>
{
    public async ValueTask<Pagina<EntradaAuditoriaDto>> Handle(ListarAuditoria request, CancellationToken cancellationToken)
    {
        var q = db.Auditoria.AsNoTracking().Where(a => a.EmpresaId == contexto.EmpresaId);
        if (!string.IsNullOrWhiteSpace(request.Entidad))
            q = q.Where(a => a.Entidad == request.Entidad);
        if (!string.IsNullOrWhiteSpace(request.EntidadId))
            q = q.Where(a => a.EntidadId == request.EntidadId);
        if (!string.IsNullOrWhiteSpace(request.Actor))
            q = q.Where(a => a.Actor.Contains(request.Actor));
        if (request.Desde is { } desde)
            q = q.Where(a => a.Fecha >= desde);
        if (request.Hasta is { } hasta)
            q = q.Where(a => a.Fecha <= hasta);

        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        var items = await q.OrderByDescending(a => a.Fecha).ThenByDescending(a => a.Id).Skip(saltar).Take(tomar)
            .Select(a => new EntradaAuditoriaDto(a.Id, a.Fecha, a.Actor, a.Entidad, a.EntidadId, a.Operacion, a.Antes, a.Despues))
            .ToListAsync(cancellationToken);
        return new Pagina<EntradaAuditoriaDto>(items, total, pagina, tamano);
    }
}

using Cobranzas.Integraciones.Contracts;
using Cobranzas.Integraciones.Persistencia;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Integraciones.EnlacesPago;

public sealed record ListarEnlacesPago(Guid? ClienteId, Guid? DocumentoId, string? Estado, int? Pagina, int? TamanoPagina) : IRequest<Pagina<EnlacePagoDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/integraciones/enlaces-pago",
            async Task<Ok<Pagina<EnlacePagoDto>>> ([AsParameters] ListarEnlacesPago q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarEnlacesPago").WithTags("EnlacesPago").ProducesValidationProblem();
}

public sealed class ListarEnlacesPagoValidator : AbstractValidator<ListarEnlacesPago>
{
    public ListarEnlacesPagoValidator()
    {
        RuleFor(x => x.Estado).Must(e => e is null || EstadosEnlace.Todos.Contains(e)).WithMessage($"Estado debe ser uno de: {string.Join(", ", EstadosEnlace.Todos)}.");
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed class ListarEnlacesPagoHandler(IntegracionesDbContext db, TimeProvider reloj) : IRequestHandler<ListarEnlacesPago, Pagina<EnlacePagoDto>>
{
    public async ValueTask<Pagina<EnlacePagoDto>> Handle(ListarEnlacesPago request, CancellationToken cancellationToken)
    {
        var ahora = reloj.GetUtcNow();
        var q = db.Set<EnlacePago>().AsNoTracking().Include(e => e.Documentos).AsQueryable();
        if (request.ClienteId is { } cliente)
            q = q.Where(e => e.ClienteId == cliente);
        if (request.DocumentoId is { } documento)
            q = q.Where(e => e.Documentos.Any(d => d.DocumentoId == documento));
        q = request.Estado switch
        {
            null => q,
            EstadosEnlace.Activo => q.Where(e => e.Estado == EstadosEnlace.Activo && e.Expira > ahora),
            EstadosEnlace.Expirado => q.Where(e => e.Estado == EstadosEnlace.Expirado || (e.Estado == EstadosEnlace.Activo && e.Expira <= ahora)),
            var estado => q.Where(e => e.Estado == estado),
        };
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        var enlaces = await q.OrderByDescending(e => e.Creado).ThenByDescending(e => e.Id).Skip(saltar).Take(tomar).ToListAsync(cancellationToken);
        foreach (var e in enlaces)
            ProyeccionEnlace.Vencer(e, ahora);
        return new Pagina<EnlacePagoDto>(enlaces.Select(ProyeccionEnlace.Dto).ToList(), total, pagina, tamano);
    }
}

public sealed record ObtenerEnlacePago(Guid Id) : IRequest<EnlacePagoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/integraciones/enlaces-pago/{id:guid}",
            async Task<Ok<EnlacePagoDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerEnlacePago(id), ct)))
        .WithName("ObtenerEnlacePago").WithTags("EnlacesPago").ProducesProblem(404);
}

public sealed class ObtenerEnlacePagoHandler(IntegracionesDbContext db, TimeProvider reloj) : IRequestHandler<ObtenerEnlacePago, EnlacePagoDto>
{
    public async ValueTask<EnlacePagoDto> Handle(ObtenerEnlacePago request, CancellationToken cancellationToken)
    {
        var e = await db.Set<EnlacePago>().AsNoTracking().Include(x => x.Documentos).SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken)
                ?? throw new NoEncontradoException("Enlace de pago", request.Id);
        ProyeccionEnlace.Vencer(e, reloj.GetUtcNow());
        return ProyeccionEnlace.Dto(e);
    }
}

public sealed record AnularEnlacePago(Guid Id) : IRequest<EnlacePagoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/integraciones/enlaces-pago/{id:guid}/anular",
            async Task<Ok<EnlacePagoDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new AnularEnlacePago(id), ct)))
        .WithName("AnularEnlacePago").WithTags("EnlacesPago").ProducesProblem(404).ProducesProblem(422);
}

/// <summary>
/// The link stops being offered (mails, client page) and a new one can be made for its documents. The charge at the provider is
/// not cancelled (not every provider can): a payment made on it anyway is still confirmed and registered.
/// </summary>
public sealed class AnularEnlacePagoHandler(IntegracionesDbContext db, TimeProvider reloj) : IRequestHandler<AnularEnlacePago, EnlacePagoDto>
{
    public async ValueTask<EnlacePagoDto> Handle(AnularEnlacePago request, CancellationToken cancellationToken)
    {
        var e = await db.Set<EnlacePago>().Include(x => x.Documentos).SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken)
                ?? throw new NoEncontradoException("Enlace de pago", request.Id);
        var ahora = reloj.GetUtcNow();
        ProyeccionEnlace.Vencer(e, ahora);
        if (e.Estado != EstadosEnlace.Activo)
            throw new ReglaNegocioException("id", "enlace_no_activo", $"El enlace está {e.Estado}; solo se anula un enlace activo.");
        e.Estado = EstadosEnlace.Anulado;
        e.Anulado = ahora;
        await db.SaveChangesAsync(cancellationToken);
        return ProyeccionEnlace.Dto(e);
    }
}

public sealed class EnlacesPagoActivosHandler(IntegracionesDbContext db, TimeProvider reloj) : IRequestHandler<EnlacesPagoActivos, IReadOnlyList<EnlacePagoActivo>>
{
    public async ValueTask<IReadOnlyList<EnlacePagoActivo>> Handle(EnlacesPagoActivos request, CancellationToken cancellationToken)
    {
        var ids = request.ClienteIds.ToList();
        var ahora = reloj.GetUtcNow();
        var enlaces = await db.Set<EnlacePago>().AsNoTracking().Include(e => e.Documentos)
            .Where(e => ids.Contains(e.ClienteId) && e.Estado == EstadosEnlace.Activo && e.Expira > ahora && e.Url != null)
            .OrderBy(e => e.ClienteId).ThenByDescending(e => e.Creado)
            .ToListAsync(cancellationToken);
        return enlaces.Select(e => new EnlacePagoActivo(e.Id, e.ClienteId, e.Proveedor, e.Url!, e.Monto, e.Moneda, e.Expira, e.Documentos.Select(d => d.DocumentoId).ToList())).ToList();
    }
}

using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Pagos;

public sealed record PagoResumenDto(
    Guid Id, ClienteRefDto Cliente, DateOnly Fecha, decimal Monto, string Moneda, string Canal, string? Referencia, decimal Aplicado, decimal SaldoAFavor,
    decimal RecuperoCastigo);

public sealed record ListarPagos(Guid? ClienteId, DateOnly? Desde, DateOnly? Hasta, string? Canal, bool? ConSaldoAFavor, string? Orden, int? Pagina, int? TamanoPagina)
    : IRequest<Pagina<PagoResumenDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/pagos", async Task<Ok<Pagina<PagoResumenDto>>> ([AsParameters] ListarPagos q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarPagos").WithTags("Pagos").ProducesValidationProblem();
}

public sealed class ListarPagosValidator : AbstractValidator<ListarPagos>
{
    public static readonly string[] Ordenes = ["fecha", "-fecha", "monto", "-monto"];

    public ListarPagosValidator()
    {
        RuleFor(x => x.Canal).Must(c => c is null || Canales.Todos.Contains(c)).WithMessage($"Canal debe ser uno de: {string.Join(", ", Canales.Todos)}.");
        RuleFor(x => x.Hasta).Must((x, h) => h is null || x.Desde is null || h >= x.Desde).WithMessage("hasta no puede ser anterior a desde.");
        RuleFor(x => x.Orden).Must(o => o is null || Ordenes.Contains(o)).WithMessage($"Orden debe ser uno de: {string.Join(", ", Ordenes)}.");
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed class ListarPagosHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<ListarPagos, Pagina<PagoResumenDto>>
{
    public async ValueTask<Pagina<PagoResumenDto>> Handle(ListarPagos request, CancellationToken cancellationToken)
    {
        var q = db.Pagos.AsNoTracking();
        if (request.ClienteId is { } cliente)
            q = q.Where(p => p.ClienteId == cliente);
        if (request.Desde is { } desde)
            q = q.Where(p => p.Fecha >= desde);
        if (request.Hasta is { } hasta)
            q = q.Where(p => p.Fecha <= hasta);
        if (request.Canal is not null)
            q = q.Where(p => p.Canal == request.Canal);
        if (request.ConSaldoAFavor is { } conSaldo)
            q = conSaldo ? q.Where(p => p.Saldo > 0 && (p.EstadoCheque == null || p.EstadoCheque == Cheques.Cobrado)) : q.Where(p => p.Saldo == 0 || (p.EstadoCheque != null && p.EstadoCheque != Cheques.Cobrado));

        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        q = request.Orden switch
        {
            "fecha" => q.OrderBy(p => p.Fecha).ThenBy(p => p.Id),
            "monto" => q.OrderBy(p => p.Monto).ThenBy(p => p.Id),
            "-monto" => q.OrderByDescending(p => p.Monto).ThenBy(p => p.Id),
            _ => q.OrderByDescending(p => p.Fecha).ThenByDescending(p => p.Id),
        };
        var pagos = await q.Skip(saltar).Take(tomar).ToListAsync(cancellationToken);
        var clientes = await ResolucionCliente.PorIdAsync(mediator, pagos.Select(p => p.ClienteId), cancellationToken);
        var ids = pagos.Select(p => p.Id).ToList();
        var recuperado = await db.Set<Castigos.RecuperoCastigo>().Where(r => r.PagoId != null && ids.Contains(r.PagoId.Value) && r.FechaReversa == null)
            .GroupBy(r => r.PagoId!.Value).Select(g => new { g.Key, Monto = g.Sum(r => r.Monto) }).ToDictionaryAsync(x => x.Key, x => x.Monto, cancellationToken);
        var items = pagos.Select(p => new PagoResumenDto(
            p.Id, ProyeccionDocumento.Cliente(p.ClienteId, clientes), p.Fecha, p.Monto, p.Moneda, p.Canal, p.Referencia, p.Monto - p.Saldo - recuperado.GetValueOrDefault(p.Id),
            Cheques.Disponible(p) ? p.Saldo : 0, recuperado.GetValueOrDefault(p.Id))).ToList();
        return new Pagina<PagoResumenDto>(items, total, pagina, tamano);
    }
}

public sealed record ObtenerPago(Guid Id) : IRequest<PagoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/pagos/{id:guid}", async Task<Ok<PagoDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerPago(id), ct)))
        .WithName("ObtenerPago").WithTags("Pagos").ProducesProblem(404);
}

public sealed class ObtenerPagoHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<ObtenerPago, PagoDto>
{
    public async ValueTask<PagoDto> Handle(ObtenerPago request, CancellationToken cancellationToken) =>
        await ProyeccionPago.CargarAsync(db, mediator, request.Id, cancellationToken);
}

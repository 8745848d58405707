using Cobranzas.Cartera.Credito;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Compensaciones;

public sealed record DatosCompensacion(Guid NotaCreditoId, string Aplicacion, IReadOnlyList<DatosLineaAplicacion>? Aplicaciones, string Motivo);

public sealed record LineaCompensacionDto(Guid AplicacionId, Guid DocumentoId, string Tipo, long Folio, int Cuota, decimal Monto, bool Activa);

public sealed record CompensacionDto(
    Guid Id, ClienteRefDto Cliente, DocumentoRefDto NotaCredito, DateOnly Fecha, decimal Monto, string Moneda, string Motivo, string Actor,
    bool Vigente, DateOnly? FechaReversa, string? MotivoReversa, IReadOnlyList<LineaCompensacionDto> Lineas);

/// <summary>
/// Compensation: the unapplied balance of a client's credit note is set off against that client's
/// debit documents (oldest first in the company's order, or the chosen lines) as one act that is
/// reversed as a whole. Each line is an application of the credit note.
/// </summary>
public sealed record CrearCompensacion(DatosCompensacion Cuerpo) : IRequest<CompensacionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/compensaciones", async Task<Created<CompensacionDto>> (DatosCompensacion body, IMediator m, CancellationToken ct) =>
        {
            var c = await m.Send(new CrearCompensacion(body), ct);
            return TypedResults.Created($"/api/v1/compensaciones/{c.Id}", c);
        })
        .WithName("CrearCompensacion").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class CrearCompensacionValidator : AbstractValidator<CrearCompensacion>
{
    public CrearCompensacionValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.NotaCreditoId).NotEmpty();
            c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosCartera.Motivo);
            c.Include(new ReglasAplicacion<DatosCompensacion>(x => x.Aplicacion, x => x.Aplicaciones, _ => null));
        });
}

public sealed class CrearCompensacionHandler(CarteraDbContext db, IMediator mediator, Aplicador aplicador, ControlCredito control, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CrearCompensacion, CompensacionDto>
{
    public async ValueTask<CompensacionDto> Handle(CrearCompensacion request, CancellationToken cancellationToken)
    {
        var datos = request.Cuerpo;
        var clienteId = await db.Documentos.Where(d => d.Id == datos.NotaCreditoId).Select(d => (Guid?)d.ClienteId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ReglaNegocioException("notaCreditoId", "documento_inexistente", "La nota de crédito no existe.");
        await using var tx = await BloqueoCliente.TomarAsync(db, [clienteId], cancellationToken);
        var nota = await db.Documentos.SingleAsync(d => d.Id == datos.NotaCreditoId, cancellationToken);
        if (!TiposDocumento.EsCredito(nota.Tipo))
            throw new ReglaNegocioException("notaCreditoId", "no_es_nota_credito", "Solo se compensa el saldo de una nota de crédito.");
        if (nota.FechaAnulacion is not null)
            throw new ReglaNegocioException("notaCreditoId", "documento_anulado", "La nota de crédito está anulada.");
        if (nota.Saldo == 0)
            throw new ReglaNegocioException("notaCreditoId", "sin_saldo_a_favor", "La nota de crédito no tiene saldo por compensar.");
        var hoy = FechaNegocio.Hoy(reloj);
        var lineas = await AplicacionPago.PlanificarAsync(aplicador, nota.ClienteId, nota.Moneda, nota.Saldo, hoy, datos.Aplicacion, datos.Aplicaciones, cancellationToken);
        if (lineas.Count == 0)
            throw new ReglaNegocioException("aplicacion", "sin_documentos", "El cliente no tiene documentos pendientes en la moneda de la nota de crédito.");

        var ahora = reloj.GetUtcNow();
        var compensacion = new Compensacion
        {
            ClienteId = nota.ClienteId, NotaCreditoId = nota.Id, Fecha = hoy, Monto = lineas.Sum(l => l.Monto), Motivo = datos.Motivo.Trim(),
            Actor = contexto.Actor, Creado = ahora,
        };
        db.Compensaciones.Add(compensacion);
        foreach (var l in lineas)
            db.Aplicaciones.Add(new Aplicacion
            {
                DocumentoId = l.DocumentoId, Cuota = l.Cuota, ClienteId = nota.ClienteId, Moneda = nota.Moneda, NotaCreditoId = nota.Id, CompensacionId = compensacion.Id,
                Monto = l.Monto, Fecha = hoy, Actor = contexto.Actor, Creado = ahora,
            });
        nota.Saldo -= compensacion.Monto;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await control.AplicarAsync([nota.ClienteId], cancellationToken);
        await aviso.PublicarAsync([nota.ClienteId], cancellationToken);
        return await ProyeccionCompensacion.CargarAsync(db, mediator, compensacion.Id, cancellationToken);
    }
}

/// <param name="Fecha">The day the compensation stops counting (default today): not before the compensation's date nor after today.</param>
public sealed record DatosReversaCompensacion(string Motivo, DateOnly? Fecha = null);

/// <summary>Reverses every line still active: the documents owe it again and the credit note gets its balance back.</summary>
public sealed record ReversarCompensacion(Guid Id, DatosReversaCompensacion Cuerpo) : IRequest<CompensacionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/compensaciones/{id:guid}/reversar", async Task<Ok<CompensacionDto>> (Guid id, DatosReversaCompensacion body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ReversarCompensacion(id, body), ct)))
        .WithName("ReversarCompensacion").WithTags("Pagos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class ReversarCompensacionValidator : AbstractValidator<ReversarCompensacion>
{
    public ReversarCompensacionValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosCartera.Motivo));
}

public sealed class ReversarCompensacionHandler(CarteraDbContext db, IMediator mediator, ControlCredito control, AvisoPagos aviso, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ReversarCompensacion, CompensacionDto>
{
    public async ValueTask<CompensacionDto> Handle(ReversarCompensacion request, CancellationToken cancellationToken)
    {
        var clienteId = await db.Compensaciones.Where(c => c.Id == request.Id).Select(c => (Guid?)c.ClienteId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NoEncontradoException("Compensación", request.Id);
        await using var tx = await BloqueoCliente.TomarAsync(db, [clienteId], cancellationToken);
        var compensacion = await db.Compensaciones.SingleAsync(c => c.Id == request.Id, cancellationToken);
        if (compensacion.FechaReversa is not null)
            throw new ReglaNegocioException("id", "ya_reversada", "La compensación ya fue reversada.");

        var fecha = Aplicador.FechaReversa(request.Cuerpo.Fecha, compensacion.Fecha, reloj);
        var motivo = request.Cuerpo.Motivo.Trim();
        var activas = await db.Aplicaciones.Where(a => a.CompensacionId == compensacion.Id && a.FechaReversa == null).ToListAsync(cancellationToken);
        var ids = activas.Select(a => a.DocumentoId).Distinct().ToList();
        var documentos = await db.Documentos.Include(d => d.Cuotas).Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
        var nota = await db.Documentos.SingleAsync(d => d.Id == compensacion.NotaCreditoId, cancellationToken);
        foreach (var a in activas)
        {
            Aplicador.Reversar(a, documentos[a.DocumentoId], fecha, motivo, contexto.Actor);
            nota.Saldo += a.Monto;
        }

        compensacion.FechaReversa = fecha;
        compensacion.MotivoReversa = motivo;
        compensacion.ReversadaPor = contexto.Actor;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await control.AplicarAsync([compensacion.ClienteId], cancellationToken);
        await aviso.PublicarAsync([compensacion.ClienteId], cancellationToken);
        return await ProyeccionCompensacion.CargarAsync(db, mediator, compensacion.Id, cancellationToken);
    }
}

public sealed record ObtenerCompensacion(Guid Id) : IRequest<CompensacionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/compensaciones/{id:guid}", async Task<Ok<CompensacionDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerCompensacion(id), ct)))
        .WithName("ObtenerCompensacion").WithTags("Pagos").ProducesProblem(404);
}

public sealed class ObtenerCompensacionHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<ObtenerCompensacion, CompensacionDto>
{
    public async ValueTask<CompensacionDto> Handle(ObtenerCompensacion request, CancellationToken cancellationToken) =>
        await ProyeccionCompensacion.CargarAsync(db, mediator, request.Id, cancellationToken);
}

public sealed record ListarCompensaciones(Guid? ClienteId, int? Pagina, int? TamanoPagina) : IRequest<Pagina<CompensacionDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/compensaciones", async Task<Ok<Pagina<CompensacionDto>>> ([AsParameters] ListarCompensaciones q, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarCompensaciones").WithTags("Pagos").ProducesValidationProblem();
}

public sealed class ListarCompensacionesValidator : AbstractValidator<ListarCompensaciones>
{
    public ListarCompensacionesValidator()
    {
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed class ListarCompensacionesHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<ListarCompensaciones, Pagina<CompensacionDto>>
{
    public async ValueTask<Pagina<CompensacionDto>> Handle(ListarCompensaciones request, CancellationToken cancellationToken)
    {
        var q = db.Compensaciones.AsNoTracking();
        if (request.ClienteId is { } cliente)
            q = q.Where(c => c.ClienteId == cliente);
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        var ids = await q.OrderByDescending(c => c.Fecha).ThenByDescending(c => c.Id).Skip(saltar).Take(tomar).Select(c => c.Id).ToListAsync(cancellationToken);
        return new Pagina<CompensacionDto>(await ProyeccionCompensacion.CargarAsync(db, mediator, ids, cancellationToken), total, pagina, tamano);
    }
}

public static class ProyeccionCompensacion
{
    public static async Task<CompensacionDto> CargarAsync(CarteraDbContext db, IMediator mediator, Guid id, CancellationToken ct) =>
        (await CargarAsync(db, mediator, [id], ct)).SingleOrDefault() ?? throw new NoEncontradoException("Compensación", id);

    /// <summary>The compensations in the order of <paramref name="ids"/>, in three queries whatever their number.</summary>
    public static async Task<List<CompensacionDto>> CargarAsync(CarteraDbContext db, IMediator mediator, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var compensaciones = await db.Compensaciones.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var notasIds = compensaciones.Values.Select(c => c.NotaCreditoId).Distinct().ToList();
        var notas = await db.Documentos.AsNoTracking().Where(d => notasIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => new { Ref = new DocumentoRefDto(d.Id, d.Tipo, d.Folio), d.Moneda }, ct);
        var lineas = (await (
                from a in db.Aplicaciones.AsNoTracking()
                join d in db.Documentos.AsNoTracking() on a.DocumentoId equals d.Id
                where a.CompensacionId != null && ids.Contains(a.CompensacionId.Value)
                orderby d.FechaVencimiento, d.Folio, a.Cuota
                select new { Compensacion = a.CompensacionId!.Value, Linea = new LineaCompensacionDto(a.Id, a.DocumentoId, d.Tipo, d.Folio, a.Cuota, a.Monto, a.FechaReversa == null) })
            .ToListAsync(ct)).ToLookup(x => x.Compensacion, x => x.Linea);
        var clientes = await ResolucionCliente.PorIdAsync(mediator, compensaciones.Values.Select(c => c.ClienteId), ct);
        return ids.Where(compensaciones.ContainsKey).Select(id =>
        {
            var c = compensaciones[id];
            var nota = notas[c.NotaCreditoId];
            return new CompensacionDto(
                c.Id, ProyeccionDocumento.Cliente(c.ClienteId, clientes), nota.Ref, c.Fecha, c.Monto, nota.Moneda, c.Motivo, c.Actor,
                c.FechaReversa is null, c.FechaReversa, c.MotivoReversa, lineas[id].ToList());
        }).ToList();
    }
}

using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cobranzas.Cartera.Factoring;

public sealed record CobroPorTransferirDto(
    Guid AplicacionId, Guid PagoId, Guid DocumentoId, Guid FactorId, Guid ClienteId, string RazonSocial, string Tipo, long Folio, DateOnly Fecha, string Moneda, decimal Monto);

/// <summary>
/// Money the company collected for a factor under administración delegada and has not passed on yet: the payment applications
/// on the ceded document between its cession and its buy-back, not reversed and in no transfer. A buy-back does not erase what
/// was collected while the document was the factor's.
/// </summary>
public static class CobrosDelegados
{
    public sealed record Fila(Guid AplicacionId, Guid PagoId, Guid DocumentoId, Guid FactorId, Guid ClienteId, string Tipo, long Folio, DateOnly Fecha, string Moneda, decimal Monto);

    public static Task<List<Fila>> PendientesAsync(CarteraDbContext db, Guid? factorId, CancellationToken ct) =>
        (from a in db.Aplicaciones.AsNoTracking()
         join d in db.Documentos on a.DocumentoId equals d.Id
         where a.PagoId != null && a.FechaReversa == null && d.AdministracionDelegada && d.FactorId != null && d.FechaCesion != null
               && a.Fecha >= d.FechaCesion && (d.FechaRecompra == null || a.Fecha < d.FechaRecompra)
               && (factorId == null || d.FactorId == factorId)
               && !db.Set<TransferenciaFactorLinea>().Any(l => l.AplicacionId == a.Id)
         orderby a.Fecha, a.Id
         select new Fila(a.Id, a.PagoId!.Value, d.Id, d.FactorId!.Value, d.ClienteId, d.Tipo, d.Folio, a.Fecha, d.Moneda, a.Monto))
        .ToListAsync(ct);

    /// <summary>Money already passed to the factor is out of the company's hands: its application is no longer reversed here.</summary>
    public static async Task RechazarSiTransferidaAsync(CarteraDbContext db, IEnumerable<Guid> aplicacionIds, CancellationToken ct)
    {
        var ids = aplicacionIds.ToList();
        if (await db.Set<TransferenciaFactorLinea>().AnyAsync(l => ids.Contains(l.AplicacionId), ct))
            throw new ReglaNegocioException("id", "transferida_al_factor", "El cobro ya se transfirió al factor; no se reversa.");
    }
}

public sealed record ListarPorTransferir(Guid? FactorId) : IRequest<IReadOnlyList<CobroPorTransferirDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/factoring/administracion-delegada/pendientes",
            async Task<Ok<IReadOnlyList<CobroPorTransferirDto>>> (Guid? factorId, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListarPorTransferir(factorId), ct)))
        .WithName("ListarPorTransferirFactor").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class ListarPorTransferirValidator : AbstractValidator<ListarPorTransferir>
{
    public ListarPorTransferirValidator() => RuleFor(x => x.FactorId).NotEqual(Guid.Empty).WithMessage("factorId no puede ser vacío.");
}

public sealed class ListarPorTransferirHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<ListarPorTransferir, IReadOnlyList<CobroPorTransferirDto>>
{
    public async ValueTask<IReadOnlyList<CobroPorTransferirDto>> Handle(ListarPorTransferir request, CancellationToken cancellationToken)
    {
        if (request.FactorId is { } id && !await db.Set<Factor>().AnyAsync(f => f.Id == id, cancellationToken))
            throw new NoEncontradoException("Factor", id);
        var filas = await CobrosDelegados.PendientesAsync(db, request.FactorId, cancellationToken);
        var clientes = await ResolucionCliente.PorIdAsync(mediator, filas.Select(f => f.ClienteId), cancellationToken);
        return filas.Select(f => new CobroPorTransferirDto(f.AplicacionId, f.PagoId, f.DocumentoId, f.FactorId, f.ClienteId,
            clientes.TryGetValue(f.ClienteId, out var c) ? c.RazonSocial : "", f.Tipo, f.Folio, f.Fecha, f.Moneda, f.Monto)).ToList();
    }
}

public sealed record LineaTransferenciaDto(Guid AplicacionId, Guid DocumentoId, decimal Monto);

public sealed record TransferenciaFactorDto(
    Guid Id, Guid FactorId, string Factor, DateOnly Fecha, string Moneda, decimal Monto, string? Referencia, string Actor, IReadOnlyList<LineaTransferenciaDto> Lineas);

public sealed record DatosTransferencia(Guid FactorId, DateOnly Fecha, string Moneda, string? Referencia);

/// <summary>Passes to the factor everything collected for it in one currency and not yet transferred, as one transfer.</summary>
public sealed record RegistrarTransferencia(DatosTransferencia Cuerpo) : IRequest<TransferenciaFactorDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/factoring/transferencias", async Task<Created<TransferenciaFactorDto>> (DatosTransferencia body, IMediator m, CancellationToken ct) =>
        {
            var t = await m.Send(new RegistrarTransferencia(body), ct);
            return TypedResults.Created($"/api/v1/factoring/transferencias/{t.Id}", t);
        })
        .WithName("RegistrarTransferenciaFactor").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class RegistrarTransferenciaValidator : AbstractValidator<RegistrarTransferencia>
{
    public RegistrarTransferenciaValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.FactorId).NotEmpty();
        c.RuleFor(x => x.Fecha).NotEmpty();
        c.RuleFor(x => x.Moneda).NotEmpty().Must(m => Monedas.Todas.Contains(m)).WithErrorCode("moneda_invalida")
            .WithMessage($"Moneda debe ser una de: {string.Join(", ", Monedas.Todas)}.");
        c.RuleFor(x => x.Referencia).MaximumLength(LargosCartera.Referencia);
    });
}

public sealed class RegistrarTransferenciaHandler(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<RegistrarTransferencia, TransferenciaFactorDto>
{
    public async ValueTask<TransferenciaFactorDto> Handle(RegistrarTransferencia request, CancellationToken cancellationToken)
    {
        var c = request.Cuerpo;
        var factor = await db.Set<Factor>().SingleOrDefaultAsync(f => f.Id == c.FactorId, cancellationToken) ?? throw new NoEncontradoException("Factor", c.FactorId);
        // Two transfers at once would both read the same collections as pending: the factor's row lock makes the second one read
        // after the first commits, so it finds nothing left to pass and says so.
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM cartera.factores WHERE id = @id FOR UPDATE", [new NpgsqlParameter("id", factor.Id)], cancellationToken);
        var pendientes = (await CobrosDelegados.PendientesAsync(db, factor.Id, cancellationToken)).Where(p => p.Moneda == c.Moneda).ToList();
        if (pendientes.Count == 0)
            throw new ReglaNegocioException("factorId", "sin_pendientes", $"No hay cobros en {c.Moneda} por transferir a {factor.Nombre}.");
        var hoy = FechaNegocio.Hoy(reloj);
        var ultimo = pendientes.Max(p => p.Fecha);
        if (c.Fecha < ultimo || c.Fecha > hoy)
            throw new ReglaNegocioException("fecha", "fecha_invalida", $"La fecha de la transferencia debe estar entre el último cobro ({ultimo:dd-MM-yyyy}) y hoy.");

        var transferencia = new TransferenciaFactor
        {
            FactorId = factor.Id, Fecha = c.Fecha, Moneda = c.Moneda, Monto = pendientes.Sum(p => p.Monto),
            Referencia = string.IsNullOrWhiteSpace(c.Referencia) ? null : c.Referencia.Trim(), Actor = contexto.Actor, Creado = reloj.GetUtcNow(),
        };
        transferencia.Lineas.AddRange(pendientes.Select(p => new TransferenciaFactorLinea { TransferenciaId = transferencia.Id, AplicacionId = p.AplicacionId, DocumentoId = p.DocumentoId, Monto = p.Monto }));
        db.Add(transferencia);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return TransferenciasFactor.Dto(transferencia, factor.Nombre);
    }
}

public sealed record ListarTransferencias(Guid? FactorId) : IRequest<IReadOnlyList<TransferenciaFactorDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/factoring/transferencias", async Task<Ok<IReadOnlyList<TransferenciaFactorDto>>> (Guid? factorId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarTransferencias(factorId), ct)))
        .WithName("ListarTransferenciasFactor").ProducesValidationProblem();
}

public sealed class ListarTransferenciasValidator : AbstractValidator<ListarTransferencias>
{
    public ListarTransferenciasValidator() => RuleFor(x => x.FactorId).NotEqual(Guid.Empty).WithMessage("factorId no puede ser vacío.");
}

public sealed class ListarTransferenciasHandler(CarteraDbContext db) : IRequestHandler<ListarTransferencias, IReadOnlyList<TransferenciaFactorDto>>
{
    public async ValueTask<IReadOnlyList<TransferenciaFactorDto>> Handle(ListarTransferencias request, CancellationToken cancellationToken)
    {
        var q = db.Set<TransferenciaFactor>().AsNoTracking().Include(t => t.Lineas).AsQueryable();
        if (request.FactorId is { } id)
            q = q.Where(t => t.FactorId == id);
        var transferencias = await q.OrderByDescending(t => t.Fecha).ThenByDescending(t => t.Id).Take(500).ToListAsync(cancellationToken);
        var nombres = await db.Set<Factor>().AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Nombre, cancellationToken);
        return transferencias.Select(t => TransferenciasFactor.Dto(t, nombres.GetValueOrDefault(t.FactorId, ""))).ToList();
    }
}

public static class TransferenciasFactor
{
    public static TransferenciaFactorDto Dto(TransferenciaFactor t, string factor) =>
        new(t.Id, t.FactorId, factor, t.Fecha, t.Moneda, t.Monto, t.Referencia, t.Actor,
            t.Lineas.OrderBy(l => l.AplicacionId).Select(l => new LineaTransferenciaDto(l.AplicacionId, l.DocumentoId, l.Monto)).ToList());
}

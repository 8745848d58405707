using System.ComponentModel;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Convenios;

public sealed record ConvenioDocumentoDto(Guid DocumentoId, string Tipo, long Folio, DateOnly FechaVencimiento, decimal Saldo, decimal Interes, decimal Condonacion, decimal Quita,
    decimal? Repuesto);

public sealed record ConvenioCuotaDto(int Numero, DateOnly FechaVencimiento, decimal Capital, decimal Interes, decimal Monto, decimal Saldo,
    [property: Description("pendiente, pagada, vencida o sin documento (antes de la firma).")] string Estado, int DiasMora);

public sealed record ConvenioDto(
    Guid Id, long Numero, Guid ClienteId, string? RazonSocial, string Tipo, string Estado, DateOnly Fecha, string Moneda,
    decimal SaldoDocumentos, decimal InteresMora,
    [property: Description("Porcentaje del interés de mora condonado; no es un monto.")] decimal PorcentajeCondonacion,
    decimal MontoCondonacion, decimal MontoQuita, decimal MontoConvenido, decimal InteresFinanciamiento, decimal TotalCuotas,
    int NumeroCuotas, DateOnly PrimeraFecha, string Frecuencia,
    [property: Description("Tasa mensual del financiamiento (porcentaje); no es un monto.")] decimal TasaMensual,
    string? Detalle, string? Notas, Guid? SolicitudPortalId,
    string? EstadoAprobacion, string? DecididoPor, DateTimeOffset? FechaDecision, string? ComentarioDecision,
    Guid? DocumentoId, decimal? SaldoPendiente, DateOnly? FechaFirma, string? FirmadoPor, DateOnly? FechaTermino, string? MotivoTermino, decimal? MontoRepuesto,
    string CreadoPor, DateTimeOffset Creado,
    IReadOnlyList<ConvenioDocumentoDto> Documentos, IReadOnlyList<ConvenioCuotaDto> Cuotas,
    [property: Description("La aprobación por niveles en UF (Clientes): nivel, rol requerido, aprobaciones y decisiones; null si no se pidió.")] EstadoAprobacionDto? Aprobacion,
    [property: Description("interno (creado por el equipo) o portal (pedido por el deudor en su portal).")] string Origen);

public static class ProyeccionConvenio
{
    public static async Task<ConvenioDto> DeAsync(CarteraDbContext db, IMediator mediator, TimeProvider reloj, Convenio c, CancellationToken ct)
    {
        var cliente = (await mediator.Send(new BuscarClientes([c.ClienteId], []), ct)).FirstOrDefault();
        var cuotasDoc = c.DocumentoId is { } docId
            ? await db.Cuotas.AsNoTracking().Where(x => x.DocumentoId == docId).ToDictionaryAsync(x => x.Numero, ct)
            : [];
        var hoy = FechaNegocio.Hoy(reloj);
        var cuotas = c.Cuotas.OrderBy(x => x.Numero).Select(x =>
        {
            if (!cuotasDoc.TryGetValue(x.Numero, out var k))
                return new ConvenioCuotaDto(x.Numero, x.FechaVencimiento, x.Capital, x.Interes, x.Monto, x.Monto, "sin_documento", 0);
            var estado = k.Saldo == 0 ? "pagada" : k.FechaVencimiento < hoy ? "vencida" : "pendiente";
            return new ConvenioCuotaDto(x.Numero, x.FechaVencimiento, x.Capital, x.Interes, x.Monto, k.Saldo, estado,
                k.Saldo > 0 && k.FechaVencimiento < hoy ? hoy.DayNumber - k.FechaVencimiento.DayNumber : 0);
        }).ToList();
        decimal? pendiente = c.DocumentoId is null ? null : cuotasDoc.Values.Sum(x => x.Saldo);
        var aprobacion = c.EstadoAprobacion is null ? null : await mediator.Send(new ObtenerAprobacion(TiposAprobacion.Convenio, c.Id), ct);
        return new ConvenioDto(c.Id, c.Numero, c.ClienteId, cliente?.RazonSocial, c.Tipo, c.Estado, c.Fecha, c.Moneda, c.SaldoDocumentos, c.InteresMora, c.PorcentajeCondonacion,
            c.MontoCondonacion, c.MontoQuita, c.MontoConvenido, c.InteresFinanciamiento, c.TotalCuotas, c.NumeroCuotas, c.PrimeraFecha, c.Frecuencia, c.TasaMensual,
            c.Detalle, c.Notas, c.SolicitudPortalId, c.EstadoAprobacion, c.DecididoPor, c.FechaDecision, c.ComentarioDecision,
            c.DocumentoId, pendiente, c.FechaFirma, c.FirmadoPor, c.FechaTermino, c.MotivoTermino, c.MontoRepuesto, c.CreadoPor, c.Creado,
            c.Documentos.Select(x => new ConvenioDocumentoDto(x.DocumentoId, x.Tipo, x.Folio, x.FechaVencimiento, x.Saldo, x.Interes, x.Condonacion, x.Quita, x.Repuesto)).ToList(),
            cuotas, aprobacion, OrigenesConvenio.De(c.SolicitudPortalId));
    }

    public static async Task<Convenio> CargarAsync(CarteraDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<Convenio>().Include(c => c.Documentos).Include(c => c.Cuotas).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NoEncontradoException("Convenio", id);
}

public sealed record ObtenerConvenio(Guid Id) : IRequest<ConvenioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/convenios/{id:guid}", async Task<Ok<ConvenioDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerConvenio(id), ct)))
        .WithName("ObtenerConvenio").WithTags("Convenios").ProducesProblem(404);
}

public sealed class ObtenerConvenioHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<ObtenerConvenio, ConvenioDto>
{
    public async ValueTask<ConvenioDto> Handle(ObtenerConvenio request, CancellationToken cancellationToken) =>
        await ProyeccionConvenio.DeAsync(db, mediator, reloj, await ProyeccionConvenio.CargarAsync(db, request.Id, cancellationToken), cancellationToken);
}

public sealed record ConvenioResumenDto(
    Guid Id, long Numero, Guid ClienteId, string? RazonSocial, string Tipo, string Estado, DateOnly Fecha, decimal MontoConvenido, decimal TotalCuotas, int NumeroCuotas,
    DateOnly PrimeraFecha, decimal? SaldoPendiente, DateOnly? FechaFirma, DateOnly? FechaTermino,
    [property: Description("interno (creado por el equipo) o portal (pedido por el deudor en su portal).")] string Origen);

public sealed record ListarConvenios(Guid? ClienteId, string? Estado) : IRequest<IReadOnlyList<ConvenioResumenDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/convenios", async Task<Ok<IReadOnlyList<ConvenioResumenDto>>> ([AsParameters] ListarConvenios q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarConvenios").WithTags("Convenios").ProducesValidationProblem();
}

public sealed class ListarConveniosValidator : AbstractValidator<ListarConvenios>
{
    public ListarConveniosValidator() =>
        RuleFor(x => x.Estado).Must(e => e is null || EstadosConvenio.Todos.Contains(e)).WithMessage($"estado debe ser uno de: {string.Join(", ", EstadosConvenio.Todos)}.");
}

public sealed class ListarConveniosHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<ListarConvenios, IReadOnlyList<ConvenioResumenDto>>
{
    public async ValueTask<IReadOnlyList<ConvenioResumenDto>> Handle(ListarConvenios request, CancellationToken cancellationToken)
    {
        var q = db.Set<Convenio>().AsNoTracking();
        if (request.ClienteId is { } cliente)
            q = q.Where(c => c.ClienteId == cliente);
        if (request.Estado is { } estado)
            q = q.Where(c => c.Estado == estado);
        var filas = await q.OrderByDescending(c => c.Numero).Take(500)
            .Select(c => new
            {
                c.Id, c.Numero, c.ClienteId, c.Tipo, c.Estado, c.Fecha, c.MontoConvenido, c.TotalCuotas, c.NumeroCuotas, c.PrimeraFecha, c.FechaFirma, c.FechaTermino,
                c.SolicitudPortalId,
                Pendiente = c.DocumentoId == null ? null : db.Documentos.Where(d => d.Id == c.DocumentoId).Select(d => (decimal?)d.Saldo).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var clientes = (await mediator.Send(new BuscarClientes(filas.Select(f => f.ClienteId).Distinct().ToList(), []), cancellationToken)).ToDictionary(c => c.Id, c => c.RazonSocial);
        return filas.Select(f => new ConvenioResumenDto(f.Id, f.Numero, f.ClienteId, clientes.GetValueOrDefault(f.ClienteId), f.Tipo, f.Estado, f.Fecha, f.MontoConvenido,
            f.TotalCuotas, f.NumeroCuotas, f.PrimeraFecha, f.Pendiente, f.FechaFirma, f.FechaTermino, OrigenesConvenio.De(f.SolicitudPortalId))).ToList();
    }
}

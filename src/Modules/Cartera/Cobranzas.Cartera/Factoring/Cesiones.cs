using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Factoring;

public sealed record NotificacionCesionDto(DateOnly Fecha, string? Medio, string? Evidencia);

public sealed record CesionDocumentoDto(
    Guid DocumentoId, Guid ClienteId, string RazonSocial, string Tipo, long Folio, DateOnly FechaVencimiento, string Moneda, decimal Total, decimal Saldo,
    Guid? FactorId, string Factor, string FactorRut, DateOnly FechaCesion, NotificacionCesionDto? Notificacion, bool ResponsabilidadSolidaria,
    bool AdministracionDelegada, decimal PorTransferir);

/// <summary>Documents ceded today (not bought back), of one factor or all.</summary>
public sealed record ListarCesiones(Guid? FactorId) : IRequest<IReadOnlyList<CesionDocumentoDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/factoring/cesiones", async Task<Ok<IReadOnlyList<CesionDocumentoDto>>> (Guid? factorId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarCesiones(factorId), ct)))
        .WithName("ListarCesiones").ProducesValidationProblem();
}

public sealed class ListarCesionesValidator : AbstractValidator<ListarCesiones>
{
    public ListarCesionesValidator() => RuleFor(x => x.FactorId).NotEqual(Guid.Empty).WithMessage("factorId no puede ser vacío.");
}

public sealed class ListarCesionesHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<ListarCesiones, IReadOnlyList<CesionDocumentoDto>>
{
    public const int Limite = 1000;

    public async ValueTask<IReadOnlyList<CesionDocumentoDto>> Handle(ListarCesiones request, CancellationToken cancellationToken)
    {
        var q = db.Documentos.AsNoTracking().Where(ReglasCartera.Cedido).Where(d => d.FechaAnulacion == null);
        if (request.FactorId is { } id)
            q = q.Where(d => d.FactorId == id);
        var documentos = await q.OrderBy(d => d.FechaCesion).ThenBy(d => d.Folio).Take(Limite).ToListAsync(cancellationToken);
        var clientes = await ResolucionCliente.PorIdAsync(mediator, documentos.Select(d => d.ClienteId), cancellationToken);
        var pendientes = (await CobrosDelegados.PendientesAsync(db, request.FactorId, cancellationToken)).GroupBy(p => p.DocumentoId).ToDictionary(g => g.Key, g => g.Sum(p => p.Monto));
        return documentos.Select(d => Cesiones.Dto(d, clientes.TryGetValue(d.ClienteId, out var c) ? c.RazonSocial : "", pendientes.GetValueOrDefault(d.Id))).ToList();
    }
}

public static class Cesiones
{
    public static CesionDocumentoDto Dto(Documento d, string razonSocial, decimal porTransferir) =>
        new(d.Id, d.ClienteId, razonSocial, d.Tipo, d.Folio, d.FechaVencimiento, d.Moneda, d.Total, d.Saldo, d.FactorId, d.FactorNombre ?? "", d.FactorRut ?? "",
            d.FechaCesion!.Value, d.FechaNotificacionCesion is { } f ? new NotificacionCesionDto(f, d.MedioNotificacionCesion, d.EvidenciaNotificacionCesion) : null,
            d.ResponsabilidadSolidaria, d.AdministracionDelegada, porTransferir);

    public static async Task<Documento> CedidoAsync(CarteraDbContext db, Guid documentoId, CancellationToken ct, bool conCuotas = false)
    {
        IQueryable<Documento> documentos = conCuotas ? db.Documentos.Include(x => x.Cuotas) : db.Documentos;
        var d = await documentos.SingleOrDefaultAsync(x => x.Id == documentoId, ct) ?? throw new NoEncontradoException("Documento", documentoId);
        if (!ReglasCartera.EsCedido(d))
            throw new ReglaNegocioException("documentoId", "no_cedido", "El documento no está cedido a un factor.");
        return d;
    }

    public static async Task<CesionDocumentoDto> ProyectarAsync(CarteraDbContext db, IMediator mediator, Documento d, CancellationToken ct)
    {
        var clientes = await ResolucionCliente.PorIdAsync(mediator, [d.ClienteId], ct);
        var pendiente = (await CobrosDelegados.PendientesAsync(db, d.FactorId, ct)).Where(p => p.DocumentoId == d.Id).Sum(p => p.Monto);
        return Dto(d, clientes.TryGetValue(d.ClienteId, out var c) ? c.RazonSocial : "", pendiente);
    }
}

public sealed record DatosNotificacionCesion(DateOnly Fecha, string Medio, string Evidencia);

/// <summary>
/// The notice of the cession to the debtor (Ley 19.983: from it the debtor pays the factor): when, by what means and what proves
/// it (notary's certificate number, registered-letter receipt, SII record).
/// </summary>
public sealed record RegistrarNotificacionCesion(Guid DocumentoId, DatosNotificacionCesion Cuerpo) : IRequest<CesionDocumentoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/factoring/cesiones/{documentoId:guid}/notificacion",
            async Task<Ok<CesionDocumentoDto>> (Guid documentoId, DatosNotificacionCesion body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RegistrarNotificacionCesion(documentoId, body), ct)))
        .WithName("RegistrarNotificacionCesion").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class RegistrarNotificacionCesionValidator : AbstractValidator<RegistrarNotificacionCesion>
{
    public RegistrarNotificacionCesionValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Fecha).NotEmpty();
        c.RuleFor(x => x.Medio).NotEmpty().Must(m => MediosNotificacion.Todos.Contains(m)).WithErrorCode("medio_invalido")
            .WithMessage($"Medio debe ser uno de: {string.Join(", ", MediosNotificacion.Todos)}.");
        c.RuleFor(x => x.Evidencia).NotEmpty().MaximumLength(LargosFactoring.Evidencia);
    });
}

public sealed class RegistrarNotificacionCesionHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<RegistrarNotificacionCesion, CesionDocumentoDto>
{
    public async ValueTask<CesionDocumentoDto> Handle(RegistrarNotificacionCesion request, CancellationToken cancellationToken)
    {
        var d = await Cesiones.CedidoAsync(db, request.DocumentoId, cancellationToken);
        var c = request.Cuerpo;
        if (c.Fecha < d.FechaCesion || c.Fecha > FechaNegocio.Hoy(reloj))
            throw new ReglaNegocioException("fecha", "fecha_invalida", $"La notificación debe estar entre la cesión ({d.FechaCesion:dd-MM-yyyy}) y hoy.");
        d.FechaNotificacionCesion = c.Fecha;
        d.MedioNotificacionCesion = c.Medio;
        d.EvidenciaNotificacionCesion = c.Evidencia.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return await Cesiones.ProyectarAsync(db, mediator, d, cancellationToken);
    }
}

public sealed record DatosCondicionesCesion(bool ResponsabilidadSolidaria, bool AdministracionDelegada);

/// <summary>
/// Recourse (responsabilidad solidaria) and delegated administration of a ceded document. Delegated administration puts the
/// document back in the worklist and lets payments apply to it; it is not withdrawn while money collected for the factor is pending.
/// </summary>
public sealed record CambiarCondicionesCesion(Guid DocumentoId, DatosCondicionesCesion Cuerpo) : IRequest<CesionDocumentoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/factoring/cesiones/{documentoId:guid}/condiciones",
            async Task<Ok<CesionDocumentoDto>> (Guid documentoId, DatosCondicionesCesion body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CambiarCondicionesCesion(documentoId, body), ct)))
        .WithName("CambiarCondicionesCesion").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class CambiarCondicionesCesionValidator : AbstractValidator<CambiarCondicionesCesion>
{
    public CambiarCondicionesCesionValidator() => RuleFor(x => x.Cuerpo).NotNull();
}

public sealed class CambiarCondicionesCesionHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<CambiarCondicionesCesion, CesionDocumentoDto>
{
    public async ValueTask<CesionDocumentoDto> Handle(CambiarCondicionesCesion request, CancellationToken cancellationToken)
    {
        var d = await Cesiones.CedidoAsync(db, request.DocumentoId, cancellationToken, conCuotas: true);
        var c = request.Cuerpo;
        if (d.AdministracionDelegada && !c.AdministracionDelegada
            && (await CobrosDelegados.PendientesAsync(db, d.FactorId, cancellationToken)).Any(p => p.DocumentoId == d.Id))
            throw new ReglaNegocioException("administracionDelegada", "cobros_por_transferir", "Hay cobros de este documento por transferir al factor; transfiéralos antes de quitar la administración delegada.");
        d.ResponsabilidadSolidaria = c.ResponsabilidadSolidaria;
        d.AdministracionDelegada = c.AdministracionDelegada;
        ReglasCartera.MarcarVigencia(d);
        await db.SaveChangesAsync(cancellationToken);
        return await Cesiones.ProyectarAsync(db, mediator, d, cancellationToken);
    }
}

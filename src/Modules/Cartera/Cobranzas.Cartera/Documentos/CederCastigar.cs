using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Rut;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Documentos;

public sealed record FactorDto(string Nombre, string Rut);

public sealed record DatosCesion(FactorDto Factor, DateOnly Fecha, DateOnly? FechaNotificacion, string? Notas);

public sealed record CederDocumento(Guid Id, DatosCesion Cuerpo) : IRequest<DocumentoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/documentos/{id:guid}/ceder", async Task<Ok<DocumentoDto>> (Guid id, DatosCesion body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CederDocumento(id, body), ct)))
        .WithName("CederDocumento").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class CederDocumentoValidator : AbstractValidator<CederDocumento>
{
    public CederDocumentoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Factor).NotNull().ChildRules(f =>
            {
                f.RuleFor(x => x.Nombre).NotEmpty().MaximumLength(200);
                f.RuleFor(x => x.Rut).EsRut();
            });
            c.RuleFor(x => x.Fecha).NotEmpty();
            c.RuleFor(x => x.FechaNotificacion).Must((x, n) => n is null || n >= x.Fecha).WithMessage("La notificación no puede ser anterior a la cesión.");
            c.RuleFor(x => x.Notas).MaximumLength(LargosCartera.Notas);
        });
}

/// <summary>A ceded document leaves the company's own collection (aging, exposure, automatic application) but keeps its history.</summary>
public sealed class CederDocumentoHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CederDocumento, DocumentoDto>
{
    public async ValueTask<DocumentoDto> Handle(CederDocumento request, CancellationToken cancellationToken)
    {
        var d = await db.Documentos.Include(x => x.Cuotas).SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Documento", request.Id);
        var c = request.Cuerpo;
        if (d.FechaAnulacion is not null)
            throw new ReglaNegocioException("id", "documento_anulado", "El documento está anulado.");
        if (TiposDocumento.EsCredito(d.Tipo))
            throw new ReglaNegocioException("id", "documento_credito", "Una nota de crédito no se cede.");
        if (ReglasCartera.EsCedido(d))
            throw new ReglaNegocioException("id", "ya_cedido", "El documento ya está cedido.");
        // The document keeps one cession (date and buy-back): a second one would erase the first from the past aging and statements.
        if (d.FechaRecompra is not null)
            throw new ReglaNegocioException("id", "recomprado", "El documento ya fue cedido y recomprado; no se vuelve a ceder.");
        if (d.FechaCastigo is not null)
            throw new ReglaNegocioException("id", "documento_castigado", "El documento está castigado.");
        if (d.Saldo <= 0)
            throw new ReglaNegocioException("saldo", "sin_saldo", "El documento no tiene saldo que ceder.");
        if (c.Fecha < d.FechaEmision || c.Fecha > FechaNegocio.Hoy(reloj))
            throw new ReglaNegocioException("fecha", "fecha_invalida", "La fecha de cesión debe estar entre la emisión y hoy.");

        d.FactorNombre = c.Factor.Nombre.Trim();
        d.FactorRut = Rut.TryParse(c.Factor.Rut, out var rut) ? rut.Value.Canonico : c.Factor.Rut;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        d.FactorId = (await Factoring.RegistroFactores.ObtenerOCrearAsync(db, d.FactorNombre, d.FactorRut, reloj.GetUtcNow(), cancellationToken)).Id;
        d.ResponsabilidadSolidaria = false;
        d.AdministracionDelegada = false;
        d.MedioNotificacionCesion = null;
        d.EvidenciaNotificacionCesion = null;
        d.FechaCesion = c.Fecha;
        d.FechaNotificacionCesion = c.FechaNotificacion;
        d.NotasCesion = string.IsNullOrWhiteSpace(c.Notas) ? null : c.Notas.Trim();
        d.CedidoPor = contexto.Actor;
        ReglasCartera.MarcarVigencia(d);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return await ProyeccionDocumento.CargarAsync(db, mediator, reloj, d.Id, cancellationToken);
    }
}

public sealed record DatosRecompra(string Motivo);

/// <summary>Buy-back: the document returns to the company's own collection; the factor data stays as history.</summary>
public sealed record RevertirCesion(Guid Id, DatosRecompra Cuerpo) : IRequest<DocumentoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/documentos/{id:guid}/ceder/revertir", async Task<Ok<DocumentoDto>> (Guid id, DatosRecompra body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new RevertirCesion(id, body), ct)))
        .WithName("RevertirCesion").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class RevertirCesionValidator : AbstractValidator<RevertirCesion>
{
    public RevertirCesionValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosCartera.Motivo));
}

public sealed class RevertirCesionHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<RevertirCesion, DocumentoDto>
{
    public async ValueTask<DocumentoDto> Handle(RevertirCesion request, CancellationToken cancellationToken)
    {
        var d = await db.Documentos.Include(x => x.Cuotas).SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Documento", request.Id);
        if (!ReglasCartera.EsCedido(d))
            throw new ReglaNegocioException("id", "no_cedido", "El documento no está cedido.");
        var hoy = FechaNegocio.Hoy(reloj);
        d.FechaRecompra = hoy < d.FechaCesion ? d.FechaCesion : hoy;
        d.MotivoRecompra = request.Cuerpo.Motivo.Trim();
        ReglasCartera.MarcarVigencia(d);
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionDocumento.CargarAsync(db, mediator, reloj, d.Id, cancellationToken);
    }
}

public sealed record DatosCastigo(DateOnly Fecha, string Motivo);

public sealed record CastigarDocumento(Guid Id, DatosCastigo Cuerpo) : IRequest<DocumentoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/documentos/{id:guid}/castigar", async Task<Ok<DocumentoDto>> (Guid id, DatosCastigo body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CastigarDocumento(id, body), ct)))
        .WithName("CastigarDocumento").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class CastigarDocumentoValidator : AbstractValidator<CastigarDocumento>
{
    public CastigarDocumentoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Fecha).NotEmpty();
            c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosCartera.Motivo);
        });
}

public sealed class CastigarDocumentoHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CastigarDocumento, DocumentoDto>
{
    public async ValueTask<DocumentoDto> Handle(CastigarDocumento request, CancellationToken cancellationToken)
    {
        var d = await db.Documentos.Include(x => x.Cuotas).SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Documento", request.Id);
        ReglaCastigo.Castigar(d, request.Cuerpo.Fecha, request.Cuerpo.Motivo.Trim(), contexto.Actor, FechaNegocio.Hoy(reloj), "id");
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionDocumento.CargarAsync(db, mediator, reloj, d.Id, cancellationToken);
    }
}

/// <summary>The one home of the write-off rule, used by the single write-off and by an approved castigo proposal.</summary>
public static class ReglaCastigo
{
    /// <summary>Why the document cannot be written off at <paramref name="fecha"/>, or null when it can.</summary>
    public static (string Codigo, string Mensaje)? Impedimento(Documento d, DateOnly fecha, DateOnly hoy)
    {
        if (d.FechaAnulacion is not null)
            return ("documento_anulado", "El documento está anulado.");
        if (TiposDocumento.EsCredito(d.Tipo))
            return ("documento_credito", "Una nota de crédito no se castiga.");
        if (ReglasCartera.EsCedido(d))
            return ("documento_cedido", "El documento está cedido a un factor; no se castiga.");
        if (d.FechaCastigo is not null)
            return ("ya_castigado", "El documento ya está castigado.");
        if (d.Saldo <= 0)
            return ("sin_saldo", "El documento no tiene saldo que castigar.");
        if (fecha < d.FechaEmision || fecha > hoy)
            return ("fecha_invalida", "La fecha del castigo debe estar entre la emisión y hoy.");
        return null;
    }

    /// <summary>Writes off the remaining balance: the amount is kept, so total = applications + credit notes + castigo.</summary>
    public static decimal Castigar(Documento d, DateOnly fecha, string motivo, string actor, DateOnly hoy, string campo)
    {
        if (Impedimento(d, fecha, hoy) is { } i)
            throw new ReglaNegocioException(i.Codigo == "fecha_invalida" ? "fecha" : i.Codigo == "sin_saldo" ? "saldo" : campo, i.Codigo, i.Mensaje);
        var monto = d.Saldo;
        d.MontoCastigo = monto;
        d.FechaCastigo = fecha;
        d.MotivoCastigo = motivo;
        d.CastigadoPor = actor;
        d.Saldo = 0;
        foreach (var cuota in d.Cuotas)
            cuota.Saldo = 0;
        return monto;
    }
}

using System.ComponentModel;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Portal.Acceso;
using Cobranzas.Portal.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Portal.Solicitudes;

public static class TiposSolicitud
{
    public const string Convenio = "convenio";
    public const string Consulta = "consulta";
    public const string Reclamo = "reclamo";
    public const string Compromiso = "compromiso";
}

public static class LargosPortal
{
    public const int Mensaje = 2000;
}

/// <summary>What the client asked from the portal; the work itself lives in Gestión (a task, a dispute, a promise) under <see cref="ReferenciaId"/>.</summary>
public sealed class SolicitudPortal : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public Guid ContactoId { get; init; }
    public required string Tipo { get; init; }
    public required string Mensaje { get; init; }
    public List<Guid> DocumentoIds { get; init; } = [];
    public int? Cuotas { get; init; }
    public DateOnly? Fecha { get; init; }
    public decimal? Monto { get; init; }
    public Guid ReferenciaId { get; set; }
    public DateTimeOffset Creada { get; init; }
}

public sealed class SolicitudPortalConfiguracion : IEntityTypeConfiguration<SolicitudPortal>
{
    public void Configure(EntityTypeBuilder<SolicitudPortal> e)
    {
        e.ToTable("solicitudes");
        e.Property(x => x.Tipo).HasMaxLength(20);
        e.Property(x => x.Mensaje).HasMaxLength(LargosPortal.Mensaje);
        e.Property(x => x.Monto).HasColumnType("numeric(18,4)");
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Creada });
    }
}

public sealed record SolicitudPortalDto(
    Guid Id, string Tipo, string Mensaje, IReadOnlyList<Guid> DocumentoIds, int? Cuotas, DateOnly? Fecha, decimal? Monto, DateTimeOffset Creada,
    string Estado, string? Respuesta, DateTimeOffset? Respondida,
    [property: Description("La propuesta de convenio que generó una solicitud de convenio: número, estado (borrador, pendiente_aprobacion, aprobado, vigente...), monto y cuotas.")] ConvenioSolicitadoDto? Convenio = null);

public sealed record ConvenioSolicitadoDto(long Numero, string Estado, decimal MontoConvenido, int NumeroCuotas, DateOnly PrimeraFecha);

/// <param name="Tipo"><c>convenio</c> (an agreement: documents and proposed installments) or <c>consulta</c> (a question).</param>
public sealed record DatosSolicitudPortal(string Tipo, string Mensaje, List<Guid>? DocumentoIds, int? Cuotas);

public sealed record DatosReclamoPortal(Guid DocumentoId, string Mensaje);

public sealed record DatosCompromisoPortal(DateOnly Fecha, decimal Monto, string? Mensaje);

/// <summary>An agreement request or a question: it lands as a task for the client's collector, who answers it.</summary>
public sealed record CrearSolicitudPortal(DatosSolicitudPortal Cuerpo) : IRequest<SolicitudPortalDto>
{
    public static void Map(RutasPortal rutas) => rutas.Sesion.MapPost("/solicitudes", async Task<Created<SolicitudPortalDto>> (DatosSolicitudPortal body, IMediator m, CancellationToken ct) =>
        {
            var s = await m.Send(new CrearSolicitudPortal(body), ct);
            return TypedResults.Created($"/api/v1/portal/solicitudes/{s.Id}", s);
        })
        .WithName("CrearSolicitudPortal").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class CrearSolicitudPortalValidator : AbstractValidator<CrearSolicitudPortal>
{
    public CrearSolicitudPortalValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Tipo).Must(t => t is TiposSolicitud.Convenio or TiposSolicitud.Consulta).WithMessage("tipo debe ser convenio o consulta.");
            c.RuleFor(x => x.Mensaje).NotEmpty().WithMessage("Escriba su mensaje.").MaximumLength(LargosPortal.Mensaje);
            c.RuleFor(x => x.Cuotas).InclusiveBetween(1, 48).When(x => x.Cuotas is not null).WithMessage("cuotas debe estar entre 1 y 48.");
            c.RuleFor(x => x.Cuotas).NotNull().When(x => x.Tipo == TiposSolicitud.Convenio).WithMessage("Indique en cuántas cuotas propone pagar.");
            c.RuleFor(x => x.DocumentoIds).Must(d => d is null || (d.Count <= 200 && d.All(i => i != Guid.Empty) && d.Distinct().Count() == d.Count))
                .WithMessage("documentoIds: a lo más 200 documentos distintos.");
        });
}

/// <summary>A claim on one document: a dispute in Gestión (reason "Reclamo desde el portal") and the collector's review task.</summary>
public sealed record CrearReclamoPortal(DatosReclamoPortal Cuerpo) : IRequest<SolicitudPortalDto>
{
    public static void Map(RutasPortal rutas) => rutas.Sesion.MapPost("/reclamos", async Task<Created<SolicitudPortalDto>> (DatosReclamoPortal body, IMediator m, CancellationToken ct) =>
        {
            var s = await m.Send(new CrearReclamoPortal(body), ct);
            return TypedResults.Created($"/api/v1/portal/solicitudes/{s.Id}", s);
        })
        .WithName("CrearReclamoPortal").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class CrearReclamoPortalValidator : AbstractValidator<CrearReclamoPortal>
{
    public CrearReclamoPortalValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.DocumentoId).NotEmpty().WithMessage("Indique el documento.");
            c.RuleFor(x => x.Mensaje).NotEmpty().WithMessage("Describa su reclamo.").MaximumLength(LargosPortal.Mensaje);
        });
}

/// <summary>A promise to pay (date and amount) through Gestión: reminders pause as for a promise taken by phone.</summary>
public sealed record CrearCompromisoPortal(DatosCompromisoPortal Cuerpo) : IRequest<SolicitudPortalDto>
{
    public static void Map(RutasPortal rutas) => rutas.Sesion.MapPost("/compromisos", async Task<Created<SolicitudPortalDto>> (DatosCompromisoPortal body, IMediator m, CancellationToken ct) =>
        {
            var s = await m.Send(new CrearCompromisoPortal(body), ct);
            return TypedResults.Created($"/api/v1/portal/solicitudes/{s.Id}", s);
        })
        .WithName("CrearCompromisoPortal").ProducesValidationProblem().ProducesProblem(422);
}

public sealed class CrearCompromisoPortalValidator : AbstractValidator<CrearCompromisoPortal>
{
    public CrearCompromisoPortalValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Monto).GreaterThan(0).WithMessage("El monto debe ser mayor que cero.").LessThan(1_000_000_000_000m);
            c.RuleFor(x => x.Fecha).Must(f => f.Year is >= 2000 and <= 2100).WithMessage("fecha fuera de rango.");
            c.RuleFor(x => x.Mensaje).MaximumLength(LargosPortal.Mensaje);
        });
}

public sealed class SolicitudesPortalHandler(PortalDbContext db, IMediator mediator, SesionActual sesion, TimeProvider reloj)
    : IRequestHandler<CrearSolicitudPortal, SolicitudPortalDto>, IRequestHandler<CrearReclamoPortal, SolicitudPortalDto>,
        IRequestHandler<CrearCompromisoPortal, SolicitudPortalDto>, IRequestHandler<ListarSolicitudesPortal, IReadOnlyList<SolicitudPortalDto>>
{
    public async ValueTask<SolicitudPortalDto> Handle(CrearSolicitudPortal request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        var convenio = d.Tipo == TiposSolicitud.Convenio;
        var documentos = d.DocumentoIds ?? [];
        var solicitud = new SolicitudPortal
        {
            ClienteId = sesion.ClienteId, ContactoId = sesion.ContactoId, Tipo = d.Tipo, Mensaje = d.Mensaje.Trim(), DocumentoIds = documentos, Cuotas = convenio ? d.Cuotas : null,
            Creada = reloj.GetUtcNow(),
        };
        // An agreement request arrives in Cartera as a draft convenio, so the team reviews real figures; a request Cartera refuses
        // (a document that is not the client's, or already committed) is refused here before any task exists.
        var borrador = convenio
            ? await mediator.Send(new CrearBorradorConvenioPortal(solicitud.Id, sesion.ClienteId, documentos, d.Cuotas!.Value, solicitud.Mensaje), cancellationToken)
            : null;
        var titulo = borrador is not null ? $"Solicitud de convenio desde el portal ({d.Cuotas} cuotas): borrador N° {borrador.Numero}" : "Consulta desde el portal";
        var detalle = documentos.Count > 0 ? $"{solicitud.Mensaje} [{documentos.Count} documento(s)]" : solicitud.Mensaje;
        solicitud.ReferenciaId = await mediator.Send(new RegistrarSolicitudPortal(sesion.ClienteId, convenio ? "solicitud_convenio" : "consulta_portal", titulo, detalle, sesion.Actor),
            cancellationToken);
        var dto = await GuardarAsync(solicitud, cancellationToken);
        return borrador is null ? dto : dto with { Convenio = Convenio(borrador) };
    }

    private static ConvenioSolicitadoDto Convenio(ConvenioPortal c) => new(c.Numero, c.Estado, c.MontoConvenido, c.NumeroCuotas, c.PrimeraFecha);

    public async ValueTask<SolicitudPortalDto> Handle(CrearReclamoPortal request, CancellationToken cancellationToken)
    {
        var disputaId = await mediator.Send(new AbrirReclamoPortal(sesion.ClienteId, [request.Cuerpo.DocumentoId], request.Cuerpo.Mensaje.Trim()), cancellationToken);
        return await GuardarAsync(new SolicitudPortal
        {
            ClienteId = sesion.ClienteId, ContactoId = sesion.ContactoId, Tipo = TiposSolicitud.Reclamo, Mensaje = request.Cuerpo.Mensaje.Trim(),
            DocumentoIds = [request.Cuerpo.DocumentoId], ReferenciaId = disputaId, Creada = reloj.GetUtcNow(),
        }, cancellationToken);
    }

    public async ValueTask<SolicitudPortalDto> Handle(CrearCompromisoPortal request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        var compromisoId = await mediator.Send(new TomarCompromisoPortal(sesion.ClienteId, d.Fecha, d.Monto, string.IsNullOrWhiteSpace(d.Mensaje) ? null : d.Mensaje.Trim()), cancellationToken);
        return await GuardarAsync(new SolicitudPortal
        {
            ClienteId = sesion.ClienteId, ContactoId = sesion.ContactoId, Tipo = TiposSolicitud.Compromiso, Mensaje = d.Mensaje?.Trim() ?? "", Fecha = d.Fecha, Monto = d.Monto,
            ReferenciaId = compromisoId, Creada = reloj.GetUtcNow(),
        }, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<SolicitudPortalDto>> Handle(ListarSolicitudesPortal request, CancellationToken cancellationToken)
    {
        var filas = await db.Set<SolicitudPortal>().AsNoTracking().Where(s => s.ClienteId == sesion.ClienteId)
            .OrderByDescending(s => s.Creada).Take(100).ToListAsync(cancellationToken);
        var estados = (await mediator.Send(new ObtenerEstadoSolicitudesPortal(
                filas.Where(f => f.Tipo is TiposSolicitud.Convenio or TiposSolicitud.Consulta).Select(f => f.ReferenciaId).ToList(),
                filas.Where(f => f.Tipo == TiposSolicitud.Reclamo).Select(f => f.ReferenciaId).ToList()), cancellationToken))
            .ToDictionary(e => e.Id);
        var convenios = (await mediator.Send(new ConveniosDeSolicitudesPortal(filas.Where(f => f.Tipo == TiposSolicitud.Convenio).Select(f => f.Id).ToList()), cancellationToken))
            .ToDictionary(c => c.SolicitudPortalId);
        return filas.Select(f => Dto(f, estados.GetValueOrDefault(f.ReferenciaId)) with
        {
            Convenio = convenios.TryGetValue(f.Id, out var c) ? Convenio(c) : null,
        }).ToList();
    }

    private async Task<SolicitudPortalDto> GuardarAsync(SolicitudPortal s, CancellationToken ct)
    {
        db.Add(s);
        await db.SaveChangesAsync(ct);
        return Dto(s, null);
    }

    private static SolicitudPortalDto Dto(SolicitudPortal s, EstadoSolicitudPortal? e) => new(
        s.Id, s.Tipo, s.Mensaje, s.DocumentoIds, s.Cuotas, s.Fecha, s.Monto, s.Creada,
        e?.Estado ?? (s.Tipo == TiposSolicitud.Compromiso ? "registrado" : s.Tipo == TiposSolicitud.Reclamo ? "abierta" : "pendiente"), e?.Respuesta, e?.Respondida);
}

/// <summary>The client's requests, claims and promises from the portal, newest first, with their state and the company's answer.</summary>
public sealed record ListarSolicitudesPortal : IRequest<IReadOnlyList<SolicitudPortalDto>>
{
    public static void Map(RutasPortal rutas) => rutas.Sesion.MapGet("/solicitudes", async Task<Ok<IReadOnlyList<SolicitudPortalDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarSolicitudesPortal(), ct)))
        .WithName("ListarSolicitudesPortal");
}

using System.Security.Claims;
using Cobranzas.Cartera.Contracts;
using Cobranzas.Gestion.Actividades;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Judicial;

/// <summary>
/// What an agency's scoped key reaches: only the documents of its active derivations. Any other document (another agency's, one
/// never derived, one whose derivation was closed) does not exist for it (404); every other endpoint needs a permission its key lacks (403).
/// </summary>
public sealed class AccesoAgencia(GestionDbContext db, IHttpContextAccessor http)
{
    public Guid AgenciaId =>
        Guid.TryParse(http.HttpContext?.User.FindFirstValue(Permisos.ClaimAgencia), out var id) ? id : throw new InvalidOperationException("La solicitud no es de una agencia.");

    public IQueryable<DerivacionAgencia> Derivaciones()
    {
        var agencia = AgenciaId;
        return db.Set<DerivacionAgencia>().Where(d => d.AgenciaId == agencia && d.Estado == EstadosDerivacion.Activa);
    }

    public async Task<DerivacionAgencia> DocumentoAsync(Guid documentoId, CancellationToken ct) =>
        await Derivaciones().AsNoTracking().FirstOrDefaultAsync(d => d.DocumentoIds.Contains(documentoId), ct) ?? throw new NoEncontradoException("Documento", documentoId);
}

public sealed record DocumentoAgenciaDto(Guid Id, Guid ClienteId, string Tipo, long Folio, DateOnly FechaVencimiento, string Moneda, decimal Total, decimal Saldo, DateOnly Derivado);

public sealed record ListarDocumentosAgencia : IRequest<IReadOnlyList<DocumentoAgenciaDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Agencia.MapGet("/judicial/agencia/documentos", async Task<Ok<IReadOnlyList<DocumentoAgenciaDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarDocumentosAgencia(), ct)))
        .WithName("ListarDocumentosAgencia");
}

public sealed record ObtenerDocumentoAgencia(Guid DocumentoId) : IRequest<DocumentoAgenciaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Agencia.MapGet("/judicial/agencia/documentos/{documentoId:guid}", async Task<Ok<DocumentoAgenciaDto>> (Guid documentoId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerDocumentoAgencia(documentoId), ct)))
        .WithName("ObtenerDocumentoAgencia").ProducesProblem(404);
}

public sealed record DatosActividadAgencia(string Canal, string? Resultado, string Notas);

public sealed record ActividadAgenciaDto(Guid Id, Guid ClienteId, Guid DocumentoId, DateTimeOffset Fecha, string Canal, string? Resultado, string Notas);

public sealed record RegistrarActividadAgencia(Guid DocumentoId, DatosActividadAgencia Cuerpo) : IRequest<ActividadAgenciaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Agencia.MapPost("/judicial/agencia/documentos/{documentoId:guid}/actividades",
            async Task<Created<ActividadAgenciaDto>> (Guid documentoId, DatosActividadAgencia body, IMediator m, CancellationToken ct) =>
            {
                var a = await m.Send(new RegistrarActividadAgencia(documentoId, body), ct);
                return TypedResults.Created($"/api/v1/judicial/agencia/documentos/{documentoId}", a);
            })
        .WithName("RegistrarActividadAgencia").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class RegistrarActividadAgenciaValidator : AbstractValidator<RegistrarActividadAgencia>
{
    public RegistrarActividadAgenciaValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Canal).Must(v => CanalesContacto.Todos.Contains(v)).WithMessage($"El canal debe ser uno de: {string.Join(", ", CanalesContacto.Todos)}.");
        c.RuleFor(x => x.Resultado).Must(v => v is null || ResultadosActividad.Todos.Contains(v))
            .WithMessage($"El resultado debe ser uno de: {string.Join(", ", ResultadosActividad.Todos)}.");
        c.RuleFor(x => x.Notas).NotEmpty().MaximumLength(LargosGestion.Notas);
    });
}

public sealed record DatosPagoAgencia(DateOnly Fecha, decimal Monto, string Referencia);

public sealed record PagoAgenciaDto(Guid PagoId, bool Nuevo, decimal Aplicado);

/// <summary>A payment the agency collected on one of its documents: applied to that document up to its balance (the rest stays as saldo a favor), once per reference.</summary>
public sealed record RegistrarPagoAgencia(Guid DocumentoId, DatosPagoAgencia Cuerpo) : IRequest<PagoAgenciaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Agencia.MapPost("/judicial/agencia/documentos/{documentoId:guid}/pagos",
            async Task<Ok<PagoAgenciaDto>> (Guid documentoId, DatosPagoAgencia body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new RegistrarPagoAgencia(documentoId, body), ct)))
        .WithName("RegistrarPagoAgencia").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class RegistrarPagoAgenciaValidator : AbstractValidator<RegistrarPagoAgencia>
{
    public RegistrarPagoAgenciaValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Fecha).NotEmpty().Must(f => f.Year is >= 2000 and <= 2100).WithMessage("La fecha debe estar entre 2000 y 2100.");
        c.RuleFor(x => x.Monto).GreaterThan(0).LessThanOrEqualTo(Montos.Maximo);
        c.RuleFor(x => x.Referencia).NotEmpty().MaximumLength(100);
    });
}

public sealed class AgenciaDocumentosHandler(GestionDbContext db, AccesoAgencia acceso, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ListarDocumentosAgencia, IReadOnlyList<DocumentoAgenciaDto>>, IRequestHandler<ObtenerDocumentoAgencia, DocumentoAgenciaDto>,
        IRequestHandler<RegistrarActividadAgencia, ActividadAgenciaDto>, IRequestHandler<RegistrarPagoAgencia, PagoAgenciaDto>
{
    public async ValueTask<IReadOnlyList<DocumentoAgenciaDto>> Handle(ListarDocumentosAgencia request, CancellationToken cancellationToken)
    {
        var derivaciones = await acceso.Derivaciones().AsNoTracking().ToListAsync(cancellationToken);
        var fechas = derivaciones.SelectMany(d => d.DocumentoIds.Select(id => (id, d.Fecha))).GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Min(x => x.Fecha));
        if (fechas.Count == 0)
            return [];
        return (await mediator.Send(new BuscarDocumentos(fechas.Keys), cancellationToken))
            .OrderBy(d => d.FechaVencimiento).ThenBy(d => d.Folio).Select(d => Dto(d, fechas[d.Id])).ToList();
    }

    public async ValueTask<DocumentoAgenciaDto> Handle(ObtenerDocumentoAgencia request, CancellationToken cancellationToken)
    {
        var (derivacion, documento) = await DocumentoAsync(request.DocumentoId, cancellationToken);
        return Dto(documento, derivacion.Fecha);
    }

    public async ValueTask<ActividadAgenciaDto> Handle(RegistrarActividadAgencia request, CancellationToken cancellationToken)
    {
        var (derivacion, _) = await DocumentoAsync(request.DocumentoId, cancellationToken);
        var c = request.Cuerpo;
        var actividad = new Actividad
        {
            ClienteId = derivacion.ClienteId, TipoActividadId = await TipoAgenciaAsync(cancellationToken), Canal = c.Canal, Fecha = reloj.GetUtcNow(),
            Resultado = c.Resultado, Notas = c.Notas.Trim(), DocumentoIds = [request.DocumentoId], RegistradaPor = contexto.Actor, Origen = OrigenAgencia,
            OrigenId = derivacion.Id, Creada = reloj.GetUtcNow(),
        };
        db.Actividades.Add(actividad);
        await db.SaveChangesAsync(cancellationToken);
        return new ActividadAgenciaDto(actividad.Id, actividad.ClienteId, request.DocumentoId, actividad.Fecha, actividad.Canal, actividad.Resultado, actividad.Notas!);
    }

    public async ValueTask<PagoAgenciaDto> Handle(RegistrarPagoAgencia request, CancellationToken cancellationToken)
    {
        var (derivacion, documento) = await DocumentoAsync(request.DocumentoId, cancellationToken);
        var c = request.Cuerpo;
        if (c.Fecha > FechaNegocio.Hoy(reloj))
            throw new ReglaNegocioException("fecha", "fecha_futura", "La fecha del pago no puede ser futura.");
        var pago = await mediator.Send(new RegistrarPagoProveedor(
            derivacion.ClienteId, $"agencia:{derivacion.AgenciaId:N}", c.Referencia.Trim(), c.Fecha, c.Monto, documento.Moneda,
            [new MontoDocumentoPago(documento.Id, Math.Min(c.Monto, documento.Saldo))], c.Referencia.Trim()), cancellationToken);
        return new PagoAgenciaDto(pago.PagoId, pago.Nuevo, pago.Aplicado);
    }

    public const string OrigenAgencia = "agencia";

    private async Task<(DerivacionAgencia Derivacion, DocumentoInfo Documento)> DocumentoAsync(Guid documentoId, CancellationToken ct)
    {
        var derivacion = await acceso.DocumentoAsync(documentoId, ct);
        var documento = (await mediator.Send(new BuscarDocumentos([documentoId]), ct)).SingleOrDefault() ?? throw new NoEncontradoException("Documento", documentoId);
        return (derivacion, documento);
    }

    private async Task<Guid> TipoAgenciaAsync(CancellationToken ct)
    {
        const string nombre = "Gestión de agencia externa";
        var tipo = await db.TiposActividad.Where(t => t.Nombre == nombre).FirstOrDefaultAsync(ct);
        if (tipo is null)
        {
            tipo = new TipoActividad { Nombre = nombre, Tipo = TiposDeActividad.Otro, Canal = CanalesContacto.Telefono, Descripcion = "Registrada por una agencia de cobranza externa" };
            db.TiposActividad.Add(tipo);
        }

        return tipo.Id;
    }

    private static DocumentoAgenciaDto Dto(DocumentoInfo d, DateOnly derivado) =>
        new(d.Id, d.ClienteId, d.Tipo, d.Folio, d.FechaVencimiento, d.Moneda, d.Total, d.Saldo, derivado);
}

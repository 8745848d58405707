using System.ComponentModel;
using System.Text.Json;
using Cobranzas.Cartera.Antiguedad;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Cartera.CargosMora;

public static class EstadosSolicitudNotaDebito
{
    public const string Pendiente = "pendiente";
    public const string Emitida = "emitida";
    public const string Anulada = "anulada";
}

/// <summary>
/// The late charges of a client at a date, frozen and sent to the ERP (webhook <c>nota_debito.solicitada</c>) for it to issue the
/// nota de débito: the product never edits an issued document. The ERP answers with the folio it issued, or the request is cancelled.
/// </summary>
public sealed class SolicitudNotaDebito : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public DateOnly Fecha { get; init; }
    public required string Regimen { get; init; }
    public decimal Interes { get; init; }
    public decimal Comision { get; init; }
    public decimal GastosCobranza { get; init; }
    public decimal Total { get; init; }

    /// <summary>The signed convenio whose late interest (net of the waiver) and financing interest this request bills; null for a client's late charges.</summary>
    public Guid? ConvenioId { get; init; }

    /// <summary>The calculation as it was shown (installments and steps), JSON.</summary>
    public required string Detalle { get; init; }

    public required string Estado { get; set; }
    public long? FolioNotaDebito { get; set; }
    public string? Notas { get; set; }
    public required string SolicitadaPor { get; init; }
    public DateTimeOffset Creada { get; init; }
    public DateTimeOffset? Resuelta { get; set; }
}

public sealed class SolicitudNotaDebitoConfiguracion : IEntityTypeConfiguration<SolicitudNotaDebito>
{
    public void Configure(EntityTypeBuilder<SolicitudNotaDebito> e)
    {
        e.ToTable("solicitudes_nota_debito");
        e.Property(x => x.Regimen).HasMaxLength(20);
        e.Property(x => x.Estado).HasMaxLength(20);
        e.Property(x => x.Detalle).HasColumnType("jsonb");
        e.Property(x => x.Notas).HasMaxLength(LargosCartera.Notas);
        e.Property(x => x.SolicitadaPor).HasMaxLength(200);
        foreach (var p in new[] { nameof(SolicitudNotaDebito.Interes), nameof(SolicitudNotaDebito.Comision), nameof(SolicitudNotaDebito.GastosCobranza), nameof(SolicitudNotaDebito.Total) })
            e.Property(p).HasPrecision(18, 4);
        e.Property<uint>("xmin").IsRowVersion();
        // One live request per client and date: a double click or two ERP calls at once ask once.
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId, x.Fecha }).IsUnique().HasFilter("estado <> 'anulada' AND convenio_id IS NULL");
        e.HasIndex(x => new { x.EmpresaId, x.ConvenioId }).IsUnique().HasFilter("estado <> 'anulada' AND convenio_id IS NOT NULL");
        e.HasIndex(x => new { x.EmpresaId, x.Creada });
    }
}

public sealed record SolicitudNotaDebitoDto(
    Guid Id, Guid ClienteId, DateOnly Fecha, string Regimen, decimal Interes, decimal Comision, decimal GastosCobranza, decimal Total,
    [property: Description("pendiente, emitida o anulada.")] string Estado, long? FolioNotaDebito, string? Notas, string SolicitadaPor,
    DateTimeOffset Creada, DateTimeOffset? Resuelta, CargosMoraDto? Detalle,
    [property: Description("El convenio firmado cuyo interés cobra la nota de débito; null para los cargos de mora de un cliente.")] Guid? ConvenioId)
{
    public static SolicitudNotaDebitoDto De(SolicitudNotaDebito s, bool conDetalle) => new(
        s.Id, s.ClienteId, s.Fecha, s.Regimen, s.Interes, s.Comision, s.GastosCobranza, s.Total, s.Estado, s.FolioNotaDebito, s.Notas, s.SolicitadaPor,
        s.Creada, s.Resuelta, conDetalle ? JsonSerializer.Deserialize<CargosMoraDto>(s.Detalle, JsonSerializerOptions.Web) : null, s.ConvenioId);
}

public sealed record DatosSolicitudNotaDebito(Guid ClienteId, DateOnly? Fecha, string? Notas);

public sealed record SolicitudRegistrada(SolicitudNotaDebitoDto Solicitud, bool Nueva);

/// <summary>Asks once per client and date: while a request for that date is live, asking again answers it (200) instead of a second one.</summary>
public sealed record SolicitarNotaDebito(DatosSolicitudNotaDebito Cuerpo) : IRequest<SolicitudRegistrada>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/cargos-mora/solicitudes", async Task<Results<Created<SolicitudNotaDebitoDto>, Ok<SolicitudNotaDebitoDto>>> (DatosSolicitudNotaDebito body, IMediator m, CancellationToken ct) =>
        {
            var r = await m.Send(new SolicitarNotaDebito(body), ct);
            return r.Nueva ? TypedResults.Created($"/api/v1/cargos-mora/solicitudes/{r.Solicitud.Id}", r.Solicitud) : TypedResults.Ok(r.Solicitud);
        })
        .WithName("SolicitarNotaDebito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class SolicitarNotaDebitoValidator : AbstractValidator<SolicitarNotaDebito>
{
    public SolicitarNotaDebitoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.ClienteId).NotEmpty();
            c.RuleFor(x => x.Fecha).EnRango("fecha");
            c.RuleFor(x => x.Notas).MaximumLength(LargosCartera.Notas);
        });
}

public sealed class SolicitarNotaDebitoHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<SolicitarNotaDebito, SolicitudRegistrada>
{
    public async ValueTask<SolicitudRegistrada> Handle(SolicitarNotaDebito request, CancellationToken cancellationToken)
    {
        var datos = request.Cuerpo;
        var calculo = await mediator.Send(new CalcularCargosMora(datos.ClienteId, datos.Fecha), cancellationToken);
        if (await VigenteAsync(calculo, cancellationToken) is { } existente)
            return new SolicitudRegistrada(SolicitudNotaDebitoDto.De(existente, true), false);
        if (calculo.Total <= 0)
            throw new ReglaNegocioException("clienteId", "sin_cargos", "El cliente no tiene cargos de mora a la fecha: no hay nota de débito que pedir.");
        var solicitud = new SolicitudNotaDebito
        {
            ClienteId = calculo.ClienteId, Fecha = calculo.Fecha, Regimen = calculo.Regimen, Interes = calculo.Interes, Comision = calculo.Comision,
            GastosCobranza = calculo.GastosCobranza, Total = calculo.Total, Detalle = JsonSerializer.Serialize(calculo, JsonSerializerOptions.Web),
            Estado = EstadosSolicitudNotaDebito.Pendiente, Notas = string.IsNullOrWhiteSpace(datos.Notas) ? null : datos.Notas.Trim(),
            SolicitadaPor = contexto.Actor, Creada = reloj.GetUtcNow(),
        };
        db.Add(solicitud);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another request for the same client and date committed first: answer that one.
            db.ChangeTracker.Clear();
            return new SolicitudRegistrada(SolicitudNotaDebitoDto.De((await VigenteAsync(calculo, cancellationToken))!, true), false);
        }

        var dto = SolicitudNotaDebitoDto.De(solicitud, true);
        await mediator.Publish(EventoNegocio.Uno(contexto.EmpresaId, TiposEventoNegocio.NotaDebitoSolicitada, solicitud.Id, dto, solicitud.Creada), cancellationToken);
        return new SolicitudRegistrada(dto, true);
    }

    private Task<SolicitudNotaDebito?> VigenteAsync(CargosMoraDto calculo, CancellationToken ct) =>
        db.Set<SolicitudNotaDebito>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ClienteId == calculo.ClienteId && s.Fecha == calculo.Fecha && s.ConvenioId == null && s.Estado != EstadosSolicitudNotaDebito.Anulada, ct);
}

public sealed record ListarSolicitudesNotaDebito(Guid? ClienteId, string? Estado) : IRequest<IReadOnlyList<SolicitudNotaDebitoDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/cargos-mora/solicitudes", async Task<Ok<IReadOnlyList<SolicitudNotaDebitoDto>>> ([AsParameters] ListarSolicitudesNotaDebito q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarSolicitudesNotaDebito").ProducesValidationProblem();
}

public sealed class ListarSolicitudesNotaDebitoValidator : AbstractValidator<ListarSolicitudesNotaDebito>
{
    private static readonly string[] Estados = [EstadosSolicitudNotaDebito.Pendiente, EstadosSolicitudNotaDebito.Emitida, EstadosSolicitudNotaDebito.Anulada];

    public ListarSolicitudesNotaDebitoValidator() =>
        RuleFor(x => x.Estado).Must(e => e is null || Estados.Contains(e)).WithMessage($"estado debe ser uno de: {string.Join(", ", Estados)}.");
}

public sealed class ListarSolicitudesNotaDebitoHandler(CarteraDbContext db) : IRequestHandler<ListarSolicitudesNotaDebito, IReadOnlyList<SolicitudNotaDebitoDto>>
{
    public const int Maximo = 500;

    public async ValueTask<IReadOnlyList<SolicitudNotaDebitoDto>> Handle(ListarSolicitudesNotaDebito request, CancellationToken cancellationToken)
    {
        var q = db.Set<SolicitudNotaDebito>().AsNoTracking();
        if (request.ClienteId is { } cliente)
            q = q.Where(s => s.ClienteId == cliente);
        if (request.Estado is { } estado)
            q = q.Where(s => s.Estado == estado);
        var filas = await q.OrderByDescending(s => s.Creada).Take(Maximo).ToListAsync(cancellationToken);
        return filas.Select(s => SolicitudNotaDebitoDto.De(s, false)).ToList();
    }
}

public sealed record ObtenerSolicitudNotaDebito(Guid Id) : IRequest<SolicitudNotaDebitoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/cargos-mora/solicitudes/{id:guid}", async Task<Ok<SolicitudNotaDebitoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerSolicitudNotaDebito(id), ct)))
        .WithName("ObtenerSolicitudNotaDebito").ProducesProblem(404);
}

public sealed class ObtenerSolicitudNotaDebitoHandler(CarteraDbContext db) : IRequestHandler<ObtenerSolicitudNotaDebito, SolicitudNotaDebitoDto>
{
    public async ValueTask<SolicitudNotaDebitoDto> Handle(ObtenerSolicitudNotaDebito request, CancellationToken cancellationToken) =>
        SolicitudNotaDebitoDto.De(await db.Set<SolicitudNotaDebito>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Solicitud de nota de débito", request.Id), true);
}

[Description("El folio de la nota de débito que emitió el ERP (emitida), o el motivo para anular la solicitud.")]
public sealed record DatosResolucionNotaDebito(string Estado, long? FolioNotaDebito, string? Notas);

/// <summary>The ERP reports the nota de débito it issued, or someone cancels the request (then a new one may be made for that date).</summary>
public sealed record ResolverSolicitudNotaDebito(Guid Id, DatosResolucionNotaDebito Cuerpo) : IRequest<SolicitudNotaDebitoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/cargos-mora/solicitudes/{id:guid}/resolucion", async Task<Ok<SolicitudNotaDebitoDto>> (Guid id, DatosResolucionNotaDebito body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ResolverSolicitudNotaDebito(id, body), ct)))
        .WithName("ResolverSolicitudNotaDebito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
}

public sealed class ResolverSolicitudNotaDebitoValidator : AbstractValidator<ResolverSolicitudNotaDebito>
{
    public ResolverSolicitudNotaDebitoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Estado).Must(e => e is EstadosSolicitudNotaDebito.Emitida or EstadosSolicitudNotaDebito.Anulada)
                .WithMessage("estado debe ser emitida o anulada.");
            c.RuleFor(x => x.FolioNotaDebito).NotNull().WithMessage("Indique el folio de la nota de débito emitida.")
                .When(x => x.Estado == EstadosSolicitudNotaDebito.Emitida);
            c.RuleFor(x => x.FolioNotaDebito).GreaterThan(0);
            c.RuleFor(x => x.Notas).NotEmpty().WithMessage("Indique el motivo de la anulación.").When(x => x.Estado == EstadosSolicitudNotaDebito.Anulada);
            c.RuleFor(x => x.Notas).MaximumLength(LargosCartera.Notas);
        });
}

public sealed class ResolverSolicitudNotaDebitoHandler(CarteraDbContext db, TimeProvider reloj) : IRequestHandler<ResolverSolicitudNotaDebito, SolicitudNotaDebitoDto>
{
    public async ValueTask<SolicitudNotaDebitoDto> Handle(ResolverSolicitudNotaDebito request, CancellationToken cancellationToken)
    {
        var s = await db.Set<SolicitudNotaDebito>().SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Solicitud de nota de débito", request.Id);
        if (s.Estado != EstadosSolicitudNotaDebito.Pendiente)
            throw new ConflictoException("estado", $"La solicitud ya está {s.Estado}.");
        s.Estado = request.Cuerpo.Estado;
        s.FolioNotaDebito = request.Cuerpo.FolioNotaDebito;
        if (!string.IsNullOrWhiteSpace(request.Cuerpo.Notas))
            s.Notas = request.Cuerpo.Notas.Trim();
        s.Resuelta = reloj.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return SolicitudNotaDebitoDto.De(s, true);
    }
}

/// <summary>
/// The nota de débito a signed convenio needs: its installments bill the late interest (less the waiver) and the financing interest,
/// which no issued document carries, so the ERP is asked to issue one, through the same requests as late charges.
/// </summary>
public static class NotaDebitoConvenio
{
    public static SolicitudNotaDebito? Solicitud(Convenios.Convenio c, DateOnly fecha, string actor, DateTimeOffset ahora)
    {
        var interesMora = c.InteresMora - c.MontoCondonacion;
        var total = interesMora + c.InteresFinanciamiento;
        if (total <= 0)
            return null;
        var cuotas = c.Documentos.OrderBy(x => x.FechaVencimiento).ThenBy(x => x.Folio).Select(x =>
        {
            var interes = x.Interes - x.Condonacion;
            return new CargoCuotaDto(x.DocumentoId, x.Tipo, x.Folio, 1, Monedas.Clp, x.FechaVencimiento, Math.Max(0, c.Fecha.DayNumber - x.FechaVencimiento.DayNumber), x.Saldo,
                x.Saldo, interes, 0, 0, interes, null, []);
        }).ToList();
        var notas = new List<string>
        {
            $"Convenio N° {c.Numero} firmado el {fecha:dd-MM-yyyy}: interés de mora {c.InteresMora:N0} menos condonación {c.MontoCondonacion:N0} = {interesMora:N0}.",
            $"Interés de financiamiento de las cuotas: {c.InteresFinanciamiento:N0}.",
        };
        var detalle = new CargosMoraDto(c.ClienteId, fecha, RegimenesCargo.Empresa, null, 0, null, cuotas, c.SaldoDocumentos, total, 0, 0, total, notas);
        return new SolicitudNotaDebito
        {
            ClienteId = c.ClienteId, ConvenioId = c.Id, Fecha = fecha, Regimen = RegimenesCargo.Empresa, Interes = total, Comision = 0, GastosCobranza = 0, Total = total,
            Detalle = JsonSerializer.Serialize(detalle, JsonSerializerOptions.Web), Estado = EstadosSolicitudNotaDebito.Pendiente,
            Notas = $"Intereses del convenio N° {c.Numero}", SolicitadaPor = actor, Creada = ahora,
        };
    }
}

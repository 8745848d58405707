using System.ComponentModel;
using Cobranzas.Cartera.Documentos;
using Cobranzas.Cartera.Pagos;
using Cobranzas.Cartera.Persistencia;
using Cobranzas.Clientes.Contracts;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Cartera.Castigos;

public sealed record LineaAsientoCastigoDto(string Cuenta, decimal Debe, decimal Haber);

/// <param name="Saldo">In the document's currency (<paramref name="Moneda"/>): what its write-off will be.</param>
/// <param name="Provision">In pesos.</param>
/// <param name="SaldoClp">The balance in pesos at the UF or dólar of the proposal's date: what the total and the entry add up.</param>
public sealed record PropuestaCastigoDocumentoDto(
    Guid DocumentoId, Guid ClienteId, string? RazonSocial, string Tipo, long Folio, DateOnly FechaVencimiento, int DiasVencido, decimal Saldo, decimal Provision, string Motivo,
    string Moneda,
    decimal SaldoClp);

public sealed record PropuestaCastigoDto(
    Guid Id, long Numero, [property: Description("pendiente_aprobacion, castigada, rechazada o anulada.")] string Estado, DateOnly Fecha, string Motivo, string Moneda,
    decimal Total, decimal MontoProvision, decimal MontoGasto,
    [property: Description("El asiento del castigo: debe provisión y gasto por incobrables, haber deudores por venta.")] IReadOnlyList<LineaAsientoCastigoDto> Asiento,
    DateOnly? FechaCastigo, DateTimeOffset? FechaDecision, string? MotivoAnulacion, string CreadaPor, DateTimeOffset Creada,
    IReadOnlyList<PropuestaCastigoDocumentoDto> Documentos,
    [property: Description("La aprobación por niveles en UF (Clientes); null si no se abrió.")] EstadoAprobacionDto? Aprobacion);

public sealed record PropuestaCastigoResumenDto(
    Guid Id, long Numero, string Estado, DateOnly Fecha, string Motivo, int Documentos, decimal Total, decimal MontoProvision, decimal MontoGasto, DateOnly? FechaCastigo,
    string CreadaPor);

public static class AsientoCastigo
{
    public const string CuentaProvision = "Provisión deudores incobrables";
    public const string CuentaGasto = "Gasto por deudores incobrables";
    public const string CuentaDeudores = "Deudores por venta";

    public static IReadOnlyList<LineaAsientoCastigoDto> Lineas(decimal provision, decimal gasto, decimal total) =>
    [
        new(CuentaProvision, provision, 0), new(CuentaGasto, gasto, 0), new(CuentaDeudores, 0, total),
    ];
}

public static class ProyeccionPropuestaCastigo
{
    public static async Task<PropuestaCastigo> CargarAsync(CarteraDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<PropuestaCastigo>().Include(p => p.Documentos).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new NoEncontradoException("Propuesta de castigo", id);

    public static async Task<PropuestaCastigoDto> DeAsync(IMediator mediator, PropuestaCastigo p, CancellationToken ct)
    {
        var nombres = (await mediator.Send(new BuscarClientes(p.Documentos.Select(d => d.ClienteId).Distinct().ToList(), []), ct)).ToDictionary(c => c.Id, c => c.RazonSocial);
        var aprobacion = p.EstadoAprobacion is null ? null : await mediator.Send(new ObtenerAprobacion(TiposAprobacion.Castigo, p.Id), ct);
        return new PropuestaCastigoDto(p.Id, p.Numero, p.Estado, p.Fecha, p.Motivo, Monedas.Clp, p.Total, p.MontoProvision, p.MontoGasto,
            AsientoCastigo.Lineas(p.MontoProvision, p.MontoGasto, p.Total), p.FechaCastigo, p.FechaDecision, p.MotivoAnulacion, p.CreadaPor, p.Creada,
            p.Documentos.OrderBy(d => d.FechaVencimiento).ThenBy(d => d.Folio).Select(d => new PropuestaCastigoDocumentoDto(d.DocumentoId, d.ClienteId,
                nombres.GetValueOrDefault(d.ClienteId), d.Tipo, d.Folio, d.FechaVencimiento, d.DiasVencido, d.Saldo, d.Provision, d.Motivo, d.Moneda, d.SaldoClp)).ToList(),
            aprobacion);
    }
}

public sealed record DatosPropuestaCastigo(List<Guid>? DocumentoIds, string Motivo);

/// <summary>
/// A proposal over candidates (the same rule the candidate list uses), sent at once to approval by its total in UF. A document in UF or
/// dólares keeps its currency and is valued in pesos at the UF or dólar of the proposal's date (the latest loaded up to it).
/// </summary>
public sealed record CrearPropuestaCastigo(DatosPropuestaCastigo Cuerpo) : IRequest<PropuestaCastigoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/castigos/propuestas", async Task<Created<PropuestaCastigoDto>> (DatosPropuestaCastigo body, IMediator m, CancellationToken ct) =>
        {
            var p = await m.Send(new CrearPropuestaCastigo(body), ct);
            return TypedResults.Created($"/api/v1/castigos/propuestas/{p.Id}", p);
        })
        .WithName("CrearPropuestaCastigo").WithTags("Castigos").ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
}

public sealed class CrearPropuestaCastigoValidator : AbstractValidator<CrearPropuestaCastigo>
{
    public CrearPropuestaCastigoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.DocumentoIds).NotNull().WithMessage("documentoIds es obligatorio.")
                .Must(d => d is { Count: >= 1 and <= 500 }).WithMessage("documentoIds lleva de 1 a 500 documentos.")
                .Must(d => d is null || d.Distinct().Count() == d.Count).WithMessage("documentoIds no puede repetir documentos.")
                .Must(d => d is null || d.All(i => i != Guid.Empty)).WithMessage("documentoIds no puede llevar ids vacíos.");
            c.RuleFor(x => x.Motivo).NotEmpty().WithMessage("motivo es obligatorio.").MaximumLength(LargosCastigo.Motivo);
        });
}

public sealed class CrearPropuestaCastigoHandler(CarteraDbContext db, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CrearPropuestaCastigo, PropuestaCastigoDto>
{
    public async ValueTask<PropuestaCastigoDto> Handle(CrearPropuestaCastigo request, CancellationToken cancellationToken)
    {
        var ids = request.Cuerpo.DocumentoIds!;
        var hoy = FechaNegocio.Hoy(reloj);
        var reglas = await CandidatosCastigo.ReglasAsync(db, cancellationToken);
        var candidatos = (await CandidatosCastigo.BuscarAsync(db, mediator, reglas, hoy, null, ids, cancellationToken)).ToDictionary(c => c.DocumentoId);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!candidatos.ContainsKey(ids[i]))
                throw new ReglaNegocioException($"documentoIds[{i}]", "no_candidato",
                    $"El documento '{ids[i]}' no es candidato a castigo: no existe, no está en cartera, no supera {reglas.DiasMinimos} días de vencido"
                    + (reglas.ExigeCierreJudicial ? ", su cobranza judicial no terminó" : "") + " o ya está en otra propuesta pendiente.");
        }

        if (candidatos.Values.FirstOrDefault(c => c.SaldoClp is null) is { } sinValor)
            throw new ReglaNegocioException("fecha", "falta_valor_moneda",
                $"Falta el valor {(sinValor.Moneda == Monedas.Uf ? "UF" : "del dólar observado")} del {hoy:dd-MM-yyyy} o anterior para llevar el documento {sinValor.Tipo} {sinValor.Folio} "
                + $"({sinValor.Moneda}) a pesos; cárguelo en {(sinValor.Moneda == Monedas.Uf ? "/api/v1/valores-uf" : "/api/v1/valores-dolar")}.");

        var total = candidatos.Values.Sum(c => c.SaldoClp!.Value);
        var provision = candidatos.Values.Sum(c => c.Provision!.Value);
        var uf = await db.Database.SqlQuery<decimal?>($"SELECT cartera.ultimo_valor_uf({contexto.EmpresaId}, {hoy}) AS \"Value\"").SingleAsync(cancellationToken)
            ?? throw new ReglaNegocioException("documentoIds", "falta_valor_uf",
                "Falta el valor UF para llevar el total a UF (los niveles de aprobación van en UF); cárguelo en /api/v1/valores-uf.");

        var numero = (await db.Set<PropuestaCastigo>().MaxAsync(p => (long?)p.Numero, cancellationToken) ?? 0) + 1;
        var motivo = request.Cuerpo.Motivo.Trim();
        var id = Guid.CreateVersion7();
        var p = new PropuestaCastigo
        {
            Id = id, Numero = numero, Fecha = hoy, Motivo = motivo, Total = total, MontoProvision = provision, MontoGasto = total - provision,
            CreadaPor = contexto.Actor, Creada = reloj.GetUtcNow(),
            Documentos = candidatos.Values.Select(c => new PropuestaCastigoDocumento
            {
                PropuestaId = id, DocumentoId = c.DocumentoId, ClienteId = c.ClienteId, Tipo = c.Tipo, Folio = c.Folio, FechaVencimiento = c.FechaVencimiento,
                DiasVencido = c.DiasVencido, Saldo = c.Saldo, Moneda = c.Moneda, SaldoClp = c.SaldoClp!.Value, Provision = c.Provision!.Value, Motivo = c.Motivo,
            }).ToList(),
        };
        db.Add(p);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ConflictoException("numero", "Otra propuesta tomó el mismo número al mismo tiempo; vuelva a intentarlo.");
        }

        var montoUf = Math.Round(total / uf, 4, MidpointRounding.AwayFromZero);
        var clientes = p.Documentos.Select(d => d.ClienteId).Distinct().ToList();
        var aprobacion = await mediator.Send(new AbrirAprobacion(TiposAprobacion.Castigo, p.Id, montoUf, clientes.Count == 1 ? clientes[0] : null,
            $"Propuesta de castigo N° {numero}: {p.Documentos.Count} documento(s) por {total:N0} CLP"), cancellationToken);
        p.EstadoAprobacion = aprobacion.Estado;
        await db.SaveChangesAsync(cancellationToken);
        if (aprobacion.Estado == EstadosAprobacion.Aprobada)
            await EjecucionCastigo.AplicarAsync(db, contexto, reloj, p.Id, aprobacion.Estado, cancellationToken);
        return await ProyeccionPropuestaCastigo.DeAsync(mediator, p, cancellationToken);
    }
}

public sealed record ListarPropuestasCastigo(string? Estado) : IRequest<IReadOnlyList<PropuestaCastigoResumenDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/castigos/propuestas", async Task<Ok<IReadOnlyList<PropuestaCastigoResumenDto>>> ([AsParameters] ListarPropuestasCastigo q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarPropuestasCastigo").WithTags("Castigos").ProducesValidationProblem();
}

public sealed class ListarPropuestasCastigoValidator : AbstractValidator<ListarPropuestasCastigo>
{
    public ListarPropuestasCastigoValidator() =>
        RuleFor(x => x.Estado).Must(e => e is null || EstadosPropuestaCastigo.Todos.Contains(e))
            .WithMessage($"estado debe ser uno de: {string.Join(", ", EstadosPropuestaCastigo.Todos)}.");
}

public sealed class ListarPropuestasCastigoHandler(CarteraDbContext db) : IRequestHandler<ListarPropuestasCastigo, IReadOnlyList<PropuestaCastigoResumenDto>>
{
    public async ValueTask<IReadOnlyList<PropuestaCastigoResumenDto>> Handle(ListarPropuestasCastigo request, CancellationToken cancellationToken)
    {
        var q = db.Set<PropuestaCastigo>().AsNoTracking();
        if (request.Estado is { } estado)
            q = q.Where(p => p.Estado == estado);
        return await q.OrderByDescending(p => p.Numero).Take(500)
            .Select(p => new PropuestaCastigoResumenDto(p.Id, p.Numero, p.Estado, p.Fecha, p.Motivo, p.Documentos.Count, p.Total, p.MontoProvision, p.MontoGasto, p.FechaCastigo,
                p.CreadaPor))
            .ToListAsync(cancellationToken);
    }
}

public sealed record ObtenerPropuestaCastigo(Guid Id) : IRequest<PropuestaCastigoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/castigos/propuestas/{id:guid}", async Task<Ok<PropuestaCastigoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerPropuestaCastigo(id), ct)))
        .WithName("ObtenerPropuestaCastigo").WithTags("Castigos").ProducesProblem(404);
}

public sealed class ObtenerPropuestaCastigoHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<ObtenerPropuestaCastigo, PropuestaCastigoDto>
{
    public async ValueTask<PropuestaCastigoDto> Handle(ObtenerPropuestaCastigo request, CancellationToken cancellationToken) =>
        await ProyeccionPropuestaCastigo.DeAsync(mediator, await ProyeccionPropuestaCastigo.CargarAsync(db, request.Id, cancellationToken), cancellationToken);
}

public sealed record DatosDecisionCastigo(bool Aprobar, string? Comentario);

/// <summary>
/// The calling user's decision on the approval levels; when it settles the approval the documents are written off (approved) or the
/// proposal is closed (rejected) by <see cref="AplicarAprobacionCastigo"/>, the same path as a decision taken on the approvals screen.
/// </summary>
public sealed record DecidirPropuestaCastigo(Guid Id, DatosDecisionCastigo Cuerpo) : IRequest<PropuestaCastigoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/castigos/propuestas/{id:guid}/decision", async Task<Ok<PropuestaCastigoDto>> (Guid id, DatosDecisionCastigo body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DecidirPropuestaCastigo(id, body), ct)))
        .WithName("DecidirPropuestaCastigo").WithTags("Castigos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class DecidirPropuestaCastigoValidator : AbstractValidator<DecidirPropuestaCastigo>
{
    public DecidirPropuestaCastigoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Comentario).MaximumLength(LargosCastigo.Motivo);
            c.RuleFor(x => x.Comentario).NotEmpty().When(x => !x.Aprobar).WithMessage("comentario es obligatorio al rechazar.");
        });
}

public sealed class DecidirPropuestaCastigoHandler(CarteraDbContext db, IMediator mediator) : IRequestHandler<DecidirPropuestaCastigo, PropuestaCastigoDto>
{
    public async ValueTask<PropuestaCastigoDto> Handle(DecidirPropuestaCastigo request, CancellationToken cancellationToken)
    {
        var p = await ProyeccionPropuestaCastigo.CargarAsync(db, request.Id, cancellationToken);
        if (p.Estado != EstadosPropuestaCastigo.PendienteAprobacion)
            throw new ReglaNegocioException("estado", "no_pendiente", $"La propuesta no espera aprobación (está {p.Estado}).");
        await mediator.Send(new DecidirAprobacion(TiposAprobacion.Castigo, p.Id, request.Cuerpo.Aprobar, request.Cuerpo.Comentario), cancellationToken);
        db.ChangeTracker.Clear();
        p = await ProyeccionPropuestaCastigo.CargarAsync(db, request.Id, cancellationToken);
        return await ProyeccionPropuestaCastigo.DeAsync(mediator, p, cancellationToken);
    }
}

public sealed record DatosAnulacionCastigo(string Motivo);

public sealed record AnularPropuestaCastigo(Guid Id, DatosAnulacionCastigo Cuerpo) : IRequest<PropuestaCastigoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/castigos/propuestas/{id:guid}/anular", async Task<Ok<PropuestaCastigoDto>> (Guid id, DatosAnulacionCastigo body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AnularPropuestaCastigo(id, body), ct)))
        .WithName("AnularPropuestaCastigo").WithTags("Castigos").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class AnularPropuestaCastigoValidator : AbstractValidator<AnularPropuestaCastigo>
{
    public AnularPropuestaCastigoValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosCastigo.Motivo).WithMessage("motivo es obligatorio (hasta 500 caracteres)."));
}

/// <summary>Nothing was written off while pending: annulling only closes the proposal and frees its documents for another.</summary>
public sealed class AnularPropuestaCastigoHandler(CarteraDbContext db, IMediator mediator, TimeProvider reloj) : IRequestHandler<AnularPropuestaCastigo, PropuestaCastigoDto>
{
    public async ValueTask<PropuestaCastigoDto> Handle(AnularPropuestaCastigo request, CancellationToken cancellationToken)
    {
        var p = await ProyeccionPropuestaCastigo.CargarAsync(db, request.Id, cancellationToken);
        if (p.Estado != EstadosPropuestaCastigo.PendienteAprobacion)
            throw new ReglaNegocioException("estado", "no_anulable", $"Solo se anula una propuesta pendiente de aprobación (está {p.Estado}).");
        p.Estado = EstadosPropuestaCastigo.Anulada;
        p.MotivoAnulacion = request.Cuerpo.Motivo.Trim();
        p.FechaDecision = reloj.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return await ProyeccionPropuestaCastigo.DeAsync(mediator, p, cancellationToken);
    }
}

/// <summary>An approval of a castigo proposal decided anywhere (here or on the approvals screen) writes the documents off, or closes it.</summary>
public sealed class AplicarAprobacionCastigo(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : INotificationHandler<AprobacionResuelta>
{
    public async ValueTask Handle(AprobacionResuelta notification, CancellationToken cancellationToken)
    {
        if (notification.Tipo != TiposAprobacion.Castigo)
            return;
        await EjecucionCastigo.AplicarAsync(db, contexto, reloj, notification.SujetoId, notification.Estado, cancellationToken);
    }
}

public static class EjecucionCastigo
{
    /// <summary>
    /// On approval every document is written off today by the write-off rule, provided its balance is still the one proposed; a changed
    /// document refuses the whole approval (the approver's decision is not recorded either), so no proposal is written off in part.
    /// </summary>
    public static async Task AplicarAsync(CarteraDbContext db, IContextoSolicitud contexto, TimeProvider reloj, Guid propuestaId, string estado, CancellationToken ct)
    {
        var clientes = await db.Set<PropuestaCastigoDocumento>().Where(d => d.PropuestaId == propuestaId).Select(d => d.ClienteId).Distinct().ToListAsync(ct);
        await using var tx = await BloqueoCliente.TomarAsync(db, clientes, ct);
        var p = await db.Set<PropuestaCastigo>().Include(x => x.Documentos).SingleOrDefaultAsync(x => x.Id == propuestaId, ct);
        if (p is null || p.Estado != EstadosPropuestaCastigo.PendienteAprobacion)
            return;
        p.EstadoAprobacion = estado;
        p.FechaDecision = reloj.GetUtcNow();
        if (estado == EstadosAprobacion.Rechazada)
        {
            p.Estado = EstadosPropuestaCastigo.Rechazada;
        }
        else
        {
            var hoy = FechaNegocio.Hoy(reloj);
            var ids = p.Documentos.Select(d => d.DocumentoId).ToList();
            var documentos = await db.Documentos.Include(d => d.Cuotas).Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
            foreach (var linea in p.Documentos.OrderBy(d => d.FechaVencimiento).ThenBy(d => d.Folio))
            {
                var d = documentos[linea.DocumentoId];
                if (d.Saldo != linea.Saldo || ReglaCastigo.Impedimento(d, hoy, hoy) is not null)
                    throw new ReglaNegocioException("documentos", "documento_cambio",
                        $"El documento {d.Tipo} {d.Folio} cambió desde la propuesta (saldo propuesto {linea.Saldo:#,0.####} {d.Moneda}, hoy {d.Saldo:#,0.####}); anule la propuesta y haga una nueva.");
                ReglaCastigo.Castigar(d, hoy, $"Propuesta de castigo N° {p.Numero}: {p.Motivo}", contexto.Actor, hoy, "documentos");
            }

            p.Estado = EstadosPropuestaCastigo.Castigada;
            p.FechaCastigo = hoy;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}

using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Aprobaciones;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Clientes.Credito;

public sealed record DatosFinancierosDto(decimal? VentasAnuales, decimal? Patrimonio, decimal? DeudaFinanciera, decimal? UtilidadNeta);

/// <param name="Fuente">manual (entered by the analyst) or the bureau whose file it was read from.</param>
/// <param name="Score">The bureau's score (0 to 999).</param>
public sealed record InformeComercialDto(string Fuente, int? Score, int Protestos, int Morosidades, int DicomCantidad, decimal DicomMonto, DateOnly Fecha);

public sealed record SolicitudCreditoResumenDto(
    Guid Id, Guid ClienteId, decimal LimiteSolicitado, string Moneda, int PlazoDias, int VigenciaMeses, decimal? LimiteAnterior, string? MonedaLimiteAnterior,
    string Estado, decimal? MontoUf, DateOnly? VigenteHasta, string CreadaPor, DateTimeOffset Creada, DateTimeOffset? Resuelta);

/// <param name="Tipo">nueva (the client had no limit of its own) or aumento.</param>
/// <param name="GarantiaFaltante">The guarantee the client's segment requires that is not on file (it blocks the approval); null if none is missing.</param>
public sealed record SolicitudCreditoDto(
    Guid Id, Guid ClienteId, string Tipo, decimal LimiteSolicitado, string Moneda, int PlazoDias, int VigenciaMeses, string? ReferenciasComerciales,
    DatosFinancierosDto? Financieros, InformeComercialDto? Informe, decimal? LimiteAnterior, string? MonedaLimiteAnterior, string Estado, decimal? MontoUf,
    DateOnly? VigenteHasta, string CreadaPor, DateTimeOffset Creada, DateTimeOffset? Resuelta, ScoreCreditoDto Score, EstadoAprobacionDto? Aprobacion,
    string? GarantiaFaltante);

public sealed record DatosSolicitudCredito(
    decimal LimiteSolicitado, string Moneda, int PlazoDias, int? VigenciaMeses, string? ReferenciasComerciales, DatosFinancierosDto? Financieros);

public sealed class ReglasDatosSolicitud : AbstractValidator<DatosSolicitudCredito>
{
    public ReglasDatosSolicitud()
    {
        RuleFor(x => x.LimiteSolicitado).GreaterThan(0).LessThan(Montos.Maximo);
        RuleFor(x => x.Moneda).NotEmpty().Must(m => Monedas.DeLimite.Contains(m)).WithMessage("Moneda debe ser CLP o UF.");
        RuleFor(x => x.PlazoDias).InclusiveBetween(0, 3650);
        RuleFor(x => x.VigenciaMeses).InclusiveBetween(1, 60);
        RuleFor(x => x.ReferenciasComerciales).MaximumLength(LargosCredito.Referencias);
        RuleFor(x => x.Financieros!.VentasAnuales).GreaterThanOrEqualTo(0).LessThan(Montos.Maximo).When(x => x.Financieros is not null);
        RuleFor(x => x.Financieros!.Patrimonio).GreaterThan(-Montos.Maximo).LessThan(Montos.Maximo).When(x => x.Financieros is not null);
        RuleFor(x => x.Financieros!.DeudaFinanciera).GreaterThanOrEqualTo(0).LessThan(Montos.Maximo).When(x => x.Financieros is not null);
        RuleFor(x => x.Financieros!.UtilidadNeta).GreaterThan(-Montos.Maximo).LessThan(Montos.Maximo).When(x => x.Financieros is not null);
    }
}

public static class VistaSolicitud
{
    public static SolicitudCreditoResumenDto Resumen(SolicitudCredito s) => new(
        s.Id, s.ClienteId, s.LimiteSolicitado, s.Moneda, s.PlazoDias, s.VigenciaMeses, s.LimiteAnterior, s.MonedaLimiteAnterior, s.Estado, s.MontoUf, s.VigenteHasta,
        s.CreadaPor, s.Creada, s.Resuelta);

    public static async Task<SolicitudCreditoDto> DetalleAsync(ClientesDbContext db, ISender mediator, TimeProvider reloj, SolicitudCredito s, CancellationToken ct)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var (entradas, _) = await ScoreCredito.EntradasAsync(mediator, s, hoy, ct);
        var score = ScoreCredito.Calcular(entradas, await ScoreCredito.PonderacionesAsync(db, ct));
        var aprobacion = await ReglasAprobacion.ActualAsync(db, TiposAprobacion.Credito, s.Id, ct);
        var faltante = s.Estado is EstadosSolicitudCredito.Aprobada or EstadosSolicitudCredito.Rechazada ? null
            : await Documentacion.ReglasDocumentacion.GarantiaFaltanteAsync(db, s.ClienteId, hoy, ct);
        var f = s.Financieros;
        var i = s.Informe;
        return new(
            s.Id, s.ClienteId, s.LimiteAnterior is null ? "nueva" : "aumento", s.LimiteSolicitado, s.Moneda, s.PlazoDias, s.VigenciaMeses, s.ReferenciasComerciales,
            f is null ? null : new(f.VentasAnuales, f.Patrimonio, f.DeudaFinanciera, f.UtilidadNeta),
            i is null ? null : new(i.Fuente, i.Score, i.Protestos, i.Morosidades, i.DicomCantidad, i.DicomMonto, i.Fecha),
            s.LimiteAnterior, s.MonedaLimiteAnterior, s.Estado, s.MontoUf, s.VigenteHasta, s.CreadaPor, s.Creada, s.Resuelta, score,
            aprobacion is null ? null : ReglasAprobacion.ADto(aprobacion),
            faltante is null ? null : Documentacion.TiposDocumentacion.Nombre(faltante));
    }

    public static async Task<SolicitudCredito> CargarAsync(ClientesDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<SolicitudCredito>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NoEncontradoException("Solicitud de crédito", id);

    public static void EnBorrador(SolicitudCredito s)
    {
        if (s.Estado != EstadosSolicitudCredito.Borrador)
            throw new ReglaNegocioException("estado", "no_editable", $"La solicitud está {s.Estado}; sólo un borrador se puede modificar.");
    }
}

public sealed record ListarSolicitudesCredito(Guid? ClienteId, string? Estado) : IRequest<IReadOnlyList<SolicitudCreditoResumenDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/credito/solicitudes", async Task<Ok<IReadOnlyList<SolicitudCreditoResumenDto>>> ([AsParameters] ListarSolicitudesCredito q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarSolicitudesCredito").WithTags("Crédito").ProducesValidationProblem();
}

public sealed class ListarSolicitudesCreditoValidator : AbstractValidator<ListarSolicitudesCredito>
{
    public ListarSolicitudesCreditoValidator() => RuleFor(x => x.Estado).MaximumLength(20);
}

public sealed class ListarSolicitudesCreditoHandler(ClientesDbContext db) : IRequestHandler<ListarSolicitudesCredito, IReadOnlyList<SolicitudCreditoResumenDto>>
{
    public async ValueTask<IReadOnlyList<SolicitudCreditoResumenDto>> Handle(ListarSolicitudesCredito request, CancellationToken cancellationToken)
    {
        var q = db.Set<SolicitudCredito>().AsNoTracking();
        if (request.ClienteId is { } c)
            q = q.Where(s => s.ClienteId == c);
        if (!string.IsNullOrEmpty(request.Estado))
            q = q.Where(s => s.Estado == request.Estado);
        return (await q.OrderByDescending(s => s.Creada).Take(500).ToListAsync(cancellationToken)).Select(VistaSolicitud.Resumen).ToList();
    }
}

public sealed record ObtenerSolicitudCredito(Guid Id) : IRequest<SolicitudCreditoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/credito/solicitudes/{id:guid}", async Task<Ok<SolicitudCreditoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerSolicitudCredito(id), ct)))
        .WithName("ObtenerSolicitudCredito").WithTags("Crédito").ProducesProblem(404);
}

public sealed class ObtenerSolicitudCreditoHandler(ClientesDbContext db, ISender mediator, TimeProvider reloj) : IRequestHandler<ObtenerSolicitudCredito, SolicitudCreditoDto>
{
    public async ValueTask<SolicitudCreditoDto> Handle(ObtenerSolicitudCredito request, CancellationToken cancellationToken) =>
        await VistaSolicitud.DetalleAsync(db, mediator, reloj, await VistaSolicitud.CargarAsync(db, request.Id, cancellationToken), cancellationToken);
}

public sealed record DatosNuevaSolicitudCredito(
    Guid ClienteId, decimal LimiteSolicitado, string Moneda, int PlazoDias, int? VigenciaMeses, string? ReferenciasComerciales, DatosFinancierosDto? Financieros);

public sealed record CrearSolicitudCredito(DatosNuevaSolicitudCredito Cuerpo) : IRequest<SolicitudCreditoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/credito/solicitudes", async Task<Created<SolicitudCreditoDto>> (DatosNuevaSolicitudCredito body, IMediator m, CancellationToken ct) =>
        {
            var s = await m.Send(new CrearSolicitudCredito(body), ct);
            return TypedResults.Created($"/api/v1/credito/solicitudes/{s.Id}", s);
        })
        .WithName("CrearSolicitudCredito").WithTags("Crédito").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class CrearSolicitudCreditoValidator : AbstractValidator<CrearSolicitudCredito>
{
    public CrearSolicitudCreditoValidator()
    {
        RuleFor(x => x.Cuerpo).NotNull();
        RuleFor(x => x.Cuerpo.ClienteId).NotEmpty();
        RuleFor(x => new DatosSolicitudCredito(x.Cuerpo.LimiteSolicitado, x.Cuerpo.Moneda, x.Cuerpo.PlazoDias, x.Cuerpo.VigenciaMeses, x.Cuerpo.ReferenciasComerciales, x.Cuerpo.Financieros))
            .SetValidator(new ReglasDatosSolicitud()).OverridePropertyName("Cuerpo").When(x => x.Cuerpo is not null);
    }
}

public sealed class CrearSolicitudCreditoHandler(ClientesDbContext db, ISender mediator, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<CrearSolicitudCredito, SolicitudCreditoDto>
{
    public async ValueTask<SolicitudCreditoDto> Handle(CrearSolicitudCredito request, CancellationToken cancellationToken)
    {
        var d = request.Cuerpo;
        var cliente = await db.Clientes.AsNoTracking().SingleOrDefaultAsync(c => c.Id == d.ClienteId, cancellationToken)
            ?? throw new NoEncontradoException("Cliente", d.ClienteId);
        var s = new SolicitudCredito
        {
            ClienteId = cliente.Id, Moneda = d.Moneda, LimiteAnterior = cliente.Condiciones?.LimiteCredito, MonedaLimiteAnterior = cliente.Condiciones?.MonedaLimite,
            CreadaPor = contexto.Actor, Creada = reloj.GetUtcNow(),
        };
        ActualizarSolicitudCreditoHandler.Aplicar(s, new(d.LimiteSolicitado, d.Moneda, d.PlazoDias, d.VigenciaMeses, d.ReferenciasComerciales, d.Financieros));
        db.Add(s);
        await db.SaveChangesAsync(cancellationToken);
        return await VistaSolicitud.DetalleAsync(db, mediator, reloj, s, cancellationToken);
    }
}

public sealed record ActualizarSolicitudCredito(Guid Id, DatosSolicitudCredito Cuerpo) : IRequest<SolicitudCreditoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/credito/solicitudes/{id:guid}", async Task<Ok<SolicitudCreditoDto>> (Guid id, DatosSolicitudCredito body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarSolicitudCredito(id, body), ct)))
        .WithName("ActualizarSolicitudCredito").WithTags("Crédito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ActualizarSolicitudCreditoValidator : AbstractValidator<ActualizarSolicitudCredito>
{
    public ActualizarSolicitudCreditoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasDatosSolicitud());
}

public sealed class ActualizarSolicitudCreditoHandler(ClientesDbContext db, ISender mediator, TimeProvider reloj) : IRequestHandler<ActualizarSolicitudCredito, SolicitudCreditoDto>
{
    public async ValueTask<SolicitudCreditoDto> Handle(ActualizarSolicitudCredito request, CancellationToken cancellationToken)
    {
        var s = await VistaSolicitud.CargarAsync(db, request.Id, cancellationToken);
        VistaSolicitud.EnBorrador(s);
        Aplicar(s, request.Cuerpo);
        await db.SaveChangesAsync(cancellationToken);
        return await VistaSolicitud.DetalleAsync(db, mediator, reloj, s, cancellationToken);
    }

    public static void Aplicar(SolicitudCredito s, DatosSolicitudCredito d)
    {
        s.LimiteSolicitado = d.LimiteSolicitado;
        s.Moneda = d.Moneda;
        s.PlazoDias = d.PlazoDias;
        s.VigenciaMeses = d.VigenciaMeses ?? 12;
        s.ReferenciasComerciales = string.IsNullOrWhiteSpace(d.ReferenciasComerciales) ? null : d.ReferenciasComerciales.Trim();
        s.Financieros = d.Financieros is not { } f || (f.VentasAnuales is null && f.Patrimonio is null && f.DeudaFinanciera is null && f.UtilidadNeta is null) ? null
            : new DatosFinancieros { VentasAnuales = f.VentasAnuales, Patrimonio = f.Patrimonio, DeudaFinanciera = f.DeudaFinanciera, UtilidadNeta = f.UtilidadNeta };
    }
}

/// <summary>The bureau report's fields as the analyst enters them (fuente <c>manual</c>).</summary>
public sealed record GuardarInformeComercial(Guid Id, InformeComercialDto Cuerpo) : IRequest<SolicitudCreditoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPut("/credito/solicitudes/{id:guid}/informe-comercial", async Task<Ok<SolicitudCreditoDto>> (Guid id, InformeComercialDto body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new GuardarInformeComercial(id, body), ct)))
        .WithName("GuardarInformeComercial").WithTags("Crédito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ReglasInforme : AbstractValidator<InformeComercialDto>
{
    public ReglasInforme()
    {
        RuleFor(x => x.Fuente).NotEmpty().MaximumLength(30);
        RuleFor(x => x.Score).InclusiveBetween(0, 999);
        RuleFor(x => x.Protestos).InclusiveBetween(0, 10_000);
        RuleFor(x => x.Morosidades).InclusiveBetween(0, 10_000);
        RuleFor(x => x.DicomCantidad).InclusiveBetween(0, 10_000);
        RuleFor(x => x.DicomMonto).GreaterThanOrEqualTo(0).LessThan(Montos.Maximo);
        RuleFor(x => x.Fecha).InclusiveBetween(new DateOnly(1990, 1, 1), new DateOnly(2200, 12, 31));
    }
}

public sealed class GuardarInformeComercialValidator : AbstractValidator<GuardarInformeComercial>
{
    public GuardarInformeComercialValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasInforme());
}

public sealed class GuardarInformeComercialHandler(ClientesDbContext db, ISender mediator, TimeProvider reloj) : IRequestHandler<GuardarInformeComercial, SolicitudCreditoDto>
{
    public async ValueTask<SolicitudCreditoDto> Handle(GuardarInformeComercial request, CancellationToken cancellationToken)
    {
        var s = await VistaSolicitud.CargarAsync(db, request.Id, cancellationToken);
        VistaSolicitud.EnBorrador(s);
        var i = request.Cuerpo;
        s.Informe = new InformeComercial
        {
            Fuente = i.Fuente.Trim(), Score = i.Score, Protestos = i.Protestos, Morosidades = i.Morosidades, DicomCantidad = i.DicomCantidad, DicomMonto = i.DicomMonto, Fecha = i.Fecha,
        };
        await db.SaveChangesAsync(cancellationToken);
        return await VistaSolicitud.DetalleAsync(db, mediator, reloj, s, cancellationToken);
    }
}

/// <summary>
/// Sends the request to approval: its amount in UF (a line in pesos at today's UF) picks the level. The segment's required
/// guarantee must be on file already.
/// </summary>
public sealed record EnviarSolicitudCredito(Guid Id) : IRequest<SolicitudCreditoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/credito/solicitudes/{id:guid}/enviar", async Task<Ok<SolicitudCreditoDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new EnviarSolicitudCredito(id), ct)))
        .WithName("EnviarSolicitudCredito").WithTags("Crédito").ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class EnviarSolicitudCreditoHandler(ClientesDbContext db, ISender mediator, TimeProvider reloj) : IRequestHandler<EnviarSolicitudCredito, SolicitudCreditoDto>
{
    public async ValueTask<SolicitudCreditoDto> Handle(EnviarSolicitudCredito request, CancellationToken cancellationToken)
    {
        var s = await VistaSolicitud.CargarAsync(db, request.Id, cancellationToken);
        VistaSolicitud.EnBorrador(s);
        var montoUf = s.Moneda == Monedas.Uf ? s.LimiteSolicitado
            : await mediator.Send(new ObtenerValorUfHoy(), cancellationToken) is { } uf and > 0 ? Math.Round(s.LimiteSolicitado / uf, 4)
            : throw new ReglaNegocioException("moneda", "sin_valor_uf", "No hay valor UF cargado para convertir la línea en pesos; cárguelo o pida la línea en UF.");
        await GarantiaCredito.ExigirAsync(db, s.ClienteId, FechaNegocio.Hoy(reloj), cancellationToken);
        var cliente = await db.Clientes.AsNoTracking().Where(c => c.Id == s.ClienteId).Select(c => c.RazonSocial).SingleAsync(cancellationToken);
        s.MontoUf = montoUf;
        s.Estado = EstadosSolicitudCredito.EnAprobacion;
        await db.SaveChangesAsync(cancellationToken);
        await ReglasAprobacion.AbrirAsync(db, reloj, new AbrirAprobacion(
            TiposAprobacion.Credito, s.Id, montoUf, s.ClienteId, $"Línea de crédito {cliente}: {s.LimiteSolicitado:0.####} {s.Moneda}"), cancellationToken);
        return await VistaSolicitud.DetalleAsync(db, mediator, reloj, s, cancellationToken);
    }
}

/// <summary>The calling user approves or rejects the request at its level (see <see cref="ReglasAprobacion"/>).</summary>
public sealed record DecidirSolicitudCredito(Guid Id, DatosDecision Cuerpo) : IRequest<SolicitudCreditoDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/credito/solicitudes/{id:guid}/decision", async Task<Ok<SolicitudCreditoDto>> (Guid id, DatosDecision body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DecidirSolicitudCredito(id, body), ct)))
        .WithName("DecidirSolicitudCredito").WithTags("Crédito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class DecidirSolicitudCreditoValidator : AbstractValidator<DecidirSolicitudCredito>
{
    public DecidirSolicitudCreditoValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasDecision());
}

public sealed class DecidirSolicitudCreditoHandler(ClientesDbContext db, ISender mediator, IContextoSolicitud contexto, TimeProvider reloj, IPublisher publicador)
    : IRequestHandler<DecidirSolicitudCredito, SolicitudCreditoDto>
{
    public async ValueTask<SolicitudCreditoDto> Handle(DecidirSolicitudCredito request, CancellationToken cancellationToken)
    {
        var id = await ReglasAprobacion.ActualIdAsync(db, TiposAprobacion.Credito, request.Id, cancellationToken);
        if (id is null)
        {
            var sinEnviar = await VistaSolicitud.CargarAsync(db, request.Id, cancellationToken);
            throw new ReglaNegocioException("aprueba", "sin_aprobacion", $"La solicitud está {sinEnviar.Estado}; no fue enviada a aprobación.");
        }

        var (tx, a) = await ReglasAprobacion.BloquearAsync(db, id.Value, cancellationToken);
        await using (tx)
        {
            // Loaded under the lock: the request is in the state the approver ahead of this one left it.
            var s = await VistaSolicitud.CargarAsync(db, request.Id, cancellationToken);
            await ReglasAprobacion.DecidirAsync(db, contexto, reloj, publicador, a!, request.Cuerpo.Aprueba, request.Cuerpo.Comentario, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return await VistaSolicitud.DetalleAsync(db, mediator, reloj, s, cancellationToken);
        }
    }
}

public static class GarantiaCredito
{
    /// <summary>422 naming the guarantee the client's segment requires when it is not on file (or lapsed).</summary>
    public static async Task ExigirAsync(ClientesDbContext db, Guid clienteId, DateOnly hoy, CancellationToken ct)
    {
        if (await Documentacion.ReglasDocumentacion.GarantiaFaltanteAsync(db, clienteId, hoy, ct) is { } falta)
        {
            throw new ReglaNegocioException("garantia", "garantia_faltante",
                $"Falta la garantía que exige el segmento del cliente: {Documentacion.TiposDocumentacion.Nombre(falta)} vigente en su documentación.");
        }
    }
}

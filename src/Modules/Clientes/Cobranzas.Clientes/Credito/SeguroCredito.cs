using Cobranzas.Cartera.Contracts;
using Cobranzas.Clientes.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cobranzas.Clientes.Credito;

/// <summary>A credit insurance policy (seguro de crédito) the company holds with an insurer.</summary>
public sealed class PolizaSeguro : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public required string Aseguradora { get; set; }
    public required string NumeroPoliza { get; set; }
    public DateOnly VigenciaDesde { get; set; }
    public DateOnly VigenciaHasta { get; set; }

    /// <summary>Percent of an insured loss the insurer pays.</summary>
    public decimal PorcentajeCobertura { get; set; }

    /// <summary>Days after a document's due date within which an unpaid document must be reported to the insurer (plazo para denunciar siniestro).</summary>
    public int DiasDenuncia { get; set; }

    public DateTimeOffset Creada { get; init; }

    /// <summary>Ended before its term (cancelled, not renewed): its validity then ends that day; the policy stays for its history.</summary>
    public DateOnly? FechaTermino { get; set; }

    public string? MotivoTermino { get; set; }
}

/// <summary>A client covered by a policy up to an insured limit in pesos; a client is insured under one policy at a time.</summary>
public sealed class ClienteAsegurado : IEntidadDeEmpresa
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EmpresaId { get; set; }
    public Guid ClienteId { get; init; }
    public Guid PolizaId { get; set; }
    public decimal LimiteAsegurado { get; set; }
}

public static class LargosSeguro
{
    public const int Aseguradora = 120;
    public const int NumeroPoliza = 60;
    public const int Motivo = 500;
}

public sealed class PolizaSeguroConfiguracion : IEntityTypeConfiguration<PolizaSeguro>
{
    public void Configure(EntityTypeBuilder<PolizaSeguro> e)
    {
        e.ToTable("polizas_seguro");
        e.HasIndex(x => new { x.EmpresaId, x.Aseguradora, x.NumeroPoliza }).IsUnique();
        e.Property(x => x.Aseguradora).HasMaxLength(LargosSeguro.Aseguradora);
        e.Property(x => x.NumeroPoliza).HasMaxLength(LargosSeguro.NumeroPoliza);
        e.Property(x => x.PorcentajeCobertura).HasPrecision(5, 2);
        e.Property(x => x.MotivoTermino).HasMaxLength(LargosSeguro.Motivo);
    }
}

public sealed class ClienteAseguradoConfiguracion : IEntityTypeConfiguration<ClienteAsegurado>
{
    public void Configure(EntityTypeBuilder<ClienteAsegurado> e)
    {
        e.ToTable("clientes_asegurados");
        e.HasIndex(x => new { x.EmpresaId, x.ClienteId }).IsUnique();
        e.HasIndex(x => new { x.EmpresaId, x.PolizaId });
        e.HasOne<Cliente>().WithMany().HasForeignKey(x => x.ClienteId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<PolizaSeguro>().WithMany().HasForeignKey(x => x.PolizaId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.LimiteAsegurado).HasPrecision(18, 0);
    }
}

/// <param name="PorcentajeCobertura">Percent of an insured loss the insurer pays.</param>
/// <param name="DiasDenuncia">Days after the due date to report an unpaid document to the insurer.</param>
public sealed record DatosPoliza(string Aseguradora, string NumeroPoliza, DateOnly VigenciaDesde, DateOnly VigenciaHasta, decimal PorcentajeCobertura, int DiasDenuncia);

/// <param name="Vigente">Today falls within its validity.</param>
/// <param name="LimiteAseguradoTotal">Sum of its clients' insured limits, in pesos.</param>
/// <param name="FechaTermino">The day it was ended before its term (its vigenciaHasta is then that day).</param>
public sealed record PolizaDto(
    Guid Id, string Aseguradora, string NumeroPoliza, DateOnly VigenciaDesde, DateOnly VigenciaHasta, decimal PorcentajeCobertura, int DiasDenuncia, bool Vigente,
    int ClientesAsegurados, decimal LimiteAseguradoTotal, DateOnly? FechaTermino, string? MotivoTermino);

public sealed class ReglasPoliza : AbstractValidator<DatosPoliza>
{
    public ReglasPoliza()
    {
        RuleFor(x => x.Aseguradora).NotEmpty().MaximumLength(LargosSeguro.Aseguradora);
        RuleFor(x => x.NumeroPoliza).NotEmpty().MaximumLength(LargosSeguro.NumeroPoliza);
        RuleFor(x => x.VigenciaDesde).InclusiveBetween(new DateOnly(1990, 1, 1), new DateOnly(2200, 12, 31));
        RuleFor(x => x.VigenciaHasta).InclusiveBetween(new DateOnly(1990, 1, 1), new DateOnly(2200, 12, 31))
            .GreaterThanOrEqualTo(x => x.VigenciaDesde).WithErrorCode("fecha_orden").WithMessage("La vigencia hasta no puede ser anterior a la vigencia desde.");
        RuleFor(x => x.PorcentajeCobertura).GreaterThan(0).LessThanOrEqualTo(100);
        RuleFor(x => x.DiasDenuncia).InclusiveBetween(1, 3650);
    }
}

public static class VistaSeguro
{
    public static bool Vigente(PolizaSeguro p, DateOnly hoy) => p.VigenciaDesde <= hoy && hoy <= p.VigenciaHasta;

    public static async Task<PolizaDto> DtoAsync(ClientesDbContext db, PolizaSeguro p, DateOnly hoy, CancellationToken ct)
    {
        var asegurados = await db.Set<ClienteAsegurado>().AsNoTracking().Where(a => a.PolizaId == p.Id).Select(a => a.LimiteAsegurado).ToListAsync(ct);
        return ADto(p, hoy, asegurados.Count, asegurados.Sum());
    }

    public static PolizaDto ADto(PolizaSeguro p, DateOnly hoy, int clientes, decimal total) =>
        new(p.Id, p.Aseguradora, p.NumeroPoliza, p.VigenciaDesde, p.VigenciaHasta, p.PorcentajeCobertura, p.DiasDenuncia, Vigente(p, hoy), clientes, total,
            p.FechaTermino, p.MotivoTermino);

    public static void Aplicar(PolizaSeguro p, DatosPoliza d)
    {
        p.Aseguradora = d.Aseguradora.Trim();
        p.NumeroPoliza = d.NumeroPoliza.Trim();
        p.VigenciaDesde = d.VigenciaDesde;
        p.VigenciaHasta = d.VigenciaHasta;
        p.PorcentajeCobertura = d.PorcentajeCobertura;
        p.DiasDenuncia = d.DiasDenuncia;
    }

    public static async Task SinRepetirAsync(ClientesDbContext db, DatosPoliza d, Guid? propia, CancellationToken ct)
    {
        var aseguradora = d.Aseguradora.Trim();
        var numero = d.NumeroPoliza.Trim();
        if (await db.Set<PolizaSeguro>().AnyAsync(p => p.Aseguradora == aseguradora && p.NumeroPoliza == numero && p.Id != propia, ct))
            throw new ConflictoException("numeroPoliza", $"Ya existe la póliza {numero} de {aseguradora}.");
    }
}

public sealed record ListarPolizasSeguro : IRequest<IReadOnlyList<PolizaDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/credito/seguros/polizas", async Task<Ok<IReadOnlyList<PolizaDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarPolizasSeguro(), ct)))
        .WithName("ListarPolizasSeguro").WithTags("Crédito");
}

public sealed class ListarPolizasSeguroHandler(ClientesDbContext db, TimeProvider reloj) : IRequestHandler<ListarPolizasSeguro, IReadOnlyList<PolizaDto>>
{
    public async ValueTask<IReadOnlyList<PolizaDto>> Handle(ListarPolizasSeguro request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var polizas = await db.Set<PolizaSeguro>().AsNoTracking().OrderByDescending(p => p.VigenciaHasta).ThenBy(p => p.Aseguradora).Take(500).ToListAsync(cancellationToken);
        var ids = polizas.Select(p => p.Id).ToList();
        var totales = await db.Set<ClienteAsegurado>().AsNoTracking().Where(a => ids.Contains(a.PolizaId))
            .GroupBy(a => a.PolizaId).Select(g => new { g.Key, Clientes = g.Count(), Total = g.Sum(a => a.LimiteAsegurado) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        return polizas.Select(p => totales.TryGetValue(p.Id, out var t) ? VistaSeguro.ADto(p, hoy, t.Clientes, t.Total) : VistaSeguro.ADto(p, hoy, 0, 0)).ToList();
    }
}

public sealed record CrearPolizaSeguro(DatosPoliza Cuerpo) : IRequest<PolizaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/credito/seguros/polizas", async Task<Created<PolizaDto>> (DatosPoliza body, IMediator m, CancellationToken ct) =>
        {
            var p = await m.Send(new CrearPolizaSeguro(body), ct);
            return TypedResults.Created($"/api/v1/credito/seguros/polizas/{p.Id}", p);
        })
        .WithName("CrearPolizaSeguro").WithTags("Crédito").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class CrearPolizaSeguroValidator : AbstractValidator<CrearPolizaSeguro>
{
    public CrearPolizaSeguroValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasPoliza());
}

public sealed class CrearPolizaSeguroHandler(ClientesDbContext db, TimeProvider reloj) : IRequestHandler<CrearPolizaSeguro, PolizaDto>
{
    public async ValueTask<PolizaDto> Handle(CrearPolizaSeguro request, CancellationToken cancellationToken)
    {
        await VistaSeguro.SinRepetirAsync(db, request.Cuerpo, null, cancellationToken);
        var p = new PolizaSeguro { Aseguradora = "", NumeroPoliza = "", Creada = reloj.GetUtcNow() };
        VistaSeguro.Aplicar(p, request.Cuerpo);
        db.Add(p);
        await db.SaveChangesAsync(cancellationToken);
        return VistaSeguro.ADto(p, FechaNegocio.Hoy(reloj), 0, 0);
    }
}

public sealed record ActualizarPolizaSeguro(Guid Id, DatosPoliza Cuerpo) : IRequest<PolizaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/credito/seguros/polizas/{id:guid}", async Task<Ok<PolizaDto>> (Guid id, DatosPoliza body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarPolizaSeguro(id, body), ct)))
        .WithName("ActualizarPolizaSeguro").WithTags("Crédito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ActualizarPolizaSeguroValidator : AbstractValidator<ActualizarPolizaSeguro>
{
    public ActualizarPolizaSeguroValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new ReglasPoliza());
}

public sealed class ActualizarPolizaSeguroHandler(ClientesDbContext db, TimeProvider reloj) : IRequestHandler<ActualizarPolizaSeguro, PolizaDto>
{
    public async ValueTask<PolizaDto> Handle(ActualizarPolizaSeguro request, CancellationToken cancellationToken)
    {
        var p = await db.Set<PolizaSeguro>().SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Póliza", request.Id);
        if (p.FechaTermino is { } termino)
            throw new ReglaNegocioException("id", "poliza_terminada", $"La póliza se terminó el {termino:dd-MM-yyyy}; no se modifica (registre una póliza nueva).");
        await VistaSeguro.SinRepetirAsync(db, request.Cuerpo, p.Id, cancellationToken);
        VistaSeguro.Aplicar(p, request.Cuerpo);
        await db.SaveChangesAsync(cancellationToken);
        return await VistaSeguro.DtoAsync(db, p, FechaNegocio.Hoy(reloj), cancellationToken);
    }
}

/// <param name="Asegurado">The client has an insured limit under a policy.</param>
/// <param name="PolizaVigente">That policy is in force today (an expired policy covers nothing).</param>
/// <param name="Exposicion">Open balance in pesos today, as Cartera computes it for the credit evaluation.</param>
/// <param name="Exceso">Exposure above the insured limit (0 when within it); the whole exposure when the client has no policy in force.</param>
/// <param name="Excedido">The exposure is above the insured limit (strictly).</param>
public sealed record SeguroClienteDto(
    Guid ClienteId, bool Asegurado, Guid? PolizaId, string? Aseguradora, string? NumeroPoliza, bool PolizaVigente, decimal? PorcentajeCobertura, int? DiasDenuncia,
    decimal? LimiteAsegurado, decimal Exposicion, decimal Exceso, bool Excedido);

public static class ExposicionSeguro
{
    public static async Task<decimal> ExposicionAsync(ISender mediator, Guid clienteId, DateOnly hoy, CancellationToken ct) =>
        (await mediator.Send(new ObtenerComportamientoPago(clienteId, hoy), ct)).ExposicionClp;

    public static SeguroClienteDto Calcular(Guid clienteId, ClienteAsegurado? a, PolizaSeguro? p, decimal exposicion, DateOnly hoy)
    {
        if (a is null || p is null)
            return new(clienteId, false, null, null, null, false, null, null, null, exposicion, 0, false);
        var vigente = VistaSeguro.Vigente(p, hoy);
        var cubierto = vigente ? a.LimiteAsegurado : 0;
        var exceso = Math.Max(0, exposicion - cubierto);
        return new(clienteId, true, p.Id, p.Aseguradora, p.NumeroPoliza, vigente, p.PorcentajeCobertura, p.DiasDenuncia, a.LimiteAsegurado, exposicion, exceso, exceso > 0);
    }
}

public sealed record ObtenerSeguroCliente(Guid Id) : IRequest<SeguroClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/clientes/{id:guid}/seguro", async Task<Ok<SeguroClienteDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerSeguroCliente(id), ct)))
        .WithName("ObtenerSeguroCliente").WithTags("Crédito").ProducesProblem(404);
}

public sealed class ObtenerSeguroClienteHandler(ClientesDbContext db, ISender mediator, TimeProvider reloj) : IRequestHandler<ObtenerSeguroCliente, SeguroClienteDto>
{
    public async ValueTask<SeguroClienteDto> Handle(ObtenerSeguroCliente request, CancellationToken cancellationToken)
    {
        if (!await db.Clientes.AnyAsync(c => c.Id == request.Id, cancellationToken))
            throw new NoEncontradoException("Cliente", request.Id);
        return await SeguroDe(db, mediator, request.Id, FechaNegocio.Hoy(reloj), cancellationToken);
    }

    public static async Task<SeguroClienteDto> SeguroDe(ClientesDbContext db, ISender mediator, Guid clienteId, DateOnly hoy, CancellationToken ct)
    {
        var a = await db.Set<ClienteAsegurado>().AsNoTracking().SingleOrDefaultAsync(x => x.ClienteId == clienteId, ct);
        var p = a is null ? null : await db.Set<PolizaSeguro>().AsNoTracking().SingleAsync(x => x.Id == a.PolizaId, ct);
        return ExposicionSeguro.Calcular(clienteId, a, p, await ExposicionSeguro.ExposicionAsync(mediator, clienteId, hoy, ct), hoy);
    }
}

/// <param name="LimiteAsegurado">In pesos.</param>
public sealed record DatosSeguroCliente(Guid PolizaId, decimal LimiteAsegurado);

/// <summary>Insures the client under a policy up to a limit (replacing its previous policy or limit).</summary>
public sealed record AsegurarCliente(Guid Id, DatosSeguroCliente Cuerpo) : IRequest<SeguroClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPut("/clientes/{id:guid}/seguro", async Task<Ok<SeguroClienteDto>> (Guid id, DatosSeguroCliente body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AsegurarCliente(id, body), ct)))
        .WithName("AsegurarCliente").WithTags("Crédito").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class AsegurarClienteValidator : AbstractValidator<AsegurarCliente>
{
    public AsegurarClienteValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.PolizaId).NotEmpty();
        c.RuleFor(x => x.LimiteAsegurado).GreaterThan(0).LessThan(Montos.Maximo).PrecisionScale(18, 0, true);
    });
}

public sealed class AsegurarClienteHandler(ClientesDbContext db, ISender mediator, TimeProvider reloj) : IRequestHandler<AsegurarCliente, SeguroClienteDto>
{
    public async ValueTask<SeguroClienteDto> Handle(AsegurarCliente request, CancellationToken cancellationToken)
    {
        if (!await db.Clientes.AnyAsync(c => c.Id == request.Id, cancellationToken))
            throw new NoEncontradoException("Cliente", request.Id);
        var polizaId = request.Cuerpo.PolizaId;
        if (!await db.Set<PolizaSeguro>().AnyAsync(p => p.Id == polizaId, cancellationToken))
            throw new NoEncontradoException("Póliza", polizaId);
        var a = await db.Set<ClienteAsegurado>().SingleOrDefaultAsync(x => x.ClienteId == request.Id, cancellationToken);
        if (a is null)
        {
            a = new ClienteAsegurado { ClienteId = request.Id };
            db.Add(a);
        }

        a.PolizaId = polizaId;
        a.LimiteAsegurado = request.Cuerpo.LimiteAsegurado;
        await db.SaveChangesAsync(cancellationToken);
        return await ObtenerSeguroClienteHandler.SeguroDe(db, mediator, request.Id, FechaNegocio.Hoy(reloj), cancellationToken);
    }
}

public sealed record QuitarSeguroCliente(Guid Id) : IRequest
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapDelete("/clientes/{id:guid}/seguro", async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new QuitarSeguroCliente(id), ct);
            return TypedResults.NoContent();
        })
        .WithName("QuitarSeguroCliente").WithTags("Crédito").ProducesProblem(404);
}

public sealed class QuitarSeguroClienteHandler(ClientesDbContext db) : IRequestHandler<QuitarSeguroCliente>
{
    public async ValueTask<Unit> Handle(QuitarSeguroCliente request, CancellationToken cancellationToken)
    {
        var a = await db.Set<ClienteAsegurado>().SingleOrDefaultAsync(x => x.ClienteId == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Seguro del cliente", request.Id);
        db.Remove(a);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

public sealed record ExcesoSeguroDto(Guid ClienteId, string Rut, string RazonSocial, SeguroClienteDto Seguro);

/// <summary>Insured clients whose exposure today is above their insured limit (or whose policy is no longer in force while they owe).</summary>
public sealed record ListarExcesosSeguro : IRequest<IReadOnlyList<ExcesoSeguroDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/credito/seguros/excesos", async Task<Ok<IReadOnlyList<ExcesoSeguroDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarExcesosSeguro(), ct)))
        .WithName("ListarExcesosSeguro").WithTags("Crédito");
}

public sealed class ListarExcesosSeguroHandler(ClientesDbContext db, ISender mediator, TimeProvider reloj) : IRequestHandler<ListarExcesosSeguro, IReadOnlyList<ExcesoSeguroDto>>
{
    public async ValueTask<IReadOnlyList<ExcesoSeguroDto>> Handle(ListarExcesosSeguro request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var asegurados = await (
            from a in db.Set<ClienteAsegurado>().AsNoTracking()
            join p in db.Set<PolizaSeguro>().AsNoTracking() on a.PolizaId equals p.Id
            join c in db.Clientes.AsNoTracking() on a.ClienteId equals c.Id
            orderby c.RazonSocial
            select new { a, p, c.Rut, c.RazonSocial }).Take(5000).ToListAsync(cancellationToken);
        var deudas = (await mediator.Send(new ObtenerDeudaClientes(asegurados.Select(x => x.a.ClienteId).ToList()), cancellationToken))
            .Select(d => d.ClienteId).ToHashSet();
        var excesos = new List<ExcesoSeguroDto>();
        foreach (var x in asegurados.Where(x => deudas.Contains(x.a.ClienteId)))
        {
            var seguro = ExposicionSeguro.Calcular(x.a.ClienteId, x.a, x.p, await ExposicionSeguro.ExposicionAsync(mediator, x.a.ClienteId, hoy, cancellationToken), hoy);
            if (seguro.Excedido)
                excesos.Add(new(x.a.ClienteId, x.Rut, x.RazonSocial, seguro));
        }

        return excesos.OrderByDescending(e => e.Seguro.Exceso).ToList();
    }
}

/// <param name="FechaLimiteDenuncia">Due date + the policy's days to report: the last day to file the claim.</param>
/// <param name="DiasRestantes">Days from today to that deadline (0: today is the last day).</param>
/// <param name="FechaAviso">The day the daily alert raised the task to report it (null: not yet).</param>
public sealed record SiniestroPorDenunciarDto(
    Guid ClienteId, string Rut, string RazonSocial, Guid PolizaId, string Aseguradora, string NumeroPoliza, Guid DocumentoId, string Tipo, long Folio, int Cuota,
    DateOnly FechaVencimiento, string Moneda, decimal Saldo, DateOnly FechaLimiteDenuncia, int DiasRestantes, DateOnly? FechaAviso = null);

/// <summary>
/// Overdue open installments of insured clients whose claim deadline (plazo para denunciar siniestro) falls between today and
/// <paramref name="Dias"/> days ahead (15 by default), soonest first, so the team files the claim in time.
/// </summary>
public sealed record ListarSiniestrosPorDenunciar(int? Dias) : IRequest<IReadOnlyList<SiniestroPorDenunciarDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/credito/seguros/siniestros-por-denunciar", async Task<Ok<IReadOnlyList<SiniestroPorDenunciarDto>>> ([AsParameters] ListarSiniestrosPorDenunciar q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarSiniestrosPorDenunciar").WithTags("Crédito").ProducesValidationProblem();
}

public sealed class ListarSiniestrosPorDenunciarValidator : AbstractValidator<ListarSiniestrosPorDenunciar>
{
    public ListarSiniestrosPorDenunciarValidator() => RuleFor(x => x.Dias).InclusiveBetween(0, 365);
}

public sealed class ListarSiniestrosPorDenunciarHandler(ClientesDbContext db, ISender mediator, TimeProvider reloj)
    : IRequestHandler<ListarSiniestrosPorDenunciar, IReadOnlyList<SiniestroPorDenunciarDto>>
{
    public async ValueTask<IReadOnlyList<SiniestroPorDenunciarDto>> Handle(ListarSiniestrosPorDenunciar request, CancellationToken cancellationToken)
    {
        var hoy = FechaNegocio.Hoy(reloj);
        var ventana = request.Dias ?? 15;
        var polizas = await db.Set<PolizaSeguro>().AsNoTracking().Where(p => p.VigenciaHasta >= hoy).ToListAsync(cancellationToken);
        var lista = new List<SiniestroPorDenunciarDto>();
        foreach (var p in polizas)
        {
            var clientes = await (
                from a in db.Set<ClienteAsegurado>().AsNoTracking()
                join c in db.Clientes.AsNoTracking() on a.ClienteId equals c.Id
                where a.PolizaId == p.Id
                select new { c.Id, c.Rut, c.RazonSocial }).ToDictionaryAsync(c => c.Id, cancellationToken);
            if (clientes.Count == 0)
                continue;
            // Due between (today − days to report) and (today + window − days to report), and already overdue.
            var desde = hoy.AddDays(-p.DiasDenuncia);
            var hasta = new[] { hoy.AddDays(ventana - p.DiasDenuncia), hoy.AddDays(-1) }.Min();
            if (hasta < desde)
                continue;
            var vencidos = await mediator.Send(new VencimientosEnRango(clientes.Keys.ToList(), desde, hasta), cancellationToken);
            lista.AddRange(vencidos.Where(v => v.Fecha >= p.VigenciaDesde).Select(v =>
            {
                var c = clientes[v.ClienteId];
                var limite = v.Fecha.AddDays(p.DiasDenuncia);
                return new SiniestroPorDenunciarDto(
                    c.Id, c.Rut, c.RazonSocial, p.Id, p.Aseguradora, p.NumeroPoliza, v.DocumentoId, v.Tipo, v.Folio, v.Cuota, v.Fecha, v.Moneda, v.Saldo, limite,
                    limite.DayNumber - hoy.DayNumber);
            }));
        }

        var documentos = lista.Select(s => s.DocumentoId).Distinct().ToList();
        var avisos = (await db.Set<AvisoSiniestro>().AsNoTracking().Where(a => documentos.Contains(a.DocumentoId)).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.PolizaId, a.DocumentoId, a.Cuota), a => a.FechaAviso);
        return lista.Select(s => s with { FechaAviso = avisos.TryGetValue((s.PolizaId, s.DocumentoId, s.Cuota), out var f) ? f : null })
            .OrderBy(s => s.FechaLimiteDenuncia).ThenBy(s => s.RazonSocial).ThenBy(s => s.Folio).ToList();
    }
}

public sealed record DatosTerminoPoliza(DateOnly Fecha, string Motivo);

/// <summary>
/// Ends a policy before its term (cancelled or not renewed): it covers nothing after that day, its clients' insured limits stay as
/// history, and no more claim alerts are raised for it. A policy is never deleted once it insured a client or raised an alert.
/// </summary>
public sealed record TerminarPolizaSeguro(Guid Id, DatosTerminoPoliza Cuerpo) : IRequest<PolizaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapPost("/credito/seguros/polizas/{id:guid}/terminar", async Task<Ok<PolizaDto>> (Guid id, DatosTerminoPoliza body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new TerminarPolizaSeguro(id, body), ct)))
        .WithName("TerminarPolizaSeguro").WithTags("Crédito").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class TerminarPolizaSeguroValidator : AbstractValidator<TerminarPolizaSeguro>
{
    public TerminarPolizaSeguroValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Fecha).InclusiveBetween(new DateOnly(1990, 1, 1), new DateOnly(2200, 12, 31));
        c.RuleFor(x => x.Motivo).NotEmpty().MaximumLength(LargosSeguro.Motivo);
    });
}

public sealed class TerminarPolizaSeguroHandler(ClientesDbContext db, TimeProvider reloj) : IRequestHandler<TerminarPolizaSeguro, PolizaDto>
{
    public async ValueTask<PolizaDto> Handle(TerminarPolizaSeguro request, CancellationToken cancellationToken)
    {
        var p = await db.Set<PolizaSeguro>().SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Póliza", request.Id);
        if (p.FechaTermino is { } termino)
            throw new ReglaNegocioException("id", "poliza_terminada", $"La póliza ya se terminó el {termino:dd-MM-yyyy}.");
        var fecha = request.Cuerpo.Fecha;
        if (fecha < p.VigenciaDesde || fecha > p.VigenciaHasta)
            throw new ReglaNegocioException("fecha", "fuera_de_vigencia",
                $"La fecha de término debe estar dentro de la vigencia de la póliza ({p.VigenciaDesde:dd-MM-yyyy} a {p.VigenciaHasta:dd-MM-yyyy}).");
        p.FechaTermino = fecha;
        p.MotivoTermino = request.Cuerpo.Motivo.Trim();
        p.VigenciaHasta = fecha;
        await db.SaveChangesAsync(cancellationToken);
        return await VistaSeguro.DtoAsync(db, p, FechaNegocio.Hoy(reloj), cancellationToken);
    }
}

/// <summary>Deletes a policy entered by mistake: only while it never insured a client nor raised a claim alert (else: end it).</summary>
public sealed record EliminarPolizaSeguro(Guid Id) : IRequest
{
    public static void Map(RutasModulo rutas) => rutas.Administrar.MapDelete("/credito/seguros/polizas/{id:guid}", async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new EliminarPolizaSeguro(id), ct);
            return TypedResults.NoContent();
        })
        .WithName("EliminarPolizaSeguro").WithTags("Crédito").ProducesProblem(404).ProducesProblem(409);
}

public sealed class EliminarPolizaSeguroHandler(ClientesDbContext db) : IRequestHandler<EliminarPolizaSeguro>
{
    public async ValueTask<Unit> Handle(EliminarPolizaSeguro request, CancellationToken cancellationToken)
    {
        var p = await db.Set<PolizaSeguro>().SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Póliza", request.Id);
        if (await db.Set<ClienteAsegurado>().AnyAsync(a => a.PolizaId == p.Id, cancellationToken) || await db.Set<AvisoSiniestro>().AnyAsync(a => a.PolizaId == p.Id, cancellationToken))
            throw new ConflictoException("id", "La póliza tiene clientes asegurados o avisos de siniestro: no se elimina; termínela (POST .../terminar).");
        db.Remove(p);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

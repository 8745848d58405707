using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Politica;

public sealed record EtapaClienteDto(Guid ClienteId, string? Etapa, DateOnly? Desde, string? UltimoPaso, DateOnly? FechaUltimoPaso);

public sealed record PasoAplicadoDto(
    Guid Id, string Nombre, string Etapa, string? Accion, DateOnly Fecha, DateOnly? VencimientoCiclo, int? DiasVencido, string? Detalle, string? Motivo,
    bool TieneCarta, string RegistradoPor, DateTimeOffset Creado);

/// <summary>Moving a client's stage: the stage of the last applied step (manual changes do not count as a step for the gap).</summary>
public static class EtapasCliente
{
    public static async Task CambiarAsync(GestionDbContext db, Guid empresaId, Guid clienteId, string etapa, DateOnly hoy, Guid? pasoId, CancellationToken ct)
    {
        var fila = db.Etapas.Local.FirstOrDefault(e => e.ClienteId == clienteId) ?? await db.Etapas.SingleOrDefaultAsync(e => e.ClienteId == clienteId, ct);
        if (fila is null)
        {
            fila = new EtapaCliente { EmpresaId = empresaId, ClienteId = clienteId, Etapa = etapa, Desde = hoy };
            db.Etapas.Add(fila);
        }
        else if (fila.Etapa != etapa)
        {
            fila.Etapa = etapa;
            fila.Desde = hoy;
        }

        if (pasoId is not null)
        {
            fila.UltimoPasoId = pasoId;
            fila.FechaUltimoPaso = hoy;
        }
    }
}

public sealed record ListarEtapasClientes(Guid[]? ClienteIds) : IRequest<IReadOnlyList<EtapaClienteDto>>
{
    public const int Maximo = 500;

    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/etapas", async Task<Ok<IReadOnlyList<EtapaClienteDto>>> ([AsParameters] ListarEtapasClientes q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarEtapasClientes").ProducesValidationProblem();
}

public sealed class ListarEtapasClientesValidator : AbstractValidator<ListarEtapasClientes>
{
    public ListarEtapasClientesValidator() => RuleFor(x => x.ClienteIds).Must(i => i is null || i.Length <= ListarEtapasClientes.Maximo)
        .WithName("clienteIds").WithMessage($"clienteIds admite a lo más {ListarEtapasClientes.Maximo} clientes.");
}

public sealed record ObtenerEtapaCliente(Guid ClienteId) : IRequest<EtapaClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/clientes/{clienteId:guid}/etapa", async Task<Ok<EtapaClienteDto>> (Guid clienteId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerEtapaCliente(clienteId), ct)))
        .WithName("ObtenerEtapaCliente").ProducesProblem(404);
}

public sealed record ListarPasosCliente(Guid ClienteId) : IRequest<IReadOnlyList<PasoAplicadoDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/clientes/{clienteId:guid}/pasos", async Task<Ok<IReadOnlyList<PasoAplicadoDto>>> (Guid clienteId, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarPasosCliente(clienteId), ct)))
        .WithName("ListarPasosCliente").ProducesProblem(404);
}

public sealed record CambiarEtapaCuerpo(string Etapa, string Motivo);

public sealed record CambiarEtapaCliente(Guid ClienteId, CambiarEtapaCuerpo Cuerpo) : IRequest<EtapaClienteDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/clientes/{clienteId:guid}/etapa",
            async Task<Ok<EtapaClienteDto>> (Guid clienteId, CambiarEtapaCuerpo body, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new CambiarEtapaCliente(clienteId, body), ct)))
        .WithName("CambiarEtapaCliente").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class CambiarEtapaClienteValidator : AbstractValidator<CambiarEtapaCliente>
{
    public CambiarEtapaClienteValidator()
    {
        RuleFor(x => x.Cuerpo).NotNull().WithName("cuerpo");
        RuleFor(x => x.Cuerpo.Etapa).Must(e => EtapasCobranza.Todas.Contains(e)).WithName("etapa")
            .WithMessage($"etapa debe ser una de: {string.Join(", ", EtapasCobranza.Todas)}.").When(x => x.Cuerpo is not null);
        RuleFor(x => x.Cuerpo.Motivo).NotEmpty().MaximumLength(LargosGestion.Motivo).WithName("motivo").When(x => x.Cuerpo is not null);
    }
}

public sealed class EtapasClientesHandler(
    GestionDbContext db, AlcanceGestion alcance, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<ListarEtapasClientes, IReadOnlyList<EtapaClienteDto>>, IRequestHandler<ObtenerEtapaCliente, EtapaClienteDto>,
        IRequestHandler<ListarPasosCliente, IReadOnlyList<PasoAplicadoDto>>, IRequestHandler<CambiarEtapaCliente, EtapaClienteDto>,
        IRequestHandler<EtapasDeClientes, IReadOnlyDictionary<Guid, string>>, IRequestHandler<ClientesEnEtapa, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<EtapaClienteDto>> Handle(ListarEtapasClientes request, CancellationToken cancellationToken)
    {
        var q = db.Etapas.AsNoTracking();
        if (request.ClienteIds is { Length: > 0 } ids)
            q = q.Where(e => ids.Contains(e.ClienteId));
        if (await alcance.ClientesVisiblesAsync(cancellationToken) is { } visibles)
            q = q.Where(e => visibles.Contains(e.ClienteId));
        return await Consulta(q.OrderBy(e => e.ClienteId).Take(ListarEtapasClientes.Maximo)).ToListAsync(cancellationToken);
    }

    public async ValueTask<EtapaClienteDto> Handle(ObtenerEtapaCliente request, CancellationToken cancellationToken)
    {
        await alcance.ClienteAsync(request.ClienteId, cancellationToken);
        return await Consulta(db.Etapas.AsNoTracking().Where(e => e.ClienteId == request.ClienteId)).SingleOrDefaultAsync(cancellationToken)
            ?? new EtapaClienteDto(request.ClienteId, null, null, null, null);
    }

    public async ValueTask<IReadOnlyList<PasoAplicadoDto>> Handle(ListarPasosCliente request, CancellationToken cancellationToken)
    {
        await alcance.ClienteAsync(request.ClienteId, cancellationToken);
        return await db.Set<PasoAplicado>().AsNoTracking().Where(a => a.ClienteId == request.ClienteId).OrderByDescending(a => a.Creado).ThenByDescending(a => a.Id)
            .Select(a => new PasoAplicadoDto(a.Id, a.Nombre, a.Etapa, a.Accion, a.Fecha, a.VencimientoCiclo, a.DiasVencido, a.Detalle, a.Motivo, a.ArchivoClave != null,
                a.RegistradoPor, a.Creado))
            .ToListAsync(cancellationToken);
    }

    public async ValueTask<EtapaClienteDto> Handle(CambiarEtapaCliente request, CancellationToken cancellationToken)
    {
        await alcance.ClienteAsync(request.ClienteId, cancellationToken);
        var hoy = FechaNegocio.Hoy(reloj);
        var etapa = request.Cuerpo.Etapa;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await EtapasCliente.CambiarAsync(db, contexto.EmpresaId, request.ClienteId, etapa, hoy, null, cancellationToken);
        db.Add(new PasoAplicado
        {
            EmpresaId = contexto.EmpresaId, ClienteId = request.ClienteId, Nombre = "Cambio manual de etapa", Etapa = etapa, Fecha = hoy,
            Motivo = request.Cuerpo.Motivo.Trim(), RegistradoPor = contexto.Actor, Creado = reloj.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return await Consulta(db.Etapas.AsNoTracking().Where(e => e.ClienteId == request.ClienteId)).SingleAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyDictionary<Guid, string>> Handle(EtapasDeClientes request, CancellationToken cancellationToken)
    {
        var ids = request.ClienteIds.Distinct().ToArray();
        return await db.Etapas.AsNoTracking().Where(e => ids.Contains(e.ClienteId)).ToDictionaryAsync(e => e.ClienteId, e => e.Etapa, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<Guid>> Handle(ClientesEnEtapa request, CancellationToken cancellationToken) =>
        await db.Etapas.AsNoTracking().Where(e => e.Etapa == request.Etapa).Select(e => e.ClienteId).ToListAsync(cancellationToken);

    private IQueryable<EtapaClienteDto> Consulta(IQueryable<EtapaCliente> etapas) =>
        from e in etapas
        join p in db.Set<PasoPolitica>() on e.UltimoPasoId equals p.Id into ps
        from p in ps.DefaultIfEmpty()
        select new EtapaClienteDto(e.ClienteId, e.Etapa, e.Desde, p != null ? p.Nombre : null, e.FechaUltimoPaso);
}

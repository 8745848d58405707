using Cobranzas.Clientes.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Cobradores;

public sealed record CarteraDto(Guid Id, string Nombre, string? Descripcion, Guid? CobradorId, string? CobradorNombre, int Prioridad, int Clientes);

public sealed record DatosCartera(string Nombre, string? Descripcion, Guid? CobradorId, int Prioridad);

public sealed class DatosCarteraValidator : AbstractValidator<DatosCartera>
{
    public DatosCarteraValidator()
    {
        RuleFor(x => x.Nombre).NotEmpty().MaximumLength(LargosGestion.Nombre);
        RuleFor(x => x.Descripcion).MaximumLength(LargosGestion.Motivo);
        RuleFor(x => x.Prioridad).InclusiveBetween(0, 1000);
    }
}

public sealed record ClienteCarteraDto(Guid ClienteId, string Rut, string RazonSocial);

public sealed record DatosClientesCartera(IReadOnlyList<Guid> ClienteIds);

public sealed class DatosClientesCarteraValidator : AbstractValidator<DatosClientesCartera>
{
    public const int Maximo = 1000;

    public DatosClientesCarteraValidator() =>
        RuleFor(x => x.ClienteIds).NotEmpty().Must(ids => ids is null || ids.Count <= Maximo).WithMessage($"ClienteIds admite a lo más {Maximo} clientes por solicitud.");
}

public sealed record ListarCarteras : IRequest<IReadOnlyList<CarteraDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/carteras", async Task<Ok<IReadOnlyList<CarteraDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarCarteras(), ct)))
        .WithName("ListarCarteras");
}

public sealed record ObtenerCartera(Guid Id) : IRequest<CarteraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/carteras/{id:guid}", async Task<Ok<CarteraDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerCartera(id), ct)))
        .WithName("ObtenerCartera").ProducesProblem(404);
}

public sealed record CrearCartera(DatosCartera Cuerpo) : IRequest<CarteraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/carteras", async Task<Created<CarteraDto>> (DatosCartera body, IMediator m, CancellationToken ct) =>
        {
            var c = await m.Send(new CrearCartera(body), ct);
            return TypedResults.Created($"/api/v1/gestion/carteras/{c.Id}", c);
        })
        .WithName("CrearCartera").ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
}

public sealed class CrearCarteraValidator : AbstractValidator<CrearCartera>
{
    public CrearCarteraValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosCarteraValidator());
}

public sealed record ActualizarCartera(Guid Id, DatosCartera Cuerpo) : IRequest<CarteraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/gestion/carteras/{id:guid}", async Task<Ok<CarteraDto>> (Guid id, DatosCartera body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarCartera(id, body), ct)))
        .WithName("ActualizarCartera").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ActualizarCarteraValidator : AbstractValidator<ActualizarCartera>
{
    public ActualizarCarteraValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosCarteraValidator());
}

public sealed record EliminarCartera(Guid Id) : IRequest
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapDelete("/gestion/carteras/{id:guid}", async Task<NoContent> (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new EliminarCartera(id), ct);
            return TypedResults.NoContent();
        })
        .WithName("EliminarCartera").ProducesProblem(404);
}

public sealed record ListarClientesCartera(Guid Id, int? Pagina, int? TamanoPagina) : IRequest<Pagina<ClienteCarteraDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/carteras/{id:guid}/clientes",
            async Task<Ok<Pagina<ClienteCarteraDto>>> (Guid id, int? pagina, int? tamanoPagina, IMediator m, CancellationToken ct) =>
                TypedResults.Ok(await m.Send(new ListarClientesCartera(id, pagina, tamanoPagina), ct)))
        .WithName("ListarClientesCartera").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class ListarClientesCarteraValidator : AbstractValidator<ListarClientesCartera>
{
    public ListarClientesCarteraValidator()
    {
        RuleFor(x => x.Pagina).GreaterThan(0);
        RuleFor(x => x.TamanoPagina).InclusiveBetween(1, Paginacion.TamanoMaximo);
    }
}

public sealed record AgregarClientesCartera(Guid Id, DatosClientesCartera Cuerpo) : IRequest<CarteraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/carteras/{id:guid}/clientes",
            async Task<Ok<CarteraDto>> (Guid id, DatosClientesCartera body, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new AgregarClientesCartera(id, body), ct)))
        .WithName("AgregarClientesCartera").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class AgregarClientesCarteraValidator : AbstractValidator<AgregarClientesCartera>
{
    public AgregarClientesCarteraValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosClientesCarteraValidator());
}

public sealed record QuitarClienteCartera(Guid Id, Guid ClienteId) : IRequest<CarteraDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapDelete("/gestion/carteras/{id:guid}/clientes/{clienteId:guid}",
            async Task<Ok<CarteraDto>> (Guid id, Guid clienteId, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new QuitarClienteCartera(id, clienteId), ct)))
        .WithName("QuitarClienteCartera").ProducesProblem(404);
}

/// <summary>
/// Carteras and their members. A change that can move clients (members, the responsible collector, the priority, deleting it)
/// re-runs the rules for the clients involved right away: the cartera rule is explicit, the supervisor expects it to hold.
/// </summary>
public sealed class CarterasHandler(GestionDbContext db, IMediator mediator, AlcanceGestion alcance, MotorAsignacion motor, TimeProvider reloj)
    : IRequestHandler<ListarCarteras, IReadOnlyList<CarteraDto>>, IRequestHandler<ObtenerCartera, CarteraDto>, IRequestHandler<CrearCartera, CarteraDto>,
        IRequestHandler<ActualizarCartera, CarteraDto>, IRequestHandler<EliminarCartera>, IRequestHandler<ListarClientesCartera, Pagina<ClienteCarteraDto>>,
        IRequestHandler<AgregarClientesCartera, CarteraDto>, IRequestHandler<QuitarClienteCartera, CarteraDto>
{
    public async ValueTask<IReadOnlyList<CarteraDto>> Handle(ListarCarteras request, CancellationToken cancellationToken) =>
        await Proyectar(db.Set<Cartera>().AsNoTracking().OrderBy(c => c.Prioridad).ThenBy(c => c.Nombre)).ToListAsync(cancellationToken);

    public async ValueTask<CarteraDto> Handle(ObtenerCartera request, CancellationToken cancellationToken) => await CargarAsync(request.Id, cancellationToken);

    public async ValueTask<CarteraDto> Handle(CrearCartera request, CancellationToken cancellationToken)
    {
        await ValidarAsync(request.Cuerpo, null, cancellationToken);
        var cartera = new Cartera { Nombre = "", Creada = reloj.GetUtcNow() };
        Aplicar(cartera, request.Cuerpo);
        db.Add(cartera);
        await db.SaveChangesAsync(cancellationToken);
        return await CargarAsync(cartera.Id, cancellationToken);
    }

    public async ValueTask<CarteraDto> Handle(ActualizarCartera request, CancellationToken cancellationToken)
    {
        var cartera = await BuscarAsync(request.Id, cancellationToken);
        await ValidarAsync(request.Cuerpo, cartera.Id, cancellationToken);
        var antes = (cartera.CobradorId, cartera.Prioridad);
        Aplicar(cartera, request.Cuerpo);
        await db.SaveChangesAsync(cancellationToken);
        if (antes != (cartera.CobradorId, cartera.Prioridad))
            await motor.RecalcularAsync(await MiembrosAsync(cartera.Id, cancellationToken), cancellationToken);
        return await CargarAsync(cartera.Id, cancellationToken);
    }

    public async ValueTask<Unit> Handle(EliminarCartera request, CancellationToken cancellationToken)
    {
        var cartera = await BuscarAsync(request.Id, cancellationToken);
        var miembros = await MiembrosAsync(cartera.Id, cancellationToken);
        await using var transaccion = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RemoveRange(await db.Set<ClienteCartera>().Where(m => m.CarteraId == cartera.Id).ToListAsync(cancellationToken));
        db.Remove(cartera);
        await db.SaveChangesAsync(cancellationToken);
        await motor.RecalcularAsync(miembros, cancellationToken);
        await transaccion.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    public async ValueTask<Pagina<ClienteCarteraDto>> Handle(ListarClientesCartera request, CancellationToken cancellationToken)
    {
        await BuscarAsync(request.Id, cancellationToken);
        var q = db.Set<ClienteCartera>().AsNoTracking().Where(m => m.CarteraId == request.Id).Select(m => m.ClienteId);
        if (await alcance.ClientesVisiblesAsync(cancellationToken) is { } visibles)
            q = q.Where(id => visibles.Contains(id));
        var (saltar, tomar, pagina, tamano) = Paginacion.Normalizar(request.Pagina, request.TamanoPagina);
        var total = await q.CountAsync(cancellationToken);
        var ids = await q.OrderBy(id => id).Skip(saltar).Take(tomar).ToListAsync(cancellationToken);
        var clientes = (await mediator.Send(new BuscarClientes(ids, []), cancellationToken)).OrderBy(c => c.RazonSocial, StringComparer.Ordinal)
            .Select(c => new ClienteCarteraDto(c.Id, c.Rut, c.RazonSocial)).ToList();
        return new Pagina<ClienteCarteraDto>(clientes, total, pagina, tamano);
    }

    public async ValueTask<CarteraDto> Handle(AgregarClientesCartera request, CancellationToken cancellationToken)
    {
        var cartera = await BuscarAsync(request.Id, cancellationToken);
        var ids = request.Cuerpo.ClienteIds.Distinct().ToList();
        await ClientesExistentesAsync(mediator, ids, cancellationToken);
        var ya = await db.Set<ClienteCartera>().Where(m => m.CarteraId == cartera.Id && ids.Contains(m.ClienteId)).Select(m => m.ClienteId).ToListAsync(cancellationToken);
        var nuevos = ids.Except(ya).ToList();
        db.AddRange(nuevos.Select(id => new ClienteCartera { CarteraId = cartera.Id, ClienteId = id }));
        await db.SaveChangesAsync(cancellationToken);
        await motor.RecalcularAsync(nuevos, cancellationToken);
        return await CargarAsync(cartera.Id, cancellationToken);
    }

    public async ValueTask<CarteraDto> Handle(QuitarClienteCartera request, CancellationToken cancellationToken)
    {
        var cartera = await BuscarAsync(request.Id, cancellationToken);
        var miembro = await db.Set<ClienteCartera>().SingleOrDefaultAsync(m => m.CarteraId == cartera.Id && m.ClienteId == request.ClienteId, cancellationToken)
            ?? throw new NoEncontradoException("Cliente", request.ClienteId);
        db.Remove(miembro);
        await db.SaveChangesAsync(cancellationToken);
        await motor.RecalcularAsync([request.ClienteId], cancellationToken);
        return await CargarAsync(cartera.Id, cancellationToken);
    }

    /// <summary>Every id is a client of the caller's company, or 404 naming the first that is not (another company's client does not exist here).</summary>
    public static async Task ClientesExistentesAsync(IMediator mediator, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var encontrados = (await mediator.Send(new BuscarClientes(ids, []), ct)).Select(c => c.Id).ToHashSet();
        foreach (var id in ids)
            if (!encontrados.Contains(id))
                throw new NoEncontradoException("Cliente", id);
    }

    private async Task ValidarAsync(DatosCartera datos, Guid? id, CancellationToken ct)
    {
        var nombre = datos.Nombre.Trim();
        if (await db.Set<Cartera>().AnyAsync(c => c.Nombre == nombre && c.Id != id, ct))
            throw new ConflictoException("nombre", $"Ya existe una cartera llamada '{nombre}'.");
        if (datos.CobradorId is { } cobrador)
            await CobradoresHandler.CobradorActivoAsync(db, cobrador, "cobradorId", ct);
    }

    private static void Aplicar(Cartera c, DatosCartera d)
    {
        c.Nombre = d.Nombre.Trim();
        c.Descripcion = string.IsNullOrWhiteSpace(d.Descripcion) ? null : d.Descripcion.Trim();
        c.CobradorId = d.CobradorId;
        c.Prioridad = d.Prioridad;
    }

    private async Task<List<Guid>> MiembrosAsync(Guid carteraId, CancellationToken ct) =>
        await db.Set<ClienteCartera>().Where(m => m.CarteraId == carteraId).Select(m => m.ClienteId).ToListAsync(ct);

    private async Task<Cartera> BuscarAsync(Guid id, CancellationToken ct) =>
        await db.Set<Cartera>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NoEncontradoException("Cartera", id);

    private IQueryable<CarteraDto> Proyectar(IQueryable<Cartera> q) =>
        q.Select(c => new CarteraDto(
            c.Id, c.Nombre, c.Descripcion, c.CobradorId, db.Cobradores.Where(x => x.Id == c.CobradorId).Select(x => x.Nombre).FirstOrDefault(), c.Prioridad,
            db.Set<ClienteCartera>().Count(m => m.CarteraId == c.Id)));

    private async Task<CarteraDto> CargarAsync(Guid id, CancellationToken ct) =>
        await Proyectar(db.Set<Cartera>().AsNoTracking().Where(c => c.Id == id)).SingleOrDefaultAsync(ct) ?? throw new NoEncontradoException("Cartera", id);
}

using Cobranzas.Gestion.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Cobradores;

public sealed record CobradorDto(
    Guid Id, string Nombre, string? Email, string? Telefono, string? UsuarioId, bool Activo, IReadOnlyList<string> Regiones, IReadOnlyList<string> Comunas, int ClientesAsignados);

public sealed record DatosCobrador(string Nombre, string? Email, string? Telefono, string? UsuarioId, IReadOnlyList<string>? Regiones, IReadOnlyList<string>? Comunas);

public sealed class DatosCobradorValidator : AbstractValidator<DatosCobrador>
{
    public const int ZonasMaximas = 400;
    public const int LargoZona = 100;

    public DatosCobradorValidator()
    {
        RuleFor(x => x.Nombre).NotEmpty().MaximumLength(LargosGestion.Nombre);
        RuleFor(x => x.Email).EmailAddress().MaximumLength(LargosGestion.Email);
        RuleFor(x => x.Telefono).MaximumLength(LargosGestion.Telefono);
        RuleFor(x => x.UsuarioId).MaximumLength(LargosGestion.UsuarioId);
        RuleFor(x => x.Regiones).Must(z => z is null || z.Count <= ZonasMaximas).WithMessage($"Regiones admite a lo más {ZonasMaximas} elementos.");
        RuleForEach(x => x.Regiones).NotEmpty().MaximumLength(LargoZona);
        RuleFor(x => x.Comunas).Must(z => z is null || z.Count <= ZonasMaximas).WithMessage($"Comunas admite a lo más {ZonasMaximas} elementos.");
        RuleForEach(x => x.Comunas).NotEmpty().MaximumLength(LargoZona);
    }
}

public sealed record ListarCobradores(bool? Activo) : IRequest<IReadOnlyList<CobradorDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/cobradores", async Task<Ok<IReadOnlyList<CobradorDto>>> ([AsParameters] ListarCobradores q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarCobradores").ProducesValidationProblem();
}

public sealed record ObtenerCobrador(Guid Id) : IRequest<CobradorDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/gestion/cobradores/{id:guid}", async Task<Ok<CobradorDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerCobrador(id), ct)))
        .WithName("ObtenerCobrador").ProducesProblem(404);
}

public sealed record CrearCobrador(DatosCobrador Cuerpo) : IRequest<CobradorDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/cobradores", async Task<Created<CobradorDto>> (DatosCobrador body, IMediator m, CancellationToken ct) =>
        {
            var c = await m.Send(new CrearCobrador(body), ct);
            return TypedResults.Created($"/api/v1/gestion/cobradores/{c.Id}", c);
        })
        .WithName("CrearCobrador").ProducesValidationProblem().ProducesProblem(409).ProducesProblem(422);
}

public sealed class CrearCobradorValidator : AbstractValidator<CrearCobrador>
{
    public CrearCobradorValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosCobradorValidator());
}

public sealed record ActualizarCobrador(Guid Id, DatosCobrador Cuerpo) : IRequest<CobradorDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/gestion/cobradores/{id:guid}", async Task<Ok<CobradorDto>> (Guid id, DatosCobrador body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarCobrador(id, body), ct)))
        .WithName("ActualizarCobrador").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
}

public sealed class ActualizarCobradorValidator : AbstractValidator<ActualizarCobrador>
{
    public ActualizarCobradorValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosCobradorValidator());
}

/// <summary>
/// Where the clients of a collector being deactivated go: to another active collector (as manual assignments), or back to the
/// rules (<see cref="Recalcular"/>: they may end with another collector or with none). A collector with clients and neither answers 422.
/// </summary>
public sealed record DatosDesactivacion(Guid? HaciaCobradorId, bool Recalcular);

public sealed record DesactivarCobrador(Guid Id, DatosDesactivacion Cuerpo) : IRequest<CobradorDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/cobradores/{id:guid}/desactivar", async Task<Ok<CobradorDto>> (Guid id, DatosDesactivacion body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new DesactivarCobrador(id, body), ct)))
        .WithName("DesactivarCobrador").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class DesactivarCobradorValidator : AbstractValidator<DesactivarCobrador>
{
    public DesactivarCobradorValidator() => RuleFor(x => x.Cuerpo).NotNull();
}

public sealed record ActivarCobrador(Guid Id) : IRequest<CobradorDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/gestion/cobradores/{id:guid}/activar", async Task<Ok<CobradorDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActivarCobrador(id), ct)))
        .WithName("ActivarCobrador").ProducesProblem(404);
}

public sealed class CobradoresHandler(GestionDbContext db, IMediator mediator, IContextoSolicitud contexto, MotorAsignacion motor, TimeProvider reloj)
    : IRequestHandler<ListarCobradores, IReadOnlyList<CobradorDto>>, IRequestHandler<ObtenerCobrador, CobradorDto>, IRequestHandler<CrearCobrador, CobradorDto>,
        IRequestHandler<ActualizarCobrador, CobradorDto>, IRequestHandler<DesactivarCobrador, CobradorDto>, IRequestHandler<ActivarCobrador, CobradorDto>
{
    public async ValueTask<IReadOnlyList<CobradorDto>> Handle(ListarCobradores request, CancellationToken cancellationToken)
    {
        var q = db.Cobradores.AsNoTracking();
        if (request.Activo is { } activo)
            q = q.Where(c => c.Activo == activo);
        return await Proyectar(q.OrderBy(c => c.Nombre)).ToListAsync(cancellationToken);
    }

    public async ValueTask<CobradorDto> Handle(ObtenerCobrador request, CancellationToken cancellationToken) => await CargarAsync(request.Id, cancellationToken);

    public async ValueTask<CobradorDto> Handle(CrearCobrador request, CancellationToken cancellationToken)
    {
        await ValidarAsync(request.Cuerpo, null, cancellationToken);
        var cobrador = new Cobrador { Nombre = "", Creado = reloj.GetUtcNow() };
        Aplicar(cobrador, request.Cuerpo);
        db.Cobradores.Add(cobrador);
        await db.SaveChangesAsync(cancellationToken);
        return await CargarAsync(cobrador.Id, cancellationToken);
    }

    public async ValueTask<CobradorDto> Handle(ActualizarCobrador request, CancellationToken cancellationToken)
    {
        var cobrador = await db.Cobradores.SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Cobrador", request.Id);
        await ValidarAsync(request.Cuerpo, cobrador.Id, cancellationToken);
        Aplicar(cobrador, request.Cuerpo);
        await db.SaveChangesAsync(cancellationToken);
        return await CargarAsync(cobrador.Id, cancellationToken);
    }

    public async ValueTask<CobradorDto> Handle(DesactivarCobrador request, CancellationToken cancellationToken)
    {
        var cobrador = await db.Cobradores.SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Cobrador", request.Id);
        var asignaciones = await db.Asignaciones.Where(a => a.CobradorId == cobrador.Id).ToListAsync(cancellationToken);
        var hacia = request.Cuerpo.HaciaCobradorId;
        if (asignaciones.Count > 0 && hacia is null && !request.Cuerpo.Recalcular)
            throw new ReglaNegocioException("haciaCobradorId", "cobrador_con_clientes",
                $"El cobrador tiene {asignaciones.Count} clientes asignados: indique a qué cobrador pasan (haciaCobradorId) o pida recalcular su asignación por las reglas (recalcular).");
        if (hacia is { } destino)
        {
            if (destino == cobrador.Id)
                throw new ReglaNegocioException("haciaCobradorId", "mismo_cobrador", "Los clientes no pueden pasar al mismo cobrador que se desactiva.");
            await CobradorActivoAsync(db, destino, "haciaCobradorId", cancellationToken);
        }

        await using var transaccion = await db.Database.BeginTransactionAsync(cancellationToken);
        cobrador.Activo = false;
        foreach (var a in asignaciones)
        {
            if (hacia is { } d)
                motor.Poner(a, a.ClienteId, d, OrigenesAsignacion.Manual);
            else
                db.Asignaciones.Remove(a);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (hacia is null && asignaciones.Count > 0)
            await motor.RecalcularAsync(asignaciones.Select(a => a.ClienteId).ToList(), cancellationToken);
        await transaccion.CommitAsync(cancellationToken);
        return await CargarAsync(cobrador.Id, cancellationToken);
    }

    public async ValueTask<CobradorDto> Handle(ActivarCobrador request, CancellationToken cancellationToken)
    {
        var cobrador = await db.Cobradores.SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Cobrador", request.Id);
        if (cobrador.UsuarioId is { } usuario && await db.Cobradores.AnyAsync(c => c.UsuarioId == usuario && c.Activo && c.Id != cobrador.Id, cancellationToken))
            throw new ConflictoException("usuarioId", "Otro cobrador activo ya está vinculado a ese usuario.");
        cobrador.Activo = true;
        await db.SaveChangesAsync(cancellationToken);
        return await CargarAsync(cobrador.Id, cancellationToken);
    }

    /// <summary>An active collector of the company, or 422 naming the field (a collector of another company does not exist here).</summary>
    public static async Task CobradorActivoAsync(GestionDbContext db, Guid id, string campo, CancellationToken ct)
    {
        var activo = await db.Cobradores.Where(c => c.Id == id).Select(c => (bool?)c.Activo).SingleOrDefaultAsync(ct);
        if (activo is null)
            throw new ReglaNegocioException(campo, "cobrador_inexistente", "El cobrador indicado no existe.");
        if (activo == false)
            throw new ReglaNegocioException(campo, "cobrador_inactivo", "El cobrador indicado está desactivado.");
    }

    private async Task ValidarAsync(DatosCobrador datos, Guid? id, CancellationToken ct)
    {
        var nombre = datos.Nombre.Trim();
        if (await db.Cobradores.AnyAsync(c => c.Nombre == nombre && c.Id != id, ct))
            throw new ConflictoException("nombre", $"Ya existe un cobrador llamado '{nombre}'.");
        if (string.IsNullOrWhiteSpace(datos.UsuarioId))
            return;
        var usuario = datos.UsuarioId.Trim();
        if (!await mediator.Send(new ExisteUsuarioEnEmpresa(contexto.EmpresaId, usuario), ct))
            throw new ReglaNegocioException("usuarioId", "usuario_inexistente", "El usuario vinculado no es un usuario activo de la empresa.");
        if (await db.Cobradores.AnyAsync(c => c.UsuarioId == usuario && c.Id != id, ct))
            throw new ConflictoException("usuarioId", "Ese usuario ya está vinculado a otro cobrador.");
    }

    private static void Aplicar(Cobrador c, DatosCobrador d)
    {
        c.Nombre = d.Nombre.Trim();
        c.Email = Limpio(d.Email)?.ToLowerInvariant();
        c.Telefono = Limpio(d.Telefono);
        c.UsuarioId = Limpio(d.UsuarioId);
        c.Regiones = Zonas(d.Regiones);
        c.Comunas = Zonas(d.Comunas);
    }

    private static List<string> Zonas(IReadOnlyList<string>? zonas) =>
        (zonas ?? []).Select(z => z.Trim()).Where(z => z.Length > 0).DistinctBy(MotorAsignacion.Normalizar).ToList();

    private static string? Limpio(string? texto) => string.IsNullOrWhiteSpace(texto) ? null : texto.Trim();

    private IQueryable<CobradorDto> Proyectar(IQueryable<Cobrador> q) =>
        q.Select(c => new CobradorDto(c.Id, c.Nombre, c.Email, c.Telefono, c.UsuarioId, c.Activo, c.Regiones, c.Comunas, db.Asignaciones.Count(a => a.CobradorId == c.Id)));

    private async Task<CobradorDto> CargarAsync(Guid id, CancellationToken ct) =>
        await Proyectar(db.Cobradores.AsNoTracking().Where(c => c.Id == id)).SingleOrDefaultAsync(ct) ?? throw new NoEncontradoException("Cobrador", id);
}

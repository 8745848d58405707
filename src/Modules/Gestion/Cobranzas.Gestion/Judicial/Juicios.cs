using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Politica;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Rut;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Judicial;

public sealed record EstudioDto(Guid Id, string Nombre, string Rut, string? Contacto, string? Email, string? Telefono, bool Activo, int JuiciosVigentes);

public sealed record DatosEstudio(string Nombre, string Rut, string? Contacto, string? Email, string? Telefono);

public sealed record CrearEstudio(DatosEstudio Cuerpo) : IRequest<EstudioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/judicial/estudios", async Task<Created<EstudioDto>> (DatosEstudio body, IMediator m, CancellationToken ct) =>
        {
            var e = await m.Send(new CrearEstudio(body), ct);
            return TypedResults.Created($"/api/v1/judicial/estudios/{e.Id}", e);
        })
        .WithName("CrearEstudio").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class CrearEstudioValidator : AbstractValidator<CrearEstudio>
{
    public CrearEstudioValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Nombre).NotEmpty().MaximumLength(LargosJudicial.Nombre);
        c.RuleFor(x => x.Rut).EsRut();
        c.RuleFor(x => x.Contacto).MaximumLength(LargosJudicial.Contacto);
        c.RuleFor(x => x.Email).MaximumLength(LargosGestion.Email).EmailAddress().When(x => !string.IsNullOrEmpty(x.Email));
        c.RuleFor(x => x.Telefono).MaximumLength(LargosGestion.Telefono);
    });
}

public sealed record ListarEstudios : IRequest<IReadOnlyList<EstudioDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/judicial/estudios", async Task<Ok<IReadOnlyList<EstudioDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarEstudios(), ct)))
        .WithName("ListarEstudios");
}

public sealed record AudienciaDto(Guid Id, DateOnly Fecha, string Descripcion);

public sealed record CostoDto(Guid Id, string Tipo, DateOnly Fecha, decimal Monto, string Concepto);

public sealed record JuicioDto(
    Guid Id, Guid ClienteId, Guid EstudioId, string Estudio, string Tribunal, string Rol, string Procedimiento, string EtapaProcesal, string Estado, decimal MontoDemandado,
    DateOnly FechaInicio, DateOnly? FechaTermino, string? Notas, decimal CostosIncurridos, decimal CostosRecuperados, IReadOnlyList<AudienciaDto> Audiencias,
    IReadOnlyList<CostoDto> Costos);

public sealed record DatosJuicio(
    Guid ClienteId, Guid EstudioId, string Tribunal, string Rol, string Procedimiento, string EtapaProcesal, decimal MontoDemandado, DateOnly FechaInicio, string? Notas);

/// <summary>A lawsuit filed by a law firm against a client; the client moves to the judicial stage, which stops extrajudicial contact.</summary>
public sealed record CrearJuicio(DatosJuicio Cuerpo) : IRequest<JuicioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/judicial/juicios", async Task<Created<JuicioDto>> (DatosJuicio body, IMediator m, CancellationToken ct) =>
        {
            var j = await m.Send(new CrearJuicio(body), ct);
            return TypedResults.Created($"/api/v1/judicial/juicios/{j.Id}", j);
        })
        .WithName("CrearJuicio").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class CrearJuicioValidator : AbstractValidator<CrearJuicio>
{
    public CrearJuicioValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.ClienteId).NotEmpty();
        c.RuleFor(x => x.EstudioId).NotEmpty();
        c.RuleFor(x => x.Tribunal).NotEmpty().MaximumLength(LargosJudicial.Tribunal);
        c.RuleFor(x => x.Rol).NotEmpty().MaximumLength(LargosJudicial.Rol);
        c.RuleFor(x => x.Procedimiento).NotEmpty().MaximumLength(LargosJudicial.Procedimiento);
        c.RuleFor(x => x.EtapaProcesal).NotEmpty().MaximumLength(LargosJudicial.EtapaProcesal);
        c.RuleFor(x => x.MontoDemandado).GreaterThanOrEqualTo(0).LessThanOrEqualTo(Montos.Maximo);
        c.RuleFor(x => x.FechaInicio).NotEmpty().Must(f => f.Year is >= 2000 and <= 2100).WithMessage("La fecha de inicio debe estar entre 2000 y 2100.");
        c.RuleFor(x => x.Notas).MaximumLength(LargosGestion.Notas);
    });
}

public sealed record ListarJuicios(Guid? ClienteId) : IRequest<IReadOnlyList<JuicioDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/judicial/juicios", async Task<Ok<IReadOnlyList<JuicioDto>>> ([AsParameters] ListarJuicios q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarJuicios").ProducesValidationProblem();
}

public sealed record ObtenerJuicio(Guid Id) : IRequest<JuicioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/judicial/juicios/{id:guid}", async Task<Ok<JuicioDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ObtenerJuicio(id), ct)))
        .WithName("ObtenerJuicio").ProducesProblem(404);
}

public sealed record DatosEtapaJuicio(string EtapaProcesal, string Estado, DateOnly? FechaTermino);

public sealed record ActualizarJuicio(Guid Id, DatosEtapaJuicio Cuerpo) : IRequest<JuicioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPut("/judicial/juicios/{id:guid}/etapa", async Task<Ok<JuicioDto>> (Guid id, DatosEtapaJuicio body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ActualizarJuicio(id, body), ct)))
        .WithName("ActualizarJuicio").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class ActualizarJuicioValidator : AbstractValidator<ActualizarJuicio>
{
    public ActualizarJuicioValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.EtapaProcesal).NotEmpty().MaximumLength(LargosJudicial.EtapaProcesal);
        c.RuleFor(x => x.Estado).Must(e => EstadosJuicio.Todos.Contains(e)).WithMessage($"El estado debe ser uno de: {string.Join(", ", EstadosJuicio.Todos)}.");
        c.RuleFor(x => x.FechaTermino).Must(f => f is null || f.Value.Year is >= 2000 and <= 2100).WithMessage("La fecha de término debe estar entre 2000 y 2100.");
    });
}

public sealed record DatosAudiencia(DateOnly Fecha, string Descripcion);

public sealed record AgregarAudiencia(Guid Id, DatosAudiencia Cuerpo) : IRequest<JuicioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/judicial/juicios/{id:guid}/audiencias", async Task<Ok<JuicioDto>> (Guid id, DatosAudiencia body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AgregarAudiencia(id, body), ct)))
        .WithName("AgregarAudiencia").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class AgregarAudienciaValidator : AbstractValidator<AgregarAudiencia>
{
    public AgregarAudienciaValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Fecha).NotEmpty().Must(f => f.Year is >= 2000 and <= 2100).WithMessage("La fecha debe estar entre 2000 y 2100.");
        c.RuleFor(x => x.Descripcion).NotEmpty().MaximumLength(LargosGestion.Motivo);
    });
}

public sealed record DatosCosto(string Tipo, DateOnly Fecha, decimal Monto, string Concepto);

public sealed record AgregarCosto(Guid Id, DatosCosto Cuerpo) : IRequest<JuicioDto>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/judicial/juicios/{id:guid}/costos", async Task<Ok<JuicioDto>> (Guid id, DatosCosto body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AgregarCosto(id, body), ct)))
        .WithName("AgregarCosto").ProducesValidationProblem().ProducesProblem(404);
}

public sealed class AgregarCostoValidator : AbstractValidator<AgregarCosto>
{
    public AgregarCostoValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.Tipo).Must(t => TiposCostoJuicio.Todos.Contains(t)).WithMessage($"El tipo debe ser uno de: {string.Join(", ", TiposCostoJuicio.Todos)}.");
        c.RuleFor(x => x.Fecha).NotEmpty().Must(f => f.Year is >= 2000 and <= 2100).WithMessage("La fecha debe estar entre 2000 y 2100.");
        c.RuleFor(x => x.Monto).GreaterThan(0).LessThanOrEqualTo(Montos.Maximo);
        c.RuleFor(x => x.Concepto).NotEmpty().MaximumLength(LargosGestion.Motivo);
    });
}

public sealed class JuiciosHandler(GestionDbContext db, AlcanceGestion alcance, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CrearEstudio, EstudioDto>, IRequestHandler<ListarEstudios, IReadOnlyList<EstudioDto>>, IRequestHandler<CrearJuicio, JuicioDto>,
        IRequestHandler<ListarJuicios, IReadOnlyList<JuicioDto>>, IRequestHandler<ObtenerJuicio, JuicioDto>, IRequestHandler<ActualizarJuicio, JuicioDto>,
        IRequestHandler<AgregarAudiencia, JuicioDto>, IRequestHandler<AgregarCosto, JuicioDto>
{
    public async ValueTask<EstudioDto> Handle(CrearEstudio request, CancellationToken cancellationToken)
    {
        var c = request.Cuerpo;
        var rut = Rut.TryParse(c.Rut, out var r) ? r.Value.Canonico : c.Rut.Trim();
        if (await db.Set<EstudioJuridico>().AnyAsync(e => e.Rut == rut, cancellationToken))
            throw new ConflictoException("rut", "Ya existe un estudio jurídico con ese RUT.");
        var estudio = new EstudioJuridico
        {
            Nombre = c.Nombre.Trim(), Rut = rut, Contacto = AgenciasHandler.Limpio(c.Contacto), Email = AgenciasHandler.Limpio(c.Email),
            Telefono = AgenciasHandler.Limpio(c.Telefono), Creado = reloj.GetUtcNow(),
        };
        db.Add(estudio);
        await db.SaveChangesAsync(cancellationToken);
        return new EstudioDto(estudio.Id, estudio.Nombre, estudio.Rut, estudio.Contacto, estudio.Email, estudio.Telefono, estudio.Activo, 0);
    }

    public async ValueTask<IReadOnlyList<EstudioDto>> Handle(ListarEstudios request, CancellationToken cancellationToken)
    {
        var vigentes = await db.Set<Juicio>().AsNoTracking().Where(j => j.Estado == EstadosJuicio.Vigente).GroupBy(j => j.EstudioId)
            .Select(g => new { g.Key, Cantidad = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Cantidad, cancellationToken);
        return (await db.Set<EstudioJuridico>().AsNoTracking().OrderBy(e => e.Nombre).ToListAsync(cancellationToken))
            .Select(e => new EstudioDto(e.Id, e.Nombre, e.Rut, e.Contacto, e.Email, e.Telefono, e.Activo, vigentes.GetValueOrDefault(e.Id))).ToList();
    }

    public async ValueTask<JuicioDto> Handle(CrearJuicio request, CancellationToken cancellationToken)
    {
        var c = request.Cuerpo;
        await alcance.ClienteAsync(c.ClienteId, cancellationToken);
        if (!await db.Set<EstudioJuridico>().AnyAsync(e => e.Id == c.EstudioId, cancellationToken))
            throw new NoEncontradoException("Estudio jurídico", c.EstudioId);
        var hoy = FechaNegocio.Hoy(reloj);
        if (c.FechaInicio > hoy)
            throw new ReglaNegocioException("fechaInicio", "fecha_futura", "La fecha de inicio no puede ser futura.");
        var juicio = new Juicio
        {
            ClienteId = c.ClienteId, EstudioId = c.EstudioId, Tribunal = c.Tribunal.Trim(), Rol = c.Rol.Trim(), Procedimiento = c.Procedimiento.Trim(),
            EtapaProcesal = c.EtapaProcesal.Trim(), MontoDemandado = c.MontoDemandado, FechaInicio = c.FechaInicio, Notas = AgenciasHandler.Limpio(c.Notas),
            CreadoPor = contexto.Actor, Creado = reloj.GetUtcNow(),
        };
        db.Add(juicio);
        await EtapasCliente.CambiarAsync(db, contexto.EmpresaId, c.ClienteId, EtapasCobranza.Judicial, hoy, null, cancellationToken);
        db.Add(new PasoAplicado
        {
            EmpresaId = contexto.EmpresaId, ClienteId = c.ClienteId, Nombre = "Cambio de etapa", Etapa = EtapasCobranza.Judicial, Fecha = hoy,
            Motivo = $"Demanda {juicio.Rol} en {juicio.Tribunal}", RegistradoPor = contexto.Actor, Creado = reloj.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return await CargarAsync(juicio.Id, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<JuicioDto>> Handle(ListarJuicios request, CancellationToken cancellationToken)
    {
        var q = db.Set<Juicio>().AsNoTracking();
        if (request.ClienteId is { } cliente)
            q = q.Where(j => j.ClienteId == cliente);
        if (await alcance.ClientesVisiblesAsync(cancellationToken) is { } visibles)
            q = q.Where(j => visibles.Contains(j.ClienteId));
        var juicios = await q.Include(j => j.Audiencias).Include(j => j.Costos).OrderByDescending(j => j.FechaInicio).Take(500).AsSplitQuery().ToListAsync(cancellationToken);
        var estudios = await db.Set<EstudioJuridico>().AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Nombre, cancellationToken);
        return juicios.Select(j => Dto(j, estudios.GetValueOrDefault(j.EstudioId, ""))).ToList();
    }

    public async ValueTask<JuicioDto> Handle(ObtenerJuicio request, CancellationToken cancellationToken) => await CargarAsync(request.Id, cancellationToken);

    public async ValueTask<JuicioDto> Handle(ActualizarJuicio request, CancellationToken cancellationToken)
    {
        var j = await JuicioAsync(request.Id, cancellationToken);
        var c = request.Cuerpo;
        if (c.FechaTermino is { } termino && termino < j.FechaInicio)
            throw new ReglaNegocioException("fechaTermino", "fecha_invalida", "El término no puede ser anterior al inicio.");
        j.EtapaProcesal = c.EtapaProcesal.Trim();
        j.Estado = c.Estado;
        j.FechaTermino = c.Estado == EstadosJuicio.Terminado ? c.FechaTermino ?? FechaNegocio.Hoy(reloj) : null;
        await db.SaveChangesAsync(cancellationToken);
        return await CargarAsync(j.Id, cancellationToken);
    }

    public async ValueTask<JuicioDto> Handle(AgregarAudiencia request, CancellationToken cancellationToken)
    {
        var j = await JuicioAsync(request.Id, cancellationToken);
        db.Add(new AudienciaJuicio { JuicioId = j.Id, Fecha = request.Cuerpo.Fecha, Descripcion = request.Cuerpo.Descripcion.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return await CargarAsync(j.Id, cancellationToken);
    }

    public async ValueTask<JuicioDto> Handle(AgregarCosto request, CancellationToken cancellationToken)
    {
        var j = await JuicioAsync(request.Id, cancellationToken);
        var c = request.Cuerpo;
        db.Add(new CostoJuicio { JuicioId = j.Id, Tipo = c.Tipo, Fecha = c.Fecha, Monto = c.Monto, Concepto = c.Concepto.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return await CargarAsync(j.Id, cancellationToken);
    }

    private async Task<Juicio> JuicioAsync(Guid id, CancellationToken ct)
    {
        var j = await db.Set<Juicio>().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NoEncontradoException("Juicio", id);
        if (!await alcance.PuedeVerAsync(j.ClienteId, ct))
            throw new NoEncontradoException("Juicio", id);
        return j;
    }

    private async Task<JuicioDto> CargarAsync(Guid id, CancellationToken ct)
    {
        var j = await db.Set<Juicio>().AsNoTracking().Include(x => x.Audiencias).Include(x => x.Costos).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NoEncontradoException("Juicio", id);
        if (!await alcance.PuedeVerAsync(j.ClienteId, ct))
            throw new NoEncontradoException("Juicio", id);
        var estudio = await db.Set<EstudioJuridico>().Where(e => e.Id == j.EstudioId).Select(e => e.Nombre).SingleAsync(ct);
        return Dto(j, estudio);
    }

    private static JuicioDto Dto(Juicio j, string estudio) =>
        new(j.Id, j.ClienteId, j.EstudioId, estudio, j.Tribunal, j.Rol, j.Procedimiento, j.EtapaProcesal, j.Estado, j.MontoDemandado, j.FechaInicio, j.FechaTermino, j.Notas,
            j.Costos.Where(c => c.Tipo == TiposCostoJuicio.Incurrido).Sum(c => c.Monto), j.Costos.Where(c => c.Tipo == TiposCostoJuicio.Recuperado).Sum(c => c.Monto),
            [.. j.Audiencias.OrderBy(a => a.Fecha).Select(a => new AudienciaDto(a.Id, a.Fecha, a.Descripcion))],
            [.. j.Costos.OrderBy(c => c.Fecha).Select(c => new CostoDto(c.Id, c.Tipo, c.Fecha, c.Monto, c.Concepto))]);
}

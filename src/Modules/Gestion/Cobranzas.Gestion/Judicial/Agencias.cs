using Cobranzas.Cartera.Contracts;
using Cobranzas.Gestion.Contracts;
using Cobranzas.Gestion.Persistencia;
using Cobranzas.Gestion.Politica;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Rut;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Gestion.Judicial;

public sealed record AgenciaDto(
    Guid Id, string Nombre, string Rut, string? Contacto, string? Email, string? Telefono, decimal PorcentajeComision, bool Activa, int DerivacionesActivas);

public sealed record DatosAgencia(string Nombre, string Rut, string? Contacto, string? Email, string? Telefono, decimal PorcentajeComision);

public sealed class DatosAgenciaValidator : AbstractValidator<DatosAgencia>
{
    public DatosAgenciaValidator()
    {
        RuleFor(x => x.Nombre).NotEmpty().MaximumLength(LargosJudicial.Nombre);
        RuleFor(x => x.Rut).EsRut();
        RuleFor(x => x.Contacto).MaximumLength(LargosJudicial.Contacto);
        RuleFor(x => x.Email).MaximumLength(LargosGestion.Email).EmailAddress().When(x => !string.IsNullOrEmpty(x.Email));
        RuleFor(x => x.Telefono).MaximumLength(LargosGestion.Telefono);
        RuleFor(x => x.PorcentajeComision).InclusiveBetween(0, 100);
    }
}

public sealed record CrearAgencia(DatosAgencia Cuerpo) : IRequest<AgenciaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/judicial/agencias", async Task<Created<AgenciaDto>> (DatosAgencia body, IMediator m, CancellationToken ct) =>
        {
            var a = await m.Send(new CrearAgencia(body), ct);
            return TypedResults.Created($"/api/v1/judicial/agencias/{a.Id}", a);
        })
        .WithName("CrearAgencia").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class CrearAgenciaValidator : AbstractValidator<CrearAgencia>
{
    public CrearAgenciaValidator() => RuleFor(x => x.Cuerpo).NotNull().SetValidator(new DatosAgenciaValidator());
}

public sealed record ListarAgencias : IRequest<IReadOnlyList<AgenciaDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/judicial/agencias", async Task<Ok<IReadOnlyList<AgenciaDto>>> (IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new ListarAgencias(), ct)))
        .WithName("ListarAgencias");
}

public sealed record CrearClaveAgencia(Guid Id) : IRequest<ApiKeyAgenciaCreada>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/judicial/agencias/{id:guid}/api-key", async Task<Ok<ApiKeyAgenciaCreada>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CrearClaveAgencia(id), ct)))
        .WithName("CrearClaveAgencia").ProducesProblem(404).ProducesProblem(422);
}

public sealed record DerivacionDto(
    Guid Id, Guid AgenciaId, string Agencia, Guid ClienteId, IReadOnlyList<Guid> DocumentoIds, DateOnly Fecha, string Estado, DateOnly? FechaCierre, string? Notas,
    string DerivadaPor);

public sealed record DatosDerivacion(Guid ClienteId, Guid[]? DocumentoIds, string? Notas);

/// <summary>Hands a client's documents (all its open ones when none are chosen) to an agency; the client moves to the prejudicial stage.</summary>
public sealed record DerivarAgencia(Guid Id, DatosDerivacion Cuerpo) : IRequest<DerivacionDto>
{
    public const int MaximoDocumentos = 500;

    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/judicial/agencias/{id:guid}/derivaciones",
            async Task<Created<DerivacionDto>> (Guid id, DatosDerivacion body, IMediator m, CancellationToken ct) =>
            {
                var d = await m.Send(new DerivarAgencia(id, body), ct);
                return TypedResults.Created($"/api/v1/judicial/derivaciones/{d.Id}", d);
            })
        .WithName("DerivarAgencia").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class DerivarAgenciaValidator : AbstractValidator<DerivarAgencia>
{
    public DerivarAgenciaValidator() => RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
    {
        c.RuleFor(x => x.ClienteId).NotEmpty();
        c.RuleFor(x => x.DocumentoIds).Must(d => d is null || d.Length <= DerivarAgencia.MaximoDocumentos)
            .WithMessage($"documentoIds admite a lo más {DerivarAgencia.MaximoDocumentos} documentos.");
        c.RuleFor(x => x.Notas).MaximumLength(LargosGestion.Notas);
    });
}

public sealed record ListarDerivaciones(Guid? ClienteId, Guid? AgenciaId) : IRequest<IReadOnlyList<DerivacionDto>>
{
    public static void Map(RutasModulo rutas) => rutas.Leer.MapGet("/judicial/derivaciones", async Task<Ok<IReadOnlyList<DerivacionDto>>> ([AsParameters] ListarDerivaciones q, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(q, ct)))
        .WithName("ListarDerivaciones").ProducesValidationProblem();
}

public sealed record CerrarDerivacion(Guid Id) : IRequest<DerivacionDto>
{
    public static void Map(RutasModulo rutas) => rutas.Supervisar.MapPost("/judicial/derivaciones/{id:guid}/cerrar", async Task<Ok<DerivacionDto>> (Guid id, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new CerrarDerivacion(id), ct)))
        .WithName("CerrarDerivacion").ProducesProblem(404).ProducesProblem(422);
}

public sealed class AgenciasHandler(GestionDbContext db, AlcanceGestion alcance, IMediator mediator, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CrearAgencia, AgenciaDto>, IRequestHandler<ListarAgencias, IReadOnlyList<AgenciaDto>>, IRequestHandler<CrearClaveAgencia, ApiKeyAgenciaCreada>,
        IRequestHandler<DerivarAgencia, DerivacionDto>, IRequestHandler<ListarDerivaciones, IReadOnlyList<DerivacionDto>>, IRequestHandler<CerrarDerivacion, DerivacionDto>
{
    public async ValueTask<AgenciaDto> Handle(CrearAgencia request, CancellationToken cancellationToken)
    {
        var c = request.Cuerpo;
        var rut = Rut.TryParse(c.Rut, out var r) ? r.Value.Canonico : c.Rut.Trim();
        if (await db.Set<AgenciaCobranza>().AnyAsync(a => a.Rut == rut, cancellationToken))
            throw new ConflictoException("rut", "Ya existe una agencia con ese RUT.");
        var agencia = new AgenciaCobranza
        {
            Nombre = c.Nombre.Trim(), Rut = rut, Contacto = Limpio(c.Contacto), Email = Limpio(c.Email), Telefono = Limpio(c.Telefono),
            PorcentajeComision = c.PorcentajeComision, Creada = reloj.GetUtcNow(),
        };
        db.Add(agencia);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(agencia, 0);
    }

    public async ValueTask<IReadOnlyList<AgenciaDto>> Handle(ListarAgencias request, CancellationToken cancellationToken)
    {
        var activas = await db.Set<DerivacionAgencia>().AsNoTracking().Where(d => d.Estado == EstadosDerivacion.Activa).GroupBy(d => d.AgenciaId)
            .Select(g => new { g.Key, Cantidad = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Cantidad, cancellationToken);
        return (await db.Set<AgenciaCobranza>().AsNoTracking().OrderBy(a => a.Nombre).ToListAsync(cancellationToken))
            .Select(a => Dto(a, activas.GetValueOrDefault(a.Id))).ToList();
    }

    public async ValueTask<ApiKeyAgenciaCreada> Handle(CrearClaveAgencia request, CancellationToken cancellationToken)
    {
        var agencia = await db.Set<AgenciaCobranza>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Agencia", request.Id);
        if (!agencia.Activa)
            throw new ReglaNegocioException("id", "agencia_inactiva", "La agencia está inactiva.");
        var nombre = $"Agencia {agencia.Nombre}";
        return await mediator.Send(new CrearApiKeyAgencia(agencia.Id, nombre.Length > 100 ? nombre[..100] : nombre), cancellationToken);
    }

    public async ValueTask<DerivacionDto> Handle(DerivarAgencia request, CancellationToken cancellationToken)
    {
        var agencia = await db.Set<AgenciaCobranza>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken)
            ?? throw new NoEncontradoException("Agencia", request.Id);
        if (!agencia.Activa)
            throw new ReglaNegocioException("id", "agencia_inactiva", "La agencia está inactiva.");
        var c = request.Cuerpo;
        await alcance.ClienteAsync(c.ClienteId, cancellationToken);
        List<Guid> documentos;
        if (c.DocumentoIds is { Length: > 0 } elegidos)
        {
            var encontrados = await mediator.Send(new BuscarDocumentos([.. elegidos.Distinct()]), cancellationToken);
            if (encontrados.Count != elegidos.Distinct().Count() || encontrados.Any(d => d.ClienteId != c.ClienteId))
                throw new ReglaNegocioException("documentoIds", "documento_ajeno", "Algún documento no existe o no es de este cliente.");
            if (encontrados.Any(d => d.Saldo <= 0))
                throw new ReglaNegocioException("documentoIds", "documento_sin_saldo", "Algún documento no tiene saldo.");
            documentos = [.. encontrados.Select(d => d.Id)];
        }
        else
        {
            var estado = await mediator.Send(new ObtenerEstadoCuentaCliente(c.ClienteId, null, null), cancellationToken);
            documentos = [.. estado.Documentos.Where(d => d.Saldo > 0).Select(d => d.Id)];
            if (documentos.Count == 0)
                throw new ReglaNegocioException("clienteId", "sin_documentos", "El cliente no tiene documentos con saldo que derivar.");
        }

        var yaDerivados = await db.Set<DerivacionAgencia>().Where(d => d.Estado == EstadosDerivacion.Activa && d.ClienteId == c.ClienteId)
            .Select(d => d.DocumentoIds).ToListAsync(cancellationToken);
        if (yaDerivados.SelectMany(x => x).Intersect(documentos).Any())
            throw new ReglaNegocioException("documentoIds", "ya_derivado", "Algún documento ya está derivado a una agencia.");

        var hoy = FechaNegocio.Hoy(reloj);
        var derivacion = new DerivacionAgencia
        {
            AgenciaId = agencia.Id, ClienteId = c.ClienteId, DocumentoIds = documentos, Fecha = hoy, Notas = Limpio(c.Notas), DerivadaPor = contexto.Actor,
            Creada = reloj.GetUtcNow(),
        };
        db.Add(derivacion);
        await CambiarEtapaAsync(c.ClienteId, EtapasCobranza.Prejudicial, $"Derivado a la agencia {agencia.Nombre}", hoy, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Dto(derivacion, agencia.Nombre);
    }

    public async ValueTask<IReadOnlyList<DerivacionDto>> Handle(ListarDerivaciones request, CancellationToken cancellationToken)
    {
        var q = db.Set<DerivacionAgencia>().AsNoTracking();
        if (request.ClienteId is { } cliente)
            q = q.Where(d => d.ClienteId == cliente);
        if (request.AgenciaId is { } agencia)
            q = q.Where(d => d.AgenciaId == agencia);
        if (await alcance.ClientesVisiblesAsync(cancellationToken) is { } visibles)
            q = q.Where(d => visibles.Contains(d.ClienteId));
        var nombres = await db.Set<AgenciaCobranza>().AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Nombre, cancellationToken);
        return (await q.OrderByDescending(d => d.Creada).Take(500).ToListAsync(cancellationToken)).Select(d => Dto(d, nombres.GetValueOrDefault(d.AgenciaId, ""))).ToList();
    }

    public async ValueTask<DerivacionDto> Handle(CerrarDerivacion request, CancellationToken cancellationToken)
    {
        var d = await db.Set<DerivacionAgencia>().SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken) ?? throw new NoEncontradoException("Derivación", request.Id);
        await alcance.ClienteAsync(d.ClienteId, cancellationToken);
        if (d.Estado != EstadosDerivacion.Activa)
            throw new ReglaNegocioException("id", "derivacion_cerrada", "La derivación ya está cerrada.");
        d.Estado = EstadosDerivacion.Cerrada;
        d.FechaCierre = FechaNegocio.Hoy(reloj);
        await db.SaveChangesAsync(cancellationToken);
        var nombre = await db.Set<AgenciaCobranza>().Where(a => a.Id == d.AgenciaId).Select(a => a.Nombre).SingleAsync(cancellationToken);
        return Dto(d, nombre);
    }

    private async Task CambiarEtapaAsync(Guid clienteId, string etapa, string motivo, DateOnly hoy, CancellationToken ct)
    {
        await EtapasCliente.CambiarAsync(db, contexto.EmpresaId, clienteId, etapa, hoy, null, ct);
        db.Add(new PasoAplicado
        {
            EmpresaId = contexto.EmpresaId, ClienteId = clienteId, Nombre = "Cambio de etapa", Etapa = etapa, Fecha = hoy, Motivo = motivo, RegistradoPor = contexto.Actor,
            Creado = reloj.GetUtcNow(),
        });
    }

    internal static string? Limpio(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static AgenciaDto Dto(AgenciaCobranza a, int activas) =>
        new(a.Id, a.Nombre, a.Rut, a.Contacto, a.Email, a.Telefono, a.PorcentajeComision, a.Activa, activas);

    private static DerivacionDto Dto(DerivacionAgencia d, string agencia) =>
        new(d.Id, d.AgenciaId, agencia, d.ClienteId, d.DocumentoIds, d.Fecha, d.Estado, d.FechaCierre, d.Notas, d.DerivadaPor);
}

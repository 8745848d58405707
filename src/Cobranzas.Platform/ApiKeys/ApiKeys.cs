using Cobranzas.Platform.Autenticacion;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Platform.ApiKeys;

public sealed record ApiKeyDto(Guid Id, string Nombre, string Prefijo, string Alcance, DateTimeOffset Creada, string CreadaPor, DateTimeOffset? UltimoUso, DateTimeOffset? Revocada);

/// <summary>The only time the full key is visible: the answer to its creation.</summary>
public sealed record ApiKeyCreadaDto(ApiKeyDto ApiKey, string Clave);

public sealed record CrearApiKey(string Nombre, string Alcance) : IRequest<ApiKeyCreadaDto>
{
    public static void Map(RutasPlataforma rutas) => rutas.ApiKeys.MapPost("/", async Task<Created<ApiKeyCreadaDto>> (CrearApiKey cmd, IMediator m, CancellationToken ct) =>
        {
            var k = await m.Send(cmd, ct);
            return TypedResults.Created($"/api/v1/api-keys/{k.ApiKey.Id}", k);
        })
        .WithName("CrearApiKey").ProducesValidationProblem();
}

public sealed class CrearApiKeyValidator : AbstractValidator<CrearApiKey>
{
    public CrearApiKeyValidator()
    {
        RuleFor(x => x.Nombre).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Alcance).NotEmpty().Must(a => a is ApiKey.AlcanceLectura or ApiKey.AlcanceLecturaEscritura)
            .WithMessage($"Alcance debe ser '{ApiKey.AlcanceLectura}' o '{ApiKey.AlcanceLecturaEscritura}'.");
    }
}

public sealed class CrearApiKeyHandler(PlataformaDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<CrearApiKey, ApiKeyCreadaDto>
{
    public async ValueTask<ApiKeyCreadaDto> Handle(CrearApiKey request, CancellationToken cancellationToken)
    {
        var (clave, prefijo, hash) = ClavesApi.Generar();
        var apiKey = new ApiKey
        {
            EmpresaId = contexto.EmpresaId, Nombre = request.Nombre.Trim(), Prefijo = prefijo, SecretoHash = hash,
            Alcance = request.Alcance, Creada = reloj.GetUtcNow(), CreadaPor = contexto.Actor,
        };
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return new ApiKeyCreadaDto(ListarApiKeysHandler.ADto(apiKey), clave);
    }
}

public sealed record ListarApiKeys : IRequest<IReadOnlyList<ApiKeyDto>>
{
    public static void Map(RutasPlataforma rutas) => rutas.ApiKeys.MapGet("/", async Task<Ok<IReadOnlyList<ApiKeyDto>>> (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ListarApiKeys(), ct)))
        .WithName("ListarApiKeys");
}

public sealed class ListarApiKeysHandler(PlataformaDbContext db, IContextoSolicitud contexto) : IRequestHandler<ListarApiKeys, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListarApiKeys request, CancellationToken cancellationToken) =>
        (await db.ApiKeys.AsNoTracking().Where(k => k.EmpresaId == contexto.EmpresaId).OrderByDescending(k => k.Creada).ToListAsync(cancellationToken))
        .Select(ADto).ToList();

    public static ApiKeyDto ADto(ApiKey k) => new(k.Id, k.Nombre, k.Prefijo, k.Alcance, k.Creada, k.CreadaPor, k.UltimoUso, k.Revocada);
}

public sealed record RevocarApiKey(Guid Id) : IRequest<ApiKeyDto>
{
    public static void Map(RutasPlataforma rutas) => rutas.ApiKeys.MapDelete("/{id:guid}", async Task<Ok<ApiKeyDto>> (Guid id, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new RevocarApiKey(id), ct)))
        .WithName("RevocarApiKey").ProducesProblem(404);
}

public sealed class RevocarApiKeyHandler(PlataformaDbContext db, IContextoSolicitud contexto, TimeProvider reloj) : IRequestHandler<RevocarApiKey, ApiKeyDto>
{
    public async ValueTask<ApiKeyDto> Handle(RevocarApiKey request, CancellationToken cancellationToken)
    {
        var apiKey = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == request.Id && k.EmpresaId == contexto.EmpresaId, cancellationToken)
            ?? throw new NoEncontradoException("API key", request.Id);
        apiKey.Revocada ??= reloj.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ListarApiKeysHandler.ADto(apiKey);
    }
}

/// <summary>
/// A key grants at most what its creator may do in the company now: lowering the creator's role below the key's
/// scope, or deactivating the creator, revokes it (audited with the write that caused it); raising it back does not revive it.
/// </summary>
public static class ApiKeysDelCreador
{
    public static async Task RevocarLasQueExcedenAsync(PlataformaDbContext db, Membresia membresia, DateTimeOffset ahora, CancellationToken ct)
    {
        var permitidos = membresia.Activa ? Roles.PermisosDe(membresia.Rol) : [];
        // CreadaPor is the creator's actor: the e-mail of a user session (unique and never changed), or the user id.
        var actores = new[] { membresia.Usuario!.Email, membresia.UsuarioId };
        var claves = await db.ApiKeys
            .Where(k => k.EmpresaId == membresia.EmpresaId && k.Revocada == null && actores.Contains(k.CreadaPor))
            .ToListAsync(ct);
        // An agency key is a supervisor's act (Gestión's agencies are run by supervisors): it lapses with that permission.
        foreach (var clave in claves.Where(k => k.Alcance == ApiKey.AlcanceAgencia ? !permitidos.Contains(Permisos.Supervisar) : k.Permisos().Except(permitidos).Any()))
            clave.Revocada = ahora;
    }
}

/// <summary>Creates the scoped key of a collection agency (asked by Gestión, which checked the agency).</summary>
public sealed class CrearApiKeyAgenciaHandler(PlataformaDbContext db, IContextoSolicitud contexto, TimeProvider reloj)
    : IRequestHandler<CrearApiKeyAgencia, ApiKeyAgenciaCreada>
{
    public async ValueTask<ApiKeyAgenciaCreada> Handle(CrearApiKeyAgencia request, CancellationToken cancellationToken)
    {
        var (clave, prefijo, hash) = ClavesApi.Generar();
        var apiKey = new ApiKey
        {
            EmpresaId = contexto.EmpresaId, Nombre = request.Nombre.Trim(), Prefijo = prefijo, SecretoHash = hash, Alcance = ApiKey.AlcanceAgencia,
            AgenciaId = request.AgenciaId, Creada = reloj.GetUtcNow(), CreadaPor = contexto.Actor,
        };
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return new ApiKeyAgenciaCreada(apiKey.Id, prefijo, clave);
    }
}

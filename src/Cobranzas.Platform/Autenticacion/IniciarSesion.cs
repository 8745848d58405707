using System.Threading.RateLimiting;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cobranzas.Platform.Autenticacion;

public sealed record IniciarSesion(string Email, string Password, Guid? EmpresaId) : IRequest<SesionDto>
{
    public static void Map(RutasPlataforma rutas) => rutas.Auth.MapPost("/login", async Task<Ok<SesionDto>> (IniciarSesion cmd, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(cmd, ct)))
        .WithName("IniciarSesion").AllowAnonymous().ProducesProblem(400).ProducesProblem(401).ConLimite(LimitesUso.Login);
}

public sealed record SesionDto(
    string Token,
    DateTimeOffset Expira,
    UsuarioSesionDto Usuario,
    EmpresaSesionDto Empresa,
    string Rol,
    IReadOnlyList<string> Permisos,
    IReadOnlyList<EmpresaSesionDto> Empresas);

public sealed record UsuarioSesionDto(string Id, string Email, string Nombre);

public sealed record EmpresaSesionDto(Guid Id, string Rut, string RazonSocial, string Rol);

public sealed class IniciarSesionValidator : AbstractValidator<IniciarSesion>
{
    public IniciarSesionValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(200);
    }
}

public sealed class IniciarSesionHandler(UserManager<Usuario> usuarios, AbridorSesiones sesiones, LimiteLoginPorEmail limite) : IRequestHandler<IniciarSesion, SesionDto>
{
    public const string Rechazo = "E-mail o contraseña incorrectos, o la cuenta está bloqueada temporalmente por intentos fallidos.";

    private static string? _hashFicticio;

    public async ValueTask<SesionDto> Handle(IniciarSesion request, CancellationToken cancellationToken)
    {
        limite.Consumir(request.Email);

        // Every refusal costs one password hash and says the same, so neither the time nor the text
        // tells whether the e-mail exists or the account is locked.
        var usuario = await usuarios.FindByEmailAsync(request.Email.Trim());
        var conClave = usuario is not null && await usuarios.HasPasswordAsync(usuario);
        var valida = conClave ? await usuarios.CheckPasswordAsync(usuario!, request.Password) : VerificarContraHashFicticio(request.Password);
        if (!conClave || await usuarios.IsLockedOutAsync(usuario!))
            throw new CredencialesInvalidasException(Rechazo);

        if (!valida)
        {
            await usuarios.AccessFailedAsync(usuario!);
            throw new CredencialesInvalidasException(Rechazo);
        }

        await usuarios.ResetAccessFailedCountAsync(usuario!);
        return await sesiones.AbrirAsync(usuario!, request.EmpresaId, cancellationToken);
    }

    private bool VerificarContraHashFicticio(string password)
    {
        var ficticio = new Usuario();
        var hash = LazyInitializer.EnsureInitialized(ref _hashFicticio, () => usuarios.PasswordHasher.HashPassword(ficticio, Guid.NewGuid().ToString()));
        usuarios.PasswordHasher.VerifyHashedPassword(ficticio, hash, password);
        return false;
    }
}

/// <summary>Attempts per e-mail, whatever their outcome and origin: guessing one account from many addresses is slowed too.</summary>
public sealed class LimiteLoginPorEmail(IOptionsMonitor<OpcionesLimiteUso> opciones) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limitador = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => LimitesUso.Ventana(opciones.Get(LimitesUso.LoginPorEmail))));

    public void Consumir(string email)
    {
        using var permiso = _limitador.AttemptAcquire(email.Trim().ToUpperInvariant());
        if (!permiso.IsAcquired)
            throw new LimiteExcedidoException(LimitesUso.SegundosParaReintentar(permiso));
    }

    public void Dispose() => _limitador.Dispose();
}

public sealed record CambiarEmpresa(Guid EmpresaId) : IRequest<SesionDto>
{
    public static void Map(RutasPlataforma rutas) => rutas.Auth.MapPost("/cambiar-empresa", async Task<Ok<SesionDto>> (CambiarEmpresa cmd, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(cmd, ct)))
        .WithName("CambiarEmpresa").RequireAuthorization(Politicas.SoloUsuarios).ProducesProblem(404);
}

public sealed class CambiarEmpresaValidator : AbstractValidator<CambiarEmpresa>
{
    public CambiarEmpresaValidator() => RuleFor(x => x.EmpresaId).NotEmpty();
}

public sealed class CambiarEmpresaHandler(UserManager<Usuario> usuarios, AbridorSesiones sesiones, IContextoSolicitud contexto)
    : IRequestHandler<CambiarEmpresa, SesionDto>
{
    public async ValueTask<SesionDto> Handle(CambiarEmpresa request, CancellationToken cancellationToken)
    {
        var usuario = await usuarios.FindByIdAsync(contexto.UsuarioId ?? "") ?? throw new CredencialesInvalidasException("Sesión inválida.");
        return await sesiones.AbrirAsync(usuario, request.EmpresaId, cancellationToken);
    }
}

/// <summary>Opens a session of a user in one of its active companies.</summary>
public sealed class AbridorSesiones(PlataformaDbContext db, EmisorTokens emisor, TimeProvider reloj, IOptions<OpcionesJwt> opciones)
{
    public async Task<SesionDto> AbrirAsync(Usuario usuario, Guid? empresaId, CancellationToken ct)
    {
        var membresias = await db.Membresias.Include(m => m.Empresa)
            .Where(m => m.UsuarioId == usuario.Id && m.Activa)
            .OrderBy(m => m.Empresa!.RazonSocial)
            .ToListAsync(ct);
        if (membresias.Count == 0)
            throw new CredencialesInvalidasException("El usuario no tiene acceso activo a ninguna empresa.");

        var elegida = empresaId is null
            ? membresias[0]
            : membresias.FirstOrDefault(m => m.EmpresaId == empresaId) ?? throw new NoEncontradoException("Empresa", empresaId);

        var ahora = reloj.GetUtcNow();
        var sesion = new Sesion { UsuarioId = usuario.Id, EmpresaId = elegida.EmpresaId, Creada = ahora, Expira = ahora + opciones.Value.Duracion };
        db.Sesiones.Add(sesion);
        await db.SaveChangesAsync(ct);

        var (token, expira) = emisor.Emitir(usuario, elegida, sesion);
        return new SesionDto(
            token,
            expira,
            new UsuarioSesionDto(usuario.Id, usuario.Email ?? "", usuario.Nombre),
            ADto(elegida),
            elegida.Rol,
            Roles.PermisosDe(elegida.Rol),
            membresias.Select(ADto).ToList());
    }

    private static EmpresaSesionDto ADto(Membresia m) => new(m.EmpresaId, m.Empresa!.Rut, m.Empresa.RazonSocial, m.Rol);
}

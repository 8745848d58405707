using Cobranzas.Clientes.Contracts;
using Cobranzas.Portal.Contracts;
using Cobranzas.Portal.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Cobranzas.Portal.Acceso;

public sealed record DatosAbrirSesionPortal(string Token);

/// <summary>The session token goes in the <c>X-Portal-Sesion</c> header of every portal request.</summary>
public sealed record SesionPortalDto(string Token, DateTimeOffset Expira, string Empresa, string Cliente, string Contacto);

/// <summary>Exchanges a link's token for a session; the link works once and only until it expires (401 otherwise).</summary>
public sealed record AbrirSesionPortal(DatosAbrirSesionPortal Cuerpo) : IRequest<SesionPortalDto>
{
    public const string Rechazo = "El enlace no es válido, ya se usó o venció. Pida uno nuevo.";

    public static void Map(RutasPortal rutas) => rutas.Publico.MapPost("/sesion", async Task<Ok<SesionPortalDto>> (DatosAbrirSesionPortal body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new AbrirSesionPortal(body), ct)))
        .WithName("AbrirSesionPortal").ProducesValidationProblem().ProducesProblem(401).ConLimite(LimitesUso.PortalAcceso);
}

public sealed class AbrirSesionPortalValidator : AbstractValidator<AbrirSesionPortal>
{
    public AbrirSesionPortalValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c => c.RuleFor(x => x.Token).NotEmpty().WithMessage("Indique el token del enlace.").MaximumLength(100));
}

public sealed class AbrirSesionPortalHandler(PortalDbContext db, IMediator mediator, IContextoSolicitudExplicito contexto, TimeProvider reloj, IOptions<OpcionesPortal> opciones)
    : IRequestHandler<AbrirSesionPortal, SesionPortalDto>
{
    public async ValueTask<SesionPortalDto> Handle(AbrirSesionPortal request, CancellationToken cancellationToken)
    {
        var hash = TokensPortal.Hash(request.Cuerpo.Token.Trim());
        var ahora = reloj.GetUtcNow();
        var enlace = await db.Set<EnlaceAcceso>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(e => e.TokenHash == hash, cancellationToken);
        if (enlace is null)
            throw new CredencialesInvalidasException(AbrirSesionPortal.Rechazo);
        // Spent in one statement: of two requests with the same link, one wins.
        var gastado = await db.Set<EnlaceAcceso>().IgnoreQueryFilters()
            .Where(e => e.Id == enlace.Id && e.Usado == null && e.Expira > ahora)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Usado, ahora), cancellationToken);
        if (gastado == 0)
            throw new CredencialesInvalidasException(AbrirSesionPortal.Rechazo);
        var contacto = await mediator.Send(new ObtenerContactoPortal(enlace.EmpresaId, enlace.ClienteId, enlace.ContactoId, enlace.Email), cancellationToken)
            ?? throw new CredencialesInvalidasException(AbrirSesionPortal.Rechazo);

        contexto.Establecer(enlace.EmpresaId, $"portal:{enlace.Email}");
        var (token, tokenHash) = TokensPortal.Nuevo();
        var sesion = new SesionPortal
        {
            ClienteId = enlace.ClienteId, ContactoId = enlace.ContactoId, Email = enlace.Email, TokenHash = tokenHash, EnlaceId = enlace.Id,
            Creada = ahora, Expira = ahora + opciones.Value.VigenciaSesion,
        };
        db.Add(sesion);
        await db.SaveChangesAsync(cancellationToken);
        var empresa = await mediator.Send(new ObtenerDatosEmpresa(enlace.EmpresaId), cancellationToken);
        return new SesionPortalDto(token, sesion.Expira, empresa?.RazonSocial ?? "", contacto.RazonSocialCliente, contacto.Nombre);
    }
}

/// <summary>Closes the caller's portal session: its token stops working at once.</summary>
public sealed record CerrarSesionPortal : IRequest
{
    public static void Map(RutasPortal rutas) => rutas.Sesion.MapPost("/sesion/cerrar", async Task<NoContent> (IMediator m, CancellationToken ct) =>
        {
            await m.Send(new CerrarSesionPortal(), ct);
            return TypedResults.NoContent();
        })
        .WithName("CerrarSesionPortal");
}

public sealed class CerrarSesionPortalHandler(PortalDbContext db, SesionActual sesion, TimeProvider reloj) : IRequestHandler<CerrarSesionPortal>
{
    public async ValueTask<Unit> Handle(CerrarSesionPortal request, CancellationToken cancellationToken)
    {
        var fila = await db.Set<SesionPortal>().SingleAsync(s => s.Id == sesion.SesionId, cancellationToken);
        fila.Cerrada = reloj.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Links for reminders (<c>enlace_portal</c>): one per contact, valid <see cref="OpcionesPortal.VigenciaEnlaceRecordatorio"/>.</summary>
public sealed class CrearEnlacesPortalHandler(PortalDbContext db, TimeProvider reloj, IOptions<OpcionesPortal> opciones, IConfiguration configuracion)
    : IRequestHandler<CrearEnlacesPortal, IReadOnlyDictionary<Guid, string>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, string>> Handle(CrearEnlacesPortal request, CancellationToken cancellationToken)
    {
        var ahora = reloj.GetUtcNow();
        var urlBase = (configuracion["App:UrlPublica"] ?? "").TrimEnd('/');
        var urls = new Dictionary<Guid, string>();
        foreach (var p in request.Pedidos.DistinctBy(p => p.ContactoId))
        {
            var (token, hash) = TokensPortal.Nuevo();
            db.Add(new EnlaceAcceso
            {
                ClienteId = p.ClienteId, ContactoId = p.ContactoId, Email = p.Email.Trim().ToLowerInvariant(), TokenHash = hash, Origen = OrigenesEnlace.Recordatorio,
                Creado = ahora, Expira = ahora + opciones.Value.VigenciaEnlaceRecordatorio,
            });
            urls[p.ContactoId] = $"{urlBase}/portal/entrar?token={token}";
        }

        await db.SaveChangesAsync(cancellationToken);
        return urls;
    }
}

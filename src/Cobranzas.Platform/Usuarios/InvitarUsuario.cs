using System.Net;
using System.Security.Cryptography;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Platform.Correo;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cobranzas.Platform.Usuarios;

public sealed record InvitarUsuario(string Email, string Nombre, string Rol) : IRequest<UsuarioDto>
{
    public static void Map(RutasPlataforma rutas) => rutas.Usuarios.MapPost("/invitaciones", async Task<Created<UsuarioDto>> (InvitarUsuario cmd, IMediator m, CancellationToken ct) =>
        {
            var u = await m.Send(cmd, ct);
            return TypedResults.Created($"/api/v1/usuarios/{u.Id}", u);
        })
        .WithName("InvitarUsuario").ProducesValidationProblem().ProducesProblem(409);
}

public sealed class InvitarUsuarioValidator : AbstractValidator<InvitarUsuario>
{
    public InvitarUsuarioValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(x => x.Nombre).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Rol).NotEmpty().Must(r => Roles.Todos.Contains(r))
            .WithMessage($"Rol debe ser uno de: {string.Join(", ", Roles.Todos)}.");
    }
}

public sealed class OpcionesApp
{
    public string UrlPublica { get; set; } = "http://127.0.0.1:5080";
}

public sealed class InvitarUsuarioHandler(
    PlataformaDbContext db,
    UserManager<Usuario> usuarios,
    IContextoSolicitud contexto,
    TimeProvider reloj,
    IOptions<OpcionesApp> app,
    DespachadorCorreos despachador,
    ILogger<InvitarUsuarioHandler> log) : IRequestHandler<InvitarUsuario, UsuarioDto>
{
    public static readonly TimeSpan Vigencia = TimeSpan.FromDays(7);

    public async ValueTask<UsuarioDto> Handle(InvitarUsuario request, CancellationToken cancellationToken)
    {
        var ahora = reloj.GetUtcNow();
        var email = request.Email.Trim().ToLowerInvariant();
        var empresa = await db.Empresas.SingleAsync(e => e.Id == contexto.EmpresaId, cancellationToken);

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var usuario = await usuarios.FindByEmailAsync(email);
        if (usuario is null)
        {
            usuario = new Usuario { UserName = email, Email = email, Nombre = request.Nombre.Trim(), Creado = ahora, LockoutEnabled = true };
            var creado = await usuarios.CreateAsync(usuario);
            if (!creado.Succeeded)
                throw new ValidationException(creado.Errors.Select(e => new FluentValidation.Results.ValidationFailure("email", e.Description) { ErrorCode = e.Code }));
        }
        else if (await db.Membresias.AnyAsync(m => m.EmpresaId == empresa.Id && m.UsuarioId == usuario.Id, cancellationToken))
        {
            throw new ConflictoException("email", $"{email} ya es usuario de {empresa.RazonSocial}.");
        }

        db.Membresias.Add(new Membresia { EmpresaId = empresa.Id, UsuarioId = usuario.Id, Rol = request.Rol, Creada = ahora });

        var tieneClave = await usuarios.HasPasswordAsync(usuario);
        var enlace = $"{app.Value.UrlPublica.TrimEnd('/')}/";
        if (!tieneClave)
        {
            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            db.Invitaciones.Add(new Invitacion { EmpresaId = empresa.Id, UsuarioId = usuario.Id, TokenHash = ClavesApi.Hash(token), Expira = ahora + Vigencia, InvitadaPor = contexto.Actor });
            enlace = $"{app.Value.UrlPublica.TrimEnd('/')}/activar?token={token}";
        }

        db.CorreosSalientes.Add(CorreoInvitacion(email, request.Nombre.Trim(), empresa, request.Rol, enlace, tieneClave, ahora));
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);

        try
        {
            await despachador.EnviarPendientesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "La invitación quedó en la bandeja de salida; el trabajo de correos la reintentará");
        }

        return new UsuarioDto(usuario.Id, email, usuario.Nombre, request.Rol, true, !tieneClave);
    }

    private CorreoSaliente CorreoInvitacion(string email, string nombre, Empresa empresa, string rol, string enlace, bool yaTieneClave, DateTimeOffset ahora)
    {
        Func<string, string> e = s => WebUtility.HtmlEncode(s);
        var accion = yaTieneClave ? "Ingrese con su contraseña actual" : "Defina su contraseña aquí";
        return new CorreoSaliente
        {
            EmpresaId = empresa.Id,
            Para = email,
            Asunto = $"Invitación a Cobranzas — {empresa.RazonSocial}",
            Html = $"""
                <p>Hola {e(nombre)},</p>
                <p>{e(contexto.Actor)} le invitó a <strong>{e(empresa.RazonSocial)}</strong> en Cobranzas con el rol <strong>{e(rol)}</strong>.</p>
                <p><a href="{e(enlace)}">{accion}</a></p>
                <p>El enlace vence en {Vigencia.Days} días.</p>
                """,
            Texto = $"Hola {nombre},\n\n{contexto.Actor} le invitó a {empresa.RazonSocial} en Cobranzas con el rol {rol}.\n{accion}: {enlace}\n\nEl enlace vence en {Vigencia.Days} días.\n",
            Creado = ahora,
            ProximoIntento = ahora,
        };
    }
}

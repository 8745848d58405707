using System.Net;
using System.Text;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Platform.Correo;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cobranzas.Platform.Usuarios;

/// <summary>
/// "¿Olvidó su contraseña?": queues a reset link to the account's e-mail. The answer is the same 202 whether the
/// account exists or not, and nothing is sent inline (the outbox job delivers it), so neither the answer nor its
/// time tells who has an account.
/// </summary>
public sealed record RecuperarClave(string Email) : IRequest
{
    public static void Map(RutasPlataforma rutas) => rutas.Auth.MapPost("/recuperar-clave", async Task<Accepted> (RecuperarClave cmd, IMediator m, CancellationToken ct) => { await m.Send(cmd, ct); return TypedResults.Accepted((string?)null); })
        .WithName("RecuperarClave").AllowAnonymous().ProducesValidationProblem().ConLimite(LimitesUso.Login);
}

public sealed class RecuperarClaveValidator : AbstractValidator<RecuperarClave>
{
    public RecuperarClaveValidator() => RuleFor(x => x.Email).NotEmpty().WithMessage("Ingrese su e-mail.").MaximumLength(256);
}

public sealed class RecuperarClaveHandler(
    PlataformaDbContext db,
    UserManager<Usuario> usuarios,
    LimiteLoginPorEmail limite,
    IOptions<OpcionesApp> app,
    TimeProvider reloj) : IRequestHandler<RecuperarClave>
{
    public static readonly TimeSpan Vigencia = TimeSpan.FromHours(1);

    public async ValueTask<Unit> Handle(RecuperarClave request, CancellationToken cancellationToken)
    {
        limite.Consumir(request.Email);
        var usuario = await usuarios.FindByEmailAsync(request.Email.Trim());
        // Only an account that can log in gets a link: a pending invitation is activated from its own e-mail.
        if (usuario is null || !await usuarios.HasPasswordAsync(usuario))
            return Unit.Value;

        var token = await usuarios.GeneratePasswordResetTokenAsync(usuario);
        var enlace = $"{app.Value.UrlPublica.TrimEnd('/')}/restablecer?usuario={Uri.EscapeDataString(usuario.Id)}&token={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}";
        var ahora = reloj.GetUtcNow();
        Func<string, string> e = s => WebUtility.HtmlEncode(s);
        db.CorreosSalientes.Add(new CorreoSaliente
        {
            Para = usuario.Email!,
            Asunto = "Restablecer su contraseña de Cobranzas",
            Html = $"""
                <p>Hola {e(usuario.Nombre)},</p>
                <p>Recibimos una solicitud para restablecer la contraseña de su cuenta de Cobranzas.</p>
                <p><a href="{e(enlace)}">Definir una nueva contraseña</a></p>
                <p>El enlace sirve una sola vez y vence en {Vigencia.TotalMinutes:0} minutos. Si usted no lo pidió, ignore este correo: su contraseña no cambia.</p>
                """,
            Texto = $"Hola {usuario.Nombre},\n\nRecibimos una solicitud para restablecer la contraseña de su cuenta de Cobranzas.\nDefina una nueva contraseña aquí: {enlace}\n\nEl enlace sirve una sola vez y vence en {Vigencia.TotalMinutes:0} minutos. Si usted no lo pidió, ignore este correo: su contraseña no cambia.\n",
            Creado = ahora,
            ProximoIntento = ahora,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Sets a new password from the e-mailed link; every open session of the account is revoked.</summary>
public sealed record RestablecerClave(string Usuario, string Token, string Password) : IRequest
{
    public static void Map(RutasPlataforma rutas) => rutas.Auth.MapPost("/restablecer-clave", async Task<NoContent> (RestablecerClave cmd, IMediator m, CancellationToken ct) => { await m.Send(cmd, ct); return TypedResults.NoContent(); })
        .WithName("RestablecerClave").AllowAnonymous().ProducesValidationProblem().ConLimite(LimitesUso.Login);
}

public sealed class RestablecerClaveValidator : AbstractValidator<RestablecerClave>
{
    public RestablecerClaveValidator()
    {
        RuleFor(x => x.Usuario).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Token).NotEmpty().MaximumLength(2000);
        RuleFor(x => x.Password).NotEmpty().WithMessage("Ingrese la nueva contraseña.").MaximumLength(200);
    }
}

public sealed class RestablecerClaveHandler(PlataformaDbContext db, UserManager<Usuario> usuarios, TimeProvider reloj) : IRequestHandler<RestablecerClave>
{
    public const string EnlaceInvalido = "El enlace para restablecer la contraseña no es válido, ya se usó o venció. Pida uno nuevo desde «¿Olvidó su contraseña?».";

    public async ValueTask<Unit> Handle(RestablecerClave request, CancellationToken cancellationToken)
    {
        var usuario = await usuarios.FindByIdAsync(request.Usuario);
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(request.Token));
        }
        catch (FormatException)
        {
            token = "";
        }

        if (usuario is null || token.Length == 0)
            throw Invalido();

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var resultado = await usuarios.ResetPasswordAsync(usuario, token, request.Password);
        if (!resultado.Succeeded)
        {
            if (resultado.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
                throw Invalido();
            throw new ValidationException(resultado.Errors.Select(e => new ValidationFailure("password", e.Description) { ErrorCode = e.Code }));
        }

        await usuarios.ResetAccessFailedCountAsync(usuario);
        await usuarios.SetLockoutEndDateAsync(usuario, null);
        var ahora = reloj.GetUtcNow();
        await db.Sesiones.Where(s => s.UsuarioId == usuario.Id && s.Revocada == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Revocada, ahora), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    private static ValidationException Invalido() => new([new ValidationFailure("token", EnlaceInvalido) { ErrorCode = "enlace_invalido" }]);
}

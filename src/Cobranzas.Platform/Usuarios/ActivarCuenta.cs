using Cobranzas.Platform.Autenticacion;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Http;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Platform.Usuarios;

public sealed record InvitacionDto(string Email, string Nombre, string Empresa, DateTimeOffset Expira);

public sealed record ObtenerInvitacion(string Token) : IRequest<InvitacionDto>
{
    public static void Map(RutasPlataforma rutas) => rutas.Auth.MapGet("/invitaciones/{token}", async Task<Ok<InvitacionDto>> (string token, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new ObtenerInvitacion(token), ct)))
        .WithName("ObtenerInvitacion").AllowAnonymous().ProducesProblem(404);
}

public sealed class ObtenerInvitacionHandler(PlataformaDbContext db, TimeProvider reloj) : IRequestHandler<ObtenerInvitacion, InvitacionDto>
{
    public async ValueTask<InvitacionDto> Handle(ObtenerInvitacion request, CancellationToken cancellationToken)
    {
        var invitacion = await Invitaciones.VigenteAsync(db, request.Token, reloj, cancellationToken);
        var usuario = await db.Users.SingleAsync(u => u.Id == invitacion.UsuarioId, cancellationToken);
        var empresa = await db.Empresas.SingleAsync(e => e.Id == invitacion.EmpresaId, cancellationToken);
        return new InvitacionDto(usuario.Email!, usuario.Nombre, empresa.RazonSocial, invitacion.Expira);
    }
}

/// <summary>The invited user sets the password from the e-mailed link.</summary>
public sealed record ActivarCuenta(string Token, string Password) : IRequest
{
    public static void Map(RutasPlataforma rutas) => rutas.Auth.MapPost("/activar", async Task<NoContent> (ActivarCuenta cmd, IMediator m, CancellationToken ct) => { await m.Send(cmd, ct); return TypedResults.NoContent(); })
        .WithName("ActivarCuenta").AllowAnonymous().ProducesProblem(400).ProducesProblem(404);
}

public sealed class ActivarCuentaValidator : AbstractValidator<ActivarCuenta>
{
    public ActivarCuentaValidator()
    {
        RuleFor(x => x.Token).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(200);
    }
}

public sealed class ActivarCuentaHandler(PlataformaDbContext db, UserManager<Usuario> usuarios, TimeProvider reloj) : IRequestHandler<ActivarCuenta>
{
    public async ValueTask<Unit> Handle(ActivarCuenta request, CancellationToken cancellationToken)
    {
        var invitacion = await Invitaciones.VigenteAsync(db, request.Token, reloj, cancellationToken);
        var usuario = await db.Users.SingleAsync(u => u.Id == invitacion.UsuarioId, cancellationToken);

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var resultado = await usuarios.AddPasswordAsync(usuario, request.Password);
        if (!resultado.Succeeded)
            throw new ValidationException(resultado.Errors.Select(e => new ValidationFailure("password", e.Description) { ErrorCode = e.Code }));

        usuario.EmailConfirmed = true;
        await usuarios.UpdateAsync(usuario);
        invitacion.Usada = reloj.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class Invitaciones
{
    public static async Task<Invitacion> VigenteAsync(PlataformaDbContext db, string token, TimeProvider reloj, CancellationToken ct)
    {
        var hash = ClavesApi.Hash(token);
        var invitacion = await db.Invitaciones.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitacion is null || invitacion.Usada is not null || invitacion.Expira < reloj.GetUtcNow())
            throw new NoEncontradoException("Invitación", "(enlace vencido o ya usado)");
        return invitacion;
    }
}

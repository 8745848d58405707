using Cobranzas.Platform.Autenticacion;
using Cobranzas.Platform.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cobranzas.Platform.Empresas;

/// <summary>
/// Creates a company with its first administrator. Not exposed over HTTP: companies are
/// provisioned by the operator (demo loader, tests, future back-office).
/// </summary>
public sealed record RegistrarEmpresa(string Rut, string RazonSocial, string EmailAdministrador, string NombreAdministrador, string Password)
    : IRequest<Guid>;

public sealed class RegistrarEmpresaHandler(
    PlataformaDbContext db, UserManager<Usuario> usuarios, TimeProvider reloj, IPublisher publicador, ContextoSolicitud contexto)
    : IRequestHandler<RegistrarEmpresa, Guid>
{
    public async ValueTask<Guid> Handle(RegistrarEmpresa request, CancellationToken cancellationToken)
    {
        if (!SharedKernel.Rut.Rut.TryParse(request.Rut, out var rut))
            throw new ValidationException([new ValidationFailure("rut", "RUT inválido") { ErrorCode = "rut" }]);

        var ahora = reloj.GetUtcNow();
        var empresa = new Empresa { Rut = rut.Value.Canonico, RazonSocial = request.RazonSocial, Creada = ahora };
        contexto.Establecer(empresa.Id, "sistema");
        db.Empresas.Add(empresa);

        var usuario = await usuarios.FindByEmailAsync(request.EmailAdministrador);
        if (usuario is null)
        {
            usuario = new Usuario
            {
                UserName = request.EmailAdministrador, Email = request.EmailAdministrador, Nombre = request.NombreAdministrador,
                EmailConfirmed = true, Creado = ahora, LockoutEnabled = true,
            };
            var r = await usuarios.CreateAsync(usuario, request.Password);
            if (!r.Succeeded)
                throw new ValidationException(r.Errors.Select(e => new ValidationFailure("password", e.Description) { ErrorCode = e.Code }));
        }

        db.Membresias.Add(new Membresia { EmpresaId = empresa.Id, UsuarioId = usuario.Id, Rol = Roles.Administrador, Creada = ahora });
        await db.SaveChangesAsync(cancellationToken);
        await publicador.Publish(new EmpresaRegistrada(empresa.Id), cancellationToken);
        return empresa.Id;
    }
}

public sealed class ExisteUsuarioEnEmpresaHandler(PlataformaDbContext db) : IRequestHandler<ExisteUsuarioEnEmpresa, bool>
{
    public async ValueTask<bool> Handle(ExisteUsuarioEnEmpresa request, CancellationToken cancellationToken) =>
        await db.Membresias.AnyAsync(m => m.EmpresaId == request.EmpresaId && m.UsuarioId == request.UsuarioId && m.Activa, cancellationToken);
}

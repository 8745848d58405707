using System.Net;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Notificaciones.Contracts;
using Cobranzas.Portal.Persistencia;
using Cobranzas.SharedKernel.Contratos;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Cobranzas.Portal.Acceso;

/// <param name="Email">The contact's e-mail as the company has it on file.</param>
/// <param name="Empresa">The company's RUT (as printed on its invoices and reminders).</param>
public sealed record DatosSolicitudAcceso(string Email, string Empresa);

public sealed record RespuestaSolicitudAcceso(string Mensaje);

/// <summary>
/// Asks for a portal link by e-mail. The answer is the same whether or not the address is a contact on file (nothing to
/// enumerate); only an active contact of a client of that company gets a mail, one link per client it acts for.
/// </summary>
public sealed record SolicitarAccesoPortal(DatosSolicitudAcceso Cuerpo) : IRequest<RespuestaSolicitudAcceso>
{
    public const string Mensaje = "Si el correo corresponde a un contacto registrado de la empresa, recibirá un enlace de acceso en unos minutos.";

    public static void Map(RutasPortal rutas) => rutas.Publico.MapPost("/acceso", async Task<Accepted<RespuestaSolicitudAcceso>> (DatosSolicitudAcceso body, IMediator m, CancellationToken ct) =>
            TypedResults.Accepted((string?)null, await m.Send(new SolicitarAccesoPortal(body), ct)))
        .WithName("SolicitarAccesoPortal").ProducesValidationProblem().ConLimite(LimitesUso.PortalAcceso);
}

public sealed class SolicitarAccesoPortalValidator : AbstractValidator<SolicitarAccesoPortal>
{
    public SolicitarAccesoPortalValidator() =>
        RuleFor(x => x.Cuerpo).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Email).NotEmpty().WithMessage("Indique su correo.").MaximumLength(256).EmailAddress().WithMessage("El correo no es válido.");
            c.RuleFor(x => x.Empresa).NotEmpty().WithMessage("Indique el RUT de la empresa.").MaximumLength(20);
        });
}

public sealed class SolicitarAccesoPortalHandler(
    PortalDbContext db, IMediator mediator, IContextoSolicitudExplicito contexto, TimeProvider reloj, IOptions<OpcionesPortal> opciones, IConfiguration configuracion)
    : IRequestHandler<SolicitarAccesoPortal, RespuestaSolicitudAcceso>
{
    public async ValueTask<RespuestaSolicitudAcceso> Handle(SolicitarAccesoPortal request, CancellationToken cancellationToken)
    {
        var respuesta = new RespuestaSolicitudAcceso(SolicitarAccesoPortal.Mensaje);
        var empresa = await mediator.Send(new BuscarEmpresaPorRut(request.Cuerpo.Empresa), cancellationToken);
        if (empresa is null)
            return respuesta;

        var email = request.Cuerpo.Email.Trim().ToLowerInvariant();
        contexto.Establecer(empresa.Id, $"portal:{email}");
        var contactos = await mediator.Send(new BuscarContactosPortal(email), cancellationToken);
        var ahora = reloj.GetUtcNow();
        var urlBase = (configuracion["App:UrlPublica"] ?? "").TrimEnd('/');
        foreach (var contacto in contactos)
        {
            var (token, hash) = TokensPortal.Nuevo();
            var enlace = new EnlaceAcceso
            {
                ClienteId = contacto.ClienteId, ContactoId = contacto.ContactoId, Email = email, TokenHash = hash, Origen = OrigenesEnlace.Solicitud,
                Creado = ahora, Expira = ahora + opciones.Value.VigenciaEnlace,
            };
            db.Add(enlace);
            await db.SaveChangesAsync(cancellationToken);

            var url = $"{urlBase}/portal/entrar?token={token}";
            var minutos = (int)opciones.Value.VigenciaEnlace.TotalMinutes;
            var html = $"""
                <p>Hola {WebUtility.HtmlEncode(contacto.Nombre)}:</p>
                <p>Para ver el estado de cuenta de <strong>{WebUtility.HtmlEncode(contacto.RazonSocialCliente)}</strong> con {WebUtility.HtmlEncode(empresa.RazonSocial)}, abra este enlace:</p>
                <p><a href="{WebUtility.HtmlEncode(url)}">Entrar al portal de clientes</a></p>
                <p>El enlace sirve una sola vez y vence en {minutos} minutos. Si usted no lo pidió, ignore este correo.</p>
                """;
            var texto = $"Hola {contacto.Nombre}:\n\nPara ver el estado de cuenta de {contacto.RazonSocialCliente} con {empresa.RazonSocial}, abra este enlace:\n{url}\n\n"
                + $"El enlace sirve una sola vez y vence en {minutos} minutos. Si usted no lo pidió, ignore este correo.\n";
            await mediator.Send(new EncolarCorreoInterno(
                $"portal-acceso:{enlace.Id}", [new DestinatarioInterno(contacto.Nombre, contacto.Email)], $"Acceso al portal de clientes de {empresa.RazonSocial}",
                html, texto, FechaNegocio.Hoy(reloj), []), cancellationToken);
        }

        return respuesta;
    }
}

using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Correo;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Cobranzas.SharedKernel.Tiempo;
using MailKit.Net.Smtp;
using MailKit.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cobranzas.Notificaciones.Definiciones;

public sealed record EnvioPruebaDto(Guid EnvioId, Guid ClienteId, string Para, string Asunto);

/// <summary>Sends the preview of a definition to the calling user's own e-mail now, marked "[PRUEBA]", and records it as a test envío.</summary>
public sealed record EnviarPruebaDefinicion(Guid Id, Guid? ClienteId) : IRequest<EnvioPruebaDto>
{
    public static void Map(RutasModulo rutas) => rutas.Notificar.MapPost("/notificaciones/definiciones/{id:guid}/prueba", async Task<Ok<EnvioPruebaDto>> (Guid id, CuerpoVistaPrevia body, IMediator m, CancellationToken ct) =>
            TypedResults.Ok(await m.Send(new EnviarPruebaDefinicion(id, body.ClienteId), ct)))
        .WithName("EnviarPruebaDefinicion").ProducesValidationProblem().ProducesProblem(404).ProducesProblem(422);
}

public sealed class EnviarPruebaDefinicionHandler(
    NotificacionesDbContext db, VistaPrevia vistaPrevia, IContextoSolicitud contexto, IOptions<OpcionesSmtp> smtp, TimeProvider reloj)
    : IRequestHandler<EnviarPruebaDefinicion, EnvioPruebaDto>
{
    public const string Marca = "[PRUEBA] ";

    public async ValueTask<EnvioPruebaDto> Handle(EnviarPruebaDefinicion request, CancellationToken cancellationToken)
    {
        var para = contexto.UsuarioId is not null && MailboxAddress.TryParse(contexto.Actor, out var direccion) && direccion.Address.Contains('@')
            ? direccion
            : throw new ReglaNegocioException("para", "sin_correo", "La prueba se envía al correo del usuario que la pide; una clave de API no tiene correo.");
        var d = await DefinicionesHandler.CargarAsync(db, request.Id, cancellationToken);
        var vista = await vistaPrevia.RenderizarAsync(d, request.ClienteId, cancellationToken);
        var configuracion = await db.Configuraciones.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var o = smtp.Value;
        var ahora = reloj.GetUtcNow();
        var envio = new Envio
        {
            DefinicionId = d.Id, ClienteId = vista.ClienteId, Clave = $"prueba:{Guid.CreateVersion7():N}", Origen = OrigenesEnvio.Prueba, FechaNegocio = FechaNegocio.Hoy(reloj),
            Para = [para.ToString()], Asunto = (Marca + vista.Asunto)[..Math.Min(LargosNotificaciones.Asunto, Marca.Length + vista.Asunto.Length)], Html = vista.Html,
            Texto = vista.Texto, ResponderA = d.ResponderA ?? configuracion?.ResponderA, MessageId = $"{Guid.CreateVersion7():N}@cobranzas", Intentos = 1,
            ProximoIntento = ahora, Creado = ahora,
        };
        var mensaje = new MimeMessage { MessageId = envio.MessageId, Subject = envio.Asunto };
        mensaje.From.Add(new MailboxAddress(configuracion?.NombreRemitente ?? o.NombreRemitente, o.Remitente));
        mensaje.To.Add(para);
        if (envio.ResponderA is not null)
            mensaje.ReplyTo.Add(MailboxAddress.Parse(envio.ResponderA));
        mensaje.Headers.Add("Auto-Submitted", "auto-generated");
        mensaje.Body = new BodyBuilder { HtmlBody = envio.Html, TextBody = envio.Texto }.ToMessageBody();
        try
        {
            using var cliente = new SmtpClient();
            await ConexionSmtp.ConectarAsync(cliente, o, cancellationToken);
            await cliente.SendAsync(mensaje, cancellationToken);
            await cliente.DisconnectAsync(true, cancellationToken);
            envio.Estado = EstadosEnvio.Enviado;
            envio.Enviado = reloj.GetUtcNow();
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException)
        {
            envio.Estado = EstadosEnvio.Fallido;
            envio.Detalle = e.Message[..Math.Min(e.Message.Length, LargosNotificaciones.Detalle)];
        }

        db.Add(envio);
        await db.SaveChangesAsync(cancellationToken);
        if (envio.Estado == EstadosEnvio.Fallido)
            throw new ReglaNegocioException("para", "smtp", $"El servidor de correo no aceptó la prueba: {envio.Detalle}");
        return new EnvioPruebaDto(envio.Id, envio.ClienteId, para.Address, envio.Asunto);
    }
}

using System.Text.Encodings.Web;
using System.Text.Unicode;
using Cobranzas.Clientes.Contracts;
using Cobranzas.Notificaciones.Persistencia;
using Cobranzas.SharedKernel.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Cobranzas.Notificaciones.Seguimiento;

/// <summary>
/// The public side of a sent message: open pixel, click redirect and unsubscribe, with no login. Each acts only for the company and the
/// message its signed token names; a forged or altered token changes nothing.
/// </summary>
public sealed class SeguimientoPublico(
    NotificacionesDbContext db, TokensSeguimiento tokens, IContextoSolicitudExplicito contexto, IMediator mediator, TimeProvider reloj, IConfiguration configuracion)
{
    public const string Actor = "destinatario (enlace firmado)";

    /// <summary>An open this soon after delivery is probably a scanner or a mail client fetching images, not a person.</summary>
    public TimeSpan VentanaAperturaAutomatica => TimeSpan.FromSeconds(configuracion.GetValue("Notificaciones:AperturaAutomaticaSegundos", 10));

    private async Task<Envio?> EnvioAsync(string tipo, string token, CancellationToken ct)
    {
        if (tokens.Leer(tipo, token) is not { } datos)
            return null;
        contexto.Establecer(datos.EmpresaId, Actor);
        return await db.Envios.SingleOrDefaultAsync(e => e.Id == datos.EnvioId, ct);
    }

    public async Task RegistrarAperturaAsync(string token, string? agente, CancellationToken ct)
    {
        if (await EnvioAsync(TokensSeguimiento.Apertura, token, ct) is not { } envio)
            return;
        var ahora = reloj.GetUtcNow();
        var automatica = envio.Enviado is { } enviado && ahora - enviado < VentanaAperturaAutomatica;
        if (envio.Abierto is null)
        {
            envio.Abierto = ahora;
            envio.AperturaProbableAutomatica = automatica;
        }
        else if (!automatica)
        {
            envio.AperturaProbableAutomatica = false;
        }

        db.Eventos.Add(new EventoEnvio
        {
            EnvioId = envio.Id, Tipo = TiposEvento.Apertura, Fecha = ahora,
            Detalle = Recortar((automatica ? "Probable apertura automática. " : "") + (agente is null ? "" : $"Agente: {agente}")),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The URL signed in the token, once the click is recorded; null for a bad token (never an open redirect).</summary>
    public async Task<string?> RegistrarClicAsync(string token, CancellationToken ct)
    {
        if (tokens.Leer(TokensSeguimiento.Clic, token) is not { Url: { } url }
            || !Uri.TryCreate(url, UriKind.Absolute, out var destino) || destino.Scheme is not ("http" or "https"))
            return null;
        if (await EnvioAsync(TokensSeguimiento.Clic, token, ct) is not { } envio)
            return null;
        var ahora = reloj.GetUtcNow();
        envio.Clic ??= ahora;
        // A click needs the message open, even when its images were blocked.
        envio.Abierto ??= ahora;
        db.Eventos.Add(new EventoEnvio { EnvioId = envio.Id, Tipo = TiposEvento.Clic, Fecha = ahora, Detalle = Recortar(url) });
        await db.SaveChangesAsync(ct);
        return destino.AbsoluteUri;
    }

    public async Task<bool> TokenBajaValidoAsync(string token, CancellationToken ct) => await EnvioAsync(TokensSeguimiento.Baja, token, ct) is not null;

    /// <summary>Opts the message's recipients out of reminders (legal notices still go); idempotent. False for a bad token.</summary>
    public async Task<bool> RegistrarBajaAsync(string token, CancellationToken ct)
    {
        if (await EnvioAsync(TokensSeguimiento.Baja, token, ct) is not { } envio)
            return false;
        if (await db.Eventos.AnyAsync(e => e.EnvioId == envio.Id && e.Tipo == TiposEvento.Baja, ct))
            return true;
        var contactos = await mediator.Send(new RegistrarBajaRecordatorios(envio.ClienteId, envio.ContactoIds, "Baja con un clic desde el correo"), ct);
        db.Eventos.Add(new EventoEnvio
        {
            EnvioId = envio.Id, Tipo = TiposEvento.Baja, Fecha = reloj.GetUtcNow(), Detalle = $"Baja de recordatorios: {contactos} contacto(s) de {string.Join(", ", envio.Para)}".Trim(),
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Recortar(string texto) => texto.Length <= LargosNotificaciones.Detalle ? texto : texto[..LargosNotificaciones.Detalle];
}

public static class EnlacesPublicos
{
    /// <summary>A transparent 1×1 GIF.</summary>
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static void MapApertura(RutasModulo rutas) => rutas.Publico.MapGet("/notificaciones/publico/apertura/{token}",
            async Task<FileContentHttpResult> (string token, HttpContext http, SeguimientoPublico seguimiento, CancellationToken ct) =>
            {
                await seguimiento.RegistrarAperturaAsync(token, http.Request.Headers.UserAgent.ToString() is { Length: > 0 } a ? a : null, ct);
                http.Response.Headers.CacheControl = "no-store, no-cache, must-revalidate";
                return TypedResults.File(Pixel, "image/gif");
            })
        .WithName("RegistrarApertura").WithSummary("Pixel de apertura (GIF de 1×1 siempre; registra la apertura si el token es válido)");

    public static void MapClic(RutasModulo rutas) => rutas.Publico.MapGet("/notificaciones/publico/clic/{token}",
            async Task<Results<RedirectHttpResult, ContentHttpResult>> (string token, SeguimientoPublico seguimiento, CancellationToken ct) =>
                await seguimiento.RegistrarClicAsync(token, ct) is { } url
                    ? TypedResults.Redirect(url)
                    : Pagina(404, "Enlace no válido", "Este enlace no es válido o fue alterado."))
        .WithName("RegistrarClic").WithSummary("Redirige al enlace firmado en el token y registra el clic")
        .Produces(302).Produces(404, contentType: "text/html");

    public static void MapPaginaBaja(RutasModulo rutas) => rutas.Publico.MapGet("/notificaciones/publico/baja/{token}",
            async Task<ContentHttpResult> (string token, SeguimientoPublico seguimiento, CancellationToken ct) =>
                await seguimiento.TokenBajaValidoAsync(token, ct)
                    ? Pagina(200, "Anular suscripción", "¿Desea dejar de recibir recordatorios de cobranza por correo? Los avisos legales se seguirán enviando.",
                        """<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Confirmar la anulación</button></form>""")
                    : Pagina(404, "Enlace no válido", "Este enlace de anulación no es válido o fue alterado."))
        .WithName("VerBajaRecordatorios").WithSummary("Página de anulación de suscripción con un botón de confirmación")
        .Produces(200, contentType: "text/html").Produces(404, contentType: "text/html");

    public static void MapBaja(RutasModulo rutas) => rutas.Publico.MapPost("/notificaciones/publico/baja/{token}",
            async Task<ContentHttpResult> (string token, SeguimientoPublico seguimiento, CancellationToken ct) =>
                await seguimiento.RegistrarBajaAsync(token, ct)
                    ? Pagina(200, "Suscripción anulada", "No recibirá más recordatorios de cobranza por correo. Los avisos legales se seguirán enviando.")
                    : Pagina(404, "Enlace no válido", "Este enlace de anulación no es válido o fue alterado."))
        .WithName("RegistrarBajaRecordatorios").WithSummary("Anulación con un clic (RFC 8058: cuerpo List-Unsubscribe=One-Click)")
        .DisableAntiforgery().Produces(200, contentType: "text/html").Produces(404, contentType: "text/html");

    // Accented letters stay as they are (the page is UTF-8); only markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static ContentHttpResult Pagina(int estado, string titulo, string mensaje, string extra = "") => TypedResults.Content(
        $"""
        <!doctype html>
        <html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Html.Encode(titulo)}</title>
        <style>body{"{"}font-family:Arial,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#222{"}"}button{"{"}font-size:1rem;padding:.5rem 1rem{"}"}</style></head>
        <body><main><h1>{Html.Encode(titulo)}</h1><p>{Html.Encode(mensaje)}</p>{extra}</main></body></html>
        """, "text/html; charset=utf-8", statusCode: estado);
}

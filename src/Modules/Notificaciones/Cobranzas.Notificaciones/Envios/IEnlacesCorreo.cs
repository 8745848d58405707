namespace Cobranzas.Notificaciones.Envios;

/// <summary>
/// The absolute, signed links a sent message carries: the one-click unsubscribe (also the <c>List-Unsubscribe</c> header), the open
/// pixel, and the redirect of each link in the body. The tokens are only valid for that message.
/// </summary>
public interface IEnlacesCorreo
{
    string Baja(Guid envioId);

    string Apertura(Guid envioId);

    string Clic(Guid envioId, string url);
}

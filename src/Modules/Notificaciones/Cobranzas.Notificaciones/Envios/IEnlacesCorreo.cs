namespace Cobranzas.Notificaciones.Envios;

/// <summary>
/// The absolute, signed links a sent message carries: the one-click unsubscribe (also the <c>List-Unsubscribe</c> header), the open
/// pixel, and the redirect of each link in the body. The tokens are only valid for that message of that company (the sender drains every
/// company at once, so the company is given, not read from the request).
/// </summary>
public interface IEnlacesCorreo
{
    string Baja(Guid empresaId, Guid envioId);

    /// <summary>What every unsubscribe link starts with (the part before its token).</summary>
    string RaizBaja();

    string Apertura(Guid empresaId, Guid envioId);

    string Clic(Guid empresaId, Guid envioId, string url);
}

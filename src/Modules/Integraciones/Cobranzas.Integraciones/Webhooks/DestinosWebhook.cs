using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Cobranzas.Integraciones.Webhooks;

/// <summary>A webhook target that resolves to an address the product must not call (SSRF).</summary>
public sealed class DestinoProhibidoException(string mensaje) : Exception(mensaje);

/// <summary>
/// SSRF protection for webhook targets: a host is resolved and refused when any of its addresses is loopback, private
/// (RFC 1918, ULA), link-local (which holds the cloud metadata address 169.254.169.254), CGNAT, multicast, reserved or unspecified,
/// unless it is in the allow-list <c>Integraciones:Webhooks:Permitidos</c> (addresses or CIDR ranges, read on every check). It runs when a
/// subscription is saved and again inside the HTTP handler's connect callback, which connects to the address it just checked: a DNS
/// answer that changes between the check and the connection (rebinding) cannot redirect the request.
/// </summary>
public sealed class DestinosWebhook(IConfiguration configuracion, IHostEnvironment entorno)
{
    public const string SeccionPermitidos = "Integraciones:Webhooks:Permitidos";
    public static readonly TimeSpan TiempoResolucion = TimeSpan.FromSeconds(5);

    private static readonly IPNetwork[] Prohibidas =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("64:ff9b::/96"), IPNetwork.Parse("100::/64"), IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>Why this URL cannot be a webhook target (shape only, no resolution), or null.</summary>
    public static string? ErrorForma(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "La URL debe ser absoluta, http o https.";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "La URL no puede llevar usuario ni contraseña.";
        if (!string.IsNullOrEmpty(uri.Fragment))
            return "La URL no puede llevar fragmento (#).";
        return null;
    }

    /// <summary>The check made when a subscription is saved: the shape, https outside Development (unless the target is allow-listed), and the resolution.</summary>
    public async Task<string?> ErrorDestinoAsync(string url, CancellationToken ct)
    {
        if (ErrorForma(url) is { } forma)
            return forma;
        var uri = new Uri(url);
        try
        {
            var direccion = await ResolverAsync(uri.IdnHost, ct);
            if (uri.Scheme != Uri.UriSchemeHttps && !entorno.IsDevelopment() && !Permitida(direccion))
                return "La URL debe usar https.";
            return null;
        }
        catch (DestinoProhibidoException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The address to connect to: every address the host resolves to must be allowed (a mixed answer is refused).</summary>
    public async Task<IPAddress> ResolverAsync(string host, CancellationToken ct)
    {
        IPAddress[] direcciones;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
            direcciones = [literal];
        else
        {
            using var plazo = CancellationTokenSource.CreateLinkedTokenSource(ct);
            plazo.CancelAfter(TiempoResolucion);
            try
            {
                direcciones = await Dns.GetHostAddressesAsync(host, plazo.Token);
            }
            catch (Exception ex) when (ex is SocketException or ArgumentException || ex is OperationCanceledException && !ct.IsCancellationRequested)
            {
                throw new DestinoProhibidoException($"No se pudo resolver el nombre «{host}».");
            }
        }

        if (direcciones.Length == 0)
            throw new DestinoProhibidoException($"El nombre «{host}» no tiene direcciones.");
        foreach (var d in direcciones)
        {
            if (Prohibida(d) && !Permitida(d))
                throw new DestinoProhibidoException($"El destino «{host}» resuelve a una dirección no permitida ({d}): interna, privada, local o de metadatos.");
        }

        return direcciones.FirstOrDefault(d => d.AddressFamily == AddressFamily.InterNetwork) ?? direcciones[0];
    }

    public static bool Prohibida(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
            ip = ip.MapToIPv4();
        if (IPAddress.Any.Equals(ip) || IPAddress.IPv6Any.Equals(ip) || IPAddress.Broadcast.Equals(ip) || IPAddress.IsLoopback(ip))
            return true;
        return Prohibidas.Any(r => r.BaseAddress.AddressFamily == ip.AddressFamily && r.Contains(ip));
    }

    public bool Permitida(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
            ip = ip.MapToIPv4();
        foreach (var entrada in configuracion.GetSection(SeccionPermitidos).Get<string[]>() ?? [])
        {
            if (string.IsNullOrWhiteSpace(entrada))
                continue;
            var texto = entrada.Trim();
            if (IPNetwork.TryParse(texto.Contains('/') ? texto : $"{texto}/{(texto.Contains(':') ? 128 : 32)}", out var red)
                && red.BaseAddress.AddressFamily == ip.AddressFamily && red.Contains(ip))
                return true;
        }

        return false;
    }

    /// <summary>The connect callback of the webhook HTTP client: resolve, check, and connect to the checked address.</summary>
    public async ValueTask<Stream> ConectarAsync(SocketsHttpConnectionContext contexto, CancellationToken ct)
    {
        var direccion = await ResolverAsync(contexto.DnsEndPoint.Host, ct);
        var socket = new Socket(direccion.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(direccion, contexto.DnsEndPoint.Port), ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

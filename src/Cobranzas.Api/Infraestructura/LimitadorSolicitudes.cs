using System.Security.Claims;
using System.Threading.RateLimiting;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Cobranzas.Api.Infraestructura;

/// <summary>The policies behind <see cref="LimitesUso"/>: fixed windows read from <c>LimitesUso:&lt;nombre&gt;</c>.</summary>
public static class LimitadorSolicitudes
{
    public static IServiceCollection AddLimitesUso(this IServiceCollection services, IConfiguration configuracion)
    {
        foreach (var limite in LimitesUso.Todos)
            services.Configure<OpcionesLimiteUso>(limite, configuracion.GetSection($"LimitesUso:{limite}"));

        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RechazarAsync;
            o.AddPolicy(LimitesUso.Login, http => Ventana(http, LimitesUso.Login, $"ip:{http.Connection.RemoteIpAddress}"));
            o.AddPolicy(LimitesUso.Importaciones, http => Ventana(http, LimitesUso.Importaciones, Solicitante(http)));
            o.AddPolicy(LimitesUso.Informes, http => Ventana(http, LimitesUso.Informes, Solicitante(http)));
            o.AddPolicy(LimitesUso.PortalAcceso, http => Ventana(http, LimitesUso.PortalAcceso, $"ip:{http.Connection.RemoteIpAddress}"));
        });
    }

    private static RateLimitPartition<string> Ventana(HttpContext http, string limite, string clave)
    {
        var opciones = http.RequestServices.GetRequiredService<IOptionsMonitor<OpcionesLimiteUso>>().Get(limite);
        return RateLimitPartition.GetFixedWindowLimiter(clave, _ => LimitesUso.Ventana(opciones));
    }

    /// <summary>The API key or the user; these routes require one, the IP only covers what authorization lets through anonymously.</summary>
    private static string Solicitante(HttpContext http) =>
        http.User.FindFirstValue(Permisos.ClaimApiKey) is { } apiKey ? $"api-key:{apiKey}"
        : http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } usuario ? $"usuario:{usuario}"
        : $"ip:{http.Connection.RemoteIpAddress}";

    private static async ValueTask RechazarAsync(OnRejectedContext rechazo, CancellationToken ct)
    {
        var http = rechazo.HttpContext;
        var segundos = LimitesUso.SegundosParaReintentar(rechazo.Lease);
        http.Response.Headers.RetryAfter = segundos.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = LimitesUso.Problema(segundos),
        });
    }
}

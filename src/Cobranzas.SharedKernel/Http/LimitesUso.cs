using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Cobranzas.SharedKernel.Http;

/// <summary>
/// The rate limits of the expensive or guessable operations (ASP.NET Core's limiter). Each is configured in
/// <c>LimitesUso:&lt;nombre&gt;</c> (<see cref="OpcionesLimiteUso"/>); a slice opts in with <see cref="ConLimite"/>.
/// </summary>
public static class LimitesUso
{
    /// <summary>Login, per client IP.</summary>
    public const string Login = "Login";

    /// <summary>Login, per e-mail (checked by the login itself: the e-mail is in the body).</summary>
    public const string LoginPorEmail = "LoginPorEmail";

    /// <summary>File and batch imports, per API key or user.</summary>
    public const string Importaciones = "Importaciones";

    /// <summary>Aging, provision, statement files and exports, per API key or user.</summary>
    public const string Informes = "Informes";

    /// <summary>Client portal access requests (a link by e-mail), per client IP.</summary>
    public const string PortalAcceso = "PortalAcceso";

    public static readonly IReadOnlyList<string> Todos = [Login, LoginPorEmail, Importaciones, Informes, PortalAcceso];

    public static RouteHandlerBuilder ConLimite(this RouteHandlerBuilder endpoint, string limite) =>
        endpoint.RequireRateLimiting(limite).ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static FixedWindowRateLimiterOptions Ventana(OpcionesLimiteUso opciones) =>
        new() { PermitLimit = opciones.Permitidas, Window = opciones.Ventana, QueueLimit = 0, AutoReplenishment = true };

    public static int SegundosParaReintentar(RateLimitLease rechazo) =>
        rechazo.TryGetMetadata(MetadataName.RetryAfter, out var espera) ? Math.Max(1, (int)Math.Ceiling(espera.TotalSeconds)) : 60;

    public static ProblemDetails Problema(int segundos) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = "Demasiadas solicitudes",
        Detail = $"Se superó el límite de solicitudes para esta operación. Reintente en {segundos} segundos.",
    };
}

public sealed class OpcionesLimiteUso
{
    public int Permitidas { get; set; } = 60;
    public TimeSpan Ventana { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>A limit checked inside an operation (answers 429 with Retry-After).</summary>
public sealed class LimiteExcedidoException(int segundosParaReintentar) : Exception("Demasiadas solicitudes.")
{
    public int SegundosParaReintentar { get; } = segundosParaReintentar;
}

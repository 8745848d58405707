using System.Security.Claims;
using Cobranzas.Platform.ApiKeys;
using Cobranzas.Platform.Auditoria;
using Cobranzas.Platform.Autenticacion;
using Cobranzas.Platform.Correo;
using Cobranzas.Platform.Persistencia;
using Cobranzas.Platform.ProteccionDatos;
using Cobranzas.Platform.Trabajos;
using Cobranzas.Platform.Usuarios;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Correo;
using Cobranzas.SharedKernel.Persistence;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Quartz;

namespace Cobranzas.Platform;

public sealed class PlataformaModulo : IModulo
{
    public const string EsquemaAutenticacion = "Cobranzas";

    public static Type Contexto => typeof(PlataformaDbContext);

    public static void AgregarServicios(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ContextoSolicitud>();
        services.AddScoped<IContextoSolicitud>(sp => sp.GetRequiredService<ContextoSolicitud>());
        services.AddScoped<IContextoSolicitudExplicito>(sp => sp.GetRequiredService<ContextoSolicitud>());
        services.AddContextoModulo<PlataformaDbContext>(PlataformaDbContext.Esquema);

        services.AddIdentityCore<Usuario>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddErrorDescriber<ErroresIdentidad>()
            .AddEntityFrameworkStores<PlataformaDbContext>()
            // Password reset tokens: signed by Data Protection, bound to the security stamp (so one use), expiring.
            .AddTokenProvider<DataProtectorTokenProvider<Usuario>>(TokenOptions.DefaultProvider);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = RecuperarClaveHandler.Vigencia);

        services.Configure<OpcionesSmtp>(configuracion.GetSection("Smtp"));
        services.Configure<OpcionesApp>(configuracion.GetSection("App"));
        services.Configure<OpcionesAlmacen>(configuracion.GetSection("Almacen"));
        services.AddSingleton<IAlmacenArchivos, AlmacenDiscoLocal>();
        services.AddScoped<EmisorTokens>();
        services.AddScoped<AbridorSesiones>();
        services.AddSingleton<LimiteLoginPorEmail>();
        services.AddScoped<DespachadorCorreos>();
        RepositorioClavesProteccion.Agregar(services, configuracion);

        AgregarAutenticacion(services, configuracion);
        AgregarQuartz(services, configuracion);
    }

    /// <summary>Each slice maps its own endpoint; this order is the order of the operations in the OpenAPI document.</summary>
    public static void MapearRutas(IEndpointRouteBuilder app) => new RutasPlataforma(app).Mapear(
        IniciarSesion.Map, CambiarEmpresa.Map, ObtenerSesionActual.Map, CerrarSesion.Map, ObtenerInvitacion.Map, ActivarCuenta.Map,
        RecuperarClave.Map, RestablecerClave.Map,
        ListarUsuarios.Map, InvitarUsuario.Map, CambiarRolUsuario.Map, CambiarEstadoUsuario.Map, ListarEjecutivos.Map,
        ListarApiKeys.Map, CrearApiKey.Map, RevocarApiKey.Map, ListarAuditoria.Map);

    private static void AgregarAutenticacion(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddOptions<OpcionesJwt>().Bind(configuracion.GetSection("Jwt")).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<OpcionesJwt>, ValidacionOpcionesJwt>();
        services.AddSingleton<IValidateOptions<OpcionesJwt>, ValidacionOpcionesJwt>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<IOptions<OpcionesJwt>, TimeProvider>((o, jwt, reloj) =>
            {
                o.TokenValidationParameters.IssuerSigningKey = jwt.Value.LlaveFirma();
                // Token lifetime on the same clock as sessions (a fake one in tests).
                o.TokenValidationParameters.LifetimeValidator = (inicio, fin, _, p) =>
                {
                    var ahora = reloj.GetUtcNow().UtcDateTime;
                    return (inicio is null || inicio <= ahora + p.ClockSkew) && fin is not null && fin > ahora - p.ClockSkew;
                };
            });

        services.AddAuthentication(EsquemaAutenticacion)
            .AddPolicyScheme(EsquemaAutenticacion, "Bearer o X-Api-Key", o =>
                o.ForwardDefaultSelector = http => http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Encabezado)
                    ? ApiKeyAuthenticationHandler.Esquema
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.Esquema, null)
            // Not forwarded to by the default scheme: only the portal policy reads it, so a portal session is no one elsewhere.
            .AddScheme<AuthenticationSchemeOptions, PortalAuthenticationHandler>(SesionesPortal.Esquema, null)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = OpcionesJwt.Emisor,
                    ValidAudience = OpcionesJwt.Emisor,
                    NameClaimType = "email",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents { OnTokenValidated = ValidarSesionVigente };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(c => c.User.Identity?.IsAuthenticated == true || PortalSinRuta(c.Resource)).Build())
            .AddPolicy(Permisos.Ver, p => p.RequireClaim(Permisos.ClaimTipo, Permisos.Ver))
            .AddPolicy(Permisos.Editar, p => p.RequireClaim(Permisos.ClaimTipo, Permisos.Editar))
            .AddPolicy(Permisos.EnviarNotificaciones, p => p.RequireClaim(Permisos.ClaimTipo, Permisos.EnviarNotificaciones))
            .AddPolicy(Permisos.Supervisar, p => p.RequireClaim(Permisos.ClaimTipo, Permisos.Supervisar))
            .AddPolicy(Permisos.Administrar, p => p.RequireClaim(Permisos.ClaimTipo, Permisos.Administrar))
            .AddPolicy(Permisos.Agencia, p => p.RequireClaim(Permisos.ClaimTipo, Permisos.Agencia).RequireClaim(Permisos.ClaimAgencia))
            .AddPolicy(Politicas.SoloUsuarios, p => p.RequireClaim(Permisos.ClaimSesion))
            .AddPolicy(SesionesPortal.Politica, p => p.AddAuthenticationSchemes(SesionesPortal.Esquema).RequireClaim(SesionesPortal.ClaimSesion));
    }

    /// <summary>
    /// A portal session is no one to the staff schemes, so a portal path that matches no route (a malformed id) would
    /// answer 401 to a valid session; it answers 404 as it does to staff. Only requests that reach no endpoint qualify.
    /// </summary>
    private static bool PortalSinRuta(object? recurso) =>
        recurso is HttpContext http && http.GetEndpoint() is null && http.Request.Headers.ContainsKey(SesionesPortal.Encabezado);

    /// <summary>
    /// A token stays valid only while its session is open and the membership active (logout, deactivation), and it
    /// carries the membership's current role: a role change rules the sessions already open, at once.
    /// </summary>
    private static async Task ValidarSesionVigente(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var sub = principal.FindFirstValue("sub");
        if (!Guid.TryParse(principal.FindFirstValue(Permisos.ClaimSesion), out var sesionId) || sub is null)
        {
            context.Fail("Token sin sesión.");
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<PlataformaDbContext>();
        var ahora = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var rol = await db.Sesiones
            .Where(s => s.Id == sesionId && s.Revocada == null && s.Expira > ahora)
            .Join(db.Membresias.Where(m => m.Activa), s => new { s.UsuarioId, s.EmpresaId }, m => new { m.UsuarioId, m.EmpresaId }, (s, m) => m.Rol)
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (rol is null)
        {
            context.Fail("Sesión cerrada o usuario desactivado.");
            return;
        }

        var identidad = principal.Identities.First();
        foreach (var vieja in identidad.FindAll(c => c.Type is Permisos.ClaimTipo or EmisorTokens.ClaimRol).ToList())
            identidad.RemoveClaim(vieja);
        identidad.AddClaim(new Claim(ClaimTypes.NameIdentifier, sub));
        identidad.AddClaim(new Claim(EmisorTokens.ClaimRol, rol));
        identidad.AddClaims(Roles.PermisosDe(rol).Select(p => new Claim(Permisos.ClaimTipo, p)));
    }

    private static void AgregarQuartz(IServiceCollection services, IConfiguration configuracion)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "cobranzas");
            q.UseTimeProvider(TimeProvider.System);
            q.UsePersistentStore(s =>
            {
                s.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(15));
                s.UseSystemTextJsonSerializer();
                s.UsePostgres(p => p.ConnectionStringName = PostgresOpciones.NombreConexion);
                s.ConfigureStore(o => o.TablePrefix = TablasQuartz.Prefijo);
            });
            q.ScheduleJob<PurgarSesionesJob>(
                t => t.WithIdentity("purgar-sesiones", "plataforma").WithSimpleSchedule(TimeSpan.FromHours(1)),
                j => j.WithIdentity(PurgarSesionesJob.Clave));
            q.ScheduleJob<EnviarCorreosJob>(
                t => t.WithIdentity("enviar-correos", "plataforma").WithSimpleSchedule(TimeSpan.FromSeconds(configuracion.GetValue("Quartz:EnviarCorreos:Segundos", 30))),
                j => j.WithIdentity(EnviarCorreosJob.Clave));
            q.ScheduleJob<PurgarClavesIdempotenciaJob>(
                t => t.WithIdentity("purgar-claves-idempotencia", "plataforma").WithSimpleSchedule(TimeSpan.FromHours(1)),
                j => j.WithIdentity(PurgarClavesIdempotenciaJob.Clave));
        });

        if (configuracion.GetValue("Quartz:Habilitado", true))
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}

using Cobranzas.Testing.Infraestructura;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Cobranzas.Testing;

/// <summary>The real host, on the run's PostgreSQL and SMTP catcher, with a fake clock and no Quartz scheduler.</summary>
public sealed class ApiFactory(string conexion, int puertoSmtp, FakeTimeProvider reloj, BuzonImap? imap = null) : WebApplicationFactory<Program>
{
    public const string UrlPublica = "http://cobranzas.test";

    /// <summary>Where this host keeps the files users attach (local disk storage).</summary>
    public string CarpetaArchivos { get; } = Path.Combine(Path.GetTempPath(), "cobranzas-pruebas-archivos", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Requests run in the test's execution context, so the host's warnings and errors show up in the test's output.
        builder.UseTestServer(o => o.PreserveExecutionContext = true);
        builder.UseSetting("ConnectionStrings:Cobranzas", conexion);
        builder.UseSetting("Jwt:Clave", "clave-de-firma-de-las-pruebas-de-cobranzas-0123456789");
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", puertoSmtp.ToString());
        builder.UseSetting("Smtp:Remitente", "cobranzas@cobranzas.test");
        builder.UseSetting("App:UrlPublica", UrlPublica);
        builder.UseSetting("Quartz:Habilitado", "false");
        if (imap is not null)
        {
            builder.UseSetting("Notificaciones:Imap:Host", "127.0.0.1");
            builder.UseSetting("Notificaciones:Imap:Port", imap.Puerto.ToString());
            builder.UseSetting("Notificaciones:Imap:Usuario", imap.Usuario);
            builder.UseSetting("Notificaciones:Imap:Password", imap.Password);
            builder.UseSetting("Notificaciones:Imap:Tls", "false");
        }

        // The webhook tests deliver to a receiver on loopback, which the SSRF protection refuses unless allow-listed.
        builder.UseSetting("Integraciones:Webhooks:Permitidos:0", "127.0.0.1");
        builder.UseSetting("Spa:Directorio", "");
        builder.UseSetting("Almacen:Carpeta", CarpetaArchivos);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        // No test is throttled by accident; the limits' own tests lower them in a host of their own.
        foreach (var limite in Cobranzas.SharedKernel.Http.LimitesUso.Todos)
            builder.UseSetting($"LimitesUso:{limite}:Permitidas", "1000000");

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(reloj);
            // Hashing is the slowest part of creating users; the algorithm is the same, only cheaper.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            services.AddSingleton<IPasswordHasher<Cobranzas.Platform.Persistencia.Usuario>, HashesContados>();
            // The JWT handler checks nbf/exp against the system clock, not TimeProvider; in tests
            // tokens are issued by the fake clock, so they must be checked against it too.
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
                o.TokenValidationParameters.LifetimeValidator = (inicio, fin, _, p) =>
                {
                    var ahora = reloj.GetUtcNow().UtcDateTime;
                    return (inicio is null || inicio <= ahora + p.ClockSkew) && (fin is null || fin > ahora - p.ClockSkew);
                });
        });
    }
}

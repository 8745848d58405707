using Cobranzas.Api.Demo;
using Cobranzas.Api.Infraestructura;
using Cobranzas.Cartera;
using Cobranzas.Clientes;
using Cobranzas.Gestion;
using Cobranzas.Integraciones;
using Cobranzas.Notificaciones;
using Cobranzas.Platform;
using Cobranzas.Portal;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
if (GeneracionOpenApi.EnCurso)
    GeneracionOpenApi.Configurar(builder.Configuration);
builder.Host.UseSerilog((ctx, log) => log.ReadFrom.Configuration(ctx.Configuration).WriteTo.Console(new Serilog.Formatting.Compact.RenderedCompactJsonFormatter()));

builder.Services.AddHost(builder.Configuration);
// The platform goes first: module writes are audited into its tables, so its migrations run before theirs.
builder.AddModulo<PlataformaModulo>();
builder.AddModulo<ClientesModulo>();
builder.AddModulo<CarteraModulo>();
builder.AddModulo<GestionModulo>();
builder.AddModulo<NotificacionesModulo>();
builder.AddModulo<IntegracionesModulo>();
builder.AddModulo<PortalModulo>();
builder.Services.AddScoped<CargadorDemo>();

var app = builder.Build();

if (args is ["migrate", ..] or ["seed-demo", ..] or ["valores", ..])
    return await ComandosConsola.EjecutarAsync(app, args);

app.UseHost();
app.MapModulos();
await app.RunAsync();
return 0;

public partial class Program;

using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cobranzas.Platform.Idempotencia;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Serilog;

namespace Cobranzas.Api.Infraestructura;

public static class ConfiguracionHost
{
    public static IServiceCollection AddHost(this IServiceCollection services, IConfiguration configuracion)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ =>
        {
            var fuente = new NpgsqlDataSourceBuilder(PostgresOpciones.Conexion(configuracion));
            fuente.EnableDynamicJson();
            return fuente.Build();
        });

        services.AddMediator(o =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            // No Assemblies list: the generator scans every referenced assembly, so a module the host references is wired.
            o.PipelineBehaviors = [typeof(ValidacionBehavior<,>)];
        });
        services.AddTransient(typeof(IValidator<>), typeof(TextosSinNuloValidator<>));
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member?.Name;
        ValidatorOptions.Global.LanguageManager.Culture = System.Globalization.CultureInfo.GetCultureInfo("es");

        services.Configure<JsonOptions>(o =>
        {
            // A body that names a field the endpoint does not take (id, empresaId, creado...) is rejected, never ignored.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are numbers: the web defaults also read them from strings, which the OpenAPI document then has to
            // declare as number-or-string unions with a pattern. Decimals are written without the column's trailing zeros.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new DecimalJson());
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(ValoresObligatorios);
        });
        // Binding failures (bad JSON, wrong types) reach ManejadorProblemas, which names the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Instance ??= c.HttpContext.Request.Path);
        services.AddExceptionHandler<ManejadorProblemas>();

        services.AddOpenApi(
            "v1",
            o => o.AddDocumentTransformer<DocumentoOpenApi>().AddOperationTransformer<ParametrosCamelCase>().AddOperationTransformer<PermisosOpenApi>().AddOperationTransformer<ConflictoConcurrencia>().AddOperationTransformer<IdempotenciaOpenApi>().AddSchemaTransformer<EsquemasContrato>().AddSchemaTransformer<ReglasValidacionOpenApi>());
        services.AddLimitesUso(configuracion);
        services.AddHealthChecks().AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "postgresql", tags: ["ready"]);

        var otel = services.AddOpenTelemetry()
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql())
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentationIfAvailable());
        if (!string.IsNullOrEmpty(configuracion["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();

        return services;
    }

    /// <summary>
    /// A value-type constructor parameter without a default (a number, a date, a yes/no, an option) is required, as the
    /// OpenAPI document says: left out, the serializer would silently read 0, false or the first option.
    /// </summary>
    private static void ValoresObligatorios(JsonTypeInfo tipo)
    {
        if (tipo.Kind != JsonTypeInfoKind.Object)
            return;
        foreach (var propiedad in tipo.Properties)
        {
            if (propiedad.AssociatedParameter is { HasDefaultValue: false, IsNullable: false } && propiedad.PropertyType.IsValueType && Nullable.GetUnderlyingType(propiedad.PropertyType) is null)
                propiedad.IsRequired = true;
        }
    }

    public static WebApplication UseHost(this WebApplication app)
    {
        app.UseEncabezadosSeguridad();
        app.UseSerilogRequestLogging();
        // Outside the exception handler and the status-code pages: it keeps the answer the client really got.
        app.UseIdempotencia();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = Spa(app) });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Spa(app) });
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Cobranzas API v1");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "Cobranzas API";
        });
        app.UseSpa();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthChecks("/health", new() { Predicate = _ => false, ResponseWriter = EscribirSaludAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = EscribirSaludAsync }).AllowAnonymous();
        return app;
    }

    /// <summary>Only the status of each check: its exception, description and data (hosts, versions) stay in the log.</summary>
    private static Task EscribirSaludAsync(HttpContext http, HealthReport informe) =>
        http.Response.WriteAsJsonAsync(new
        {
            estado = informe.Status.ToString(),
            chequeos = informe.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        });

    /// <summary>
    /// The SPA's client-side routes (GET, outside /api, no matching endpoint) get index.html.
    /// A middleware rather than a fallback endpoint, so API routes keep their 405/415 answers.
    /// </summary>
    private static void UseSpa(this WebApplication app)
    {
        var spa = Spa(app);
        app.Use(async (http, siguiente) =>
        {
            if (http.GetEndpoint() is null && HttpMethods.IsGet(http.Request.Method) && !http.Request.Path.StartsWithSegments("/api")
                && spa.GetFileInfo("index.html") is { Exists: true } index)
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.SendFileAsync(index);
                return;
            }

            await siguiente(http);
        });
    }

    private static IFileProvider Spa(WebApplication app)
    {
        var directorio = app.Configuration["Spa:Directorio"];
        return !string.IsNullOrEmpty(directorio) && Directory.Exists(directorio)
            ? new PhysicalFileProvider(Path.GetFullPath(directorio))
            : new NullFileProvider();
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfAvailable(this MeterProviderBuilder m) => m.AddMeter("System.Runtime");
}

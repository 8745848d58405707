using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cobranzas.Api.Infraestructura;

/// <summary>Query parameters are documented camelCase, like the JSON fields (binding ignores case).</summary>
public sealed class ParametrosCamelCase : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parametro in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query && p.Name is { Length: > 0 }))
            parametro.Name = char.ToLowerInvariant(parametro.Name![0]) + parametro.Name[1..];
        return Task.CompletedTask;
    }
}

/// <summary>Declares the two ways to call the API so Swagger UI can try calls with either.</summary>
public sealed class DocumentoOpenApi : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Cobranzas API",
            Version = "v1",
            Description = "API de cobranzas: clientes, cartera, gestión, notificaciones e integraciones. " +
                "Autentíquese con `X-Api-Key` (ERP, socios) o con el token de `POST /api/v1/auth/login` (Bearer).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["Bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT", Description = "Token de sesión de usuario." },
            ["ApiKey"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key", Description = "API key de la empresa (ERP o socio)." },
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] },
        ];
        return Task.CompletedTask;
    }
}

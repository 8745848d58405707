using System.Text.Json.Serialization.Metadata;
using Cobranzas.SharedKernel.Http;
using Cobranzas.SharedKernel.Tenancy;
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

/// <summary>
/// Any write can meet another one editing the same row: ManejadorProblemas answers that DbUpdateConcurrencyException with
/// 409 "El registro cambió mientras se editaba", so every write documents a 409 problem.
/// </summary>
public sealed class ConflictoConcurrencia : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.HttpMethod is "POST" or "PUT" or "PATCH" or "DELETE" && operation.Responses is { } respuestas && !respuestas.ContainsKey("409")
            && respuestas.Values.OfType<OpenApiResponse>().SelectMany(r => r.Content?.Values ?? []).FirstOrDefault(c => c.Schema is OpenApiSchemaReference { Reference.Id: "ProblemDetails" }) is { } problema)
        {
            respuestas["409"] = new OpenApiResponse
            {
                Description = "Conflict",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problema.Schema } },
            };
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// What an integrator's generated client needs from each schema. Required means required: System.Text.Json's schema marks every
/// constructor parameter required, so a nullable one, or one with a default, is taken out (unless the member itself is
/// <c>required</c>/[JsonRequired], which the serializer enforces). Decimals are exact (<c>format: decimal</c>, not double) and,
/// unless their DTO describes them otherwise ([Description]: a percentage, an exchange rate), money in their currency's scale.
/// </summary>
public sealed class EsquemasContrato : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var tipo = context.JsonTypeInfo;
        if (tipo.Kind == JsonTypeInfoKind.Object && schema.Required is { Count: > 0 } requeridas)
        {
            foreach (var propiedad in tipo.Properties.Where(Opcional))
                requeridas.Remove(propiedad.Name);
        }

        // ProblemDetails carries its extensions (traceId, errors) as extension data: the "no unknown members" rule is for requests.
        if (typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(tipo.Type))
        {
            schema.AdditionalPropertiesAllowed = true;
            schema.AdditionalProperties = null;
        }

        // DecimalJson is a custom converter, of which the schema exporter knows nothing: the type is said here.
        if (EsDecimal(tipo.Type))
        {
            Decimal(schema, tipo.Type);
            if (context.JsonPropertyInfo is { } propiedad && EsDecimal(propiedad.PropertyType))
                schema.Description ??= DecimalJson.NoEsMonto(propiedad.Name) ? DecimalJson.DescripcionNoMonto : DecimalJson.DescripcionMonto;
        }
        else if (tipo.Kind == JsonTypeInfoKind.Enumerable && tipo.ElementType is { } elemento && EsDecimal(elemento))
        {
            schema.Items = Decimal(new OpenApiSchema(), elemento);
        }

        return Task.CompletedTask;
    }

    private static bool Opcional(JsonPropertyInfo propiedad) =>
        !propiedad.IsRequired && (propiedad.AssociatedParameter is { HasDefaultValue: true } or { IsNullable: true } || propiedad.IsGetNullable);

    private static bool EsDecimal(Type tipo) => (Nullable.GetUnderlyingType(tipo) ?? tipo) == typeof(decimal);

    private static OpenApiSchema Decimal(OpenApiSchema schema, Type tipo)
    {
        schema.Type = Nullable.GetUnderlyingType(tipo) is null ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
        schema.Format = "decimal";
        return schema;
    }
}

/// <summary>Declares the two ways to call the API so Swagger UI can try calls with either.</summary>
public sealed class DocumentoOpenApi : IOpenApiDocumentTransformer
{
    public const string EsquemaPortal = "PortalSesion";

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
            [EsquemaPortal] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = SesionesPortal.Encabezado,
                Description = "Sesión del portal de clientes: el token de `POST /api/v1/portal/sesion`. Sólo lo aceptan las operaciones `/api/v1/portal/...`.",
            },
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] },
        ];
        return Task.CompletedTask;
    }
}

/// <summary>
/// The limits the FluentValidation validators of a body type enforce on each field, read from their rules so the document
/// tells the same as the API: maximum length, and minimum or maximum of numbers. Only unconditional rules on the body type's
/// own validator: one that applies only in some cases, or that a command validates through its wrapper, is not a fixed limit.
/// </summary>
public sealed class ReglasValidacionOpenApi : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not { AttributeProvider: System.Reflection.MemberInfo miembro } propiedad)
            return Task.CompletedTask;

        using var alcance = context.ApplicationServices.CreateScope();
        var validadores = alcance.ServiceProvider.GetServices(typeof(FluentValidation.IValidator<>).MakeGenericType(propiedad.DeclaringType)).OfType<FluentValidation.IValidator>();
        var componentes = validadores.SelectMany(v => v.CreateDescriptor().GetRulesForMember(miembro.Name)).SelectMany(r => r.Components).Where(c => !c.HasCondition && !c.HasAsyncCondition);
        foreach (var validador in componentes.Select(c => c.Validator))
        {
            switch (validador)
            {
                case FluentValidation.Validators.ILengthValidator { Max: > 0 } largo:
                    schema.MaxLength = schema.MaxLength is { } actual ? Math.Min(actual, largo.Max) : largo.Max;
                    break;
                case FluentValidation.Validators.IComparisonValidator { MemberToCompare: null, ValueToCompare: { } valor } comparacion when Numero(valor) is { } n:
                    switch (comparacion.Comparison)
                    {
                        case FluentValidation.Validators.Comparison.GreaterThanOrEqual: schema.Minimum = n; break;
                        case FluentValidation.Validators.Comparison.GreaterThan: schema.ExclusiveMinimum = n; break;
                        case FluentValidation.Validators.Comparison.LessThanOrEqual: schema.Maximum = n; break;
                        case FluentValidation.Validators.Comparison.LessThan: schema.ExclusiveMaximum = n; break;
                    }

                    break;
                case FluentValidation.Validators.IBetweenValidator entre when validador.Name == "InclusiveBetweenValidator" && Numero(entre.From) is { } desde && Numero(entre.To) is { } hasta:
                    schema.Minimum = desde;
                    schema.Maximum = hasta;
                    break;
            }
        }

        return Task.CompletedTask;
    }

    private static string? Numero(object? valor) => valor switch
    {
        int or long or short or decimal or double or float => Convert.ToString(valor, System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}

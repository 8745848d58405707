using Cobranzas.Platform.Idempotencia;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cobranzas.Api.Infraestructura;

/// <summary>
/// Every authenticated POST takes an optional <c>Idempotency-Key</c> (see <see cref="IdempotenciaMiddleware"/>): the header is
/// documented, and the 422 a key reused with another body gets. Anonymous POSTs (login, provider notifications) have no company
/// to keep keys for.
/// </summary>
public sealed class IdempotenciaOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.HttpMethod != "POST" || context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            return Task.CompletedTask;

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotenciaMiddleware.Encabezado,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Clave única del cliente para reintentar sin duplicar (p. ej. un UUID): durante 24 h la misma clave con la misma solicitud "
                + "devuelve la primera respuesta (encabezado Idempotent-Replayed); con otra solicitud, 422; mientras la primera sigue en curso, 409.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotenciaMiddleware.LargoMaximo, Pattern = "^[\\x20-\\x7E]+$" },
        });

        if (operation.Responses is { } respuestas && !respuestas.ContainsKey("422")
            && respuestas.Values.OfType<OpenApiResponse>().SelectMany(r => r.Content?.Values ?? []).FirstOrDefault(c => c.Schema is OpenApiSchemaReference { Reference.Id: "ProblemDetails" }) is { } problema)
        {
            respuestas["422"] = new OpenApiResponse
            {
                Description = "Unprocessable Entity",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problema.Schema } },
            };
        }

        return Task.CompletedTask;
    }
}

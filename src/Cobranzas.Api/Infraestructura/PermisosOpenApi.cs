using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cobranzas.Api.Infraestructura;

/// <summary>
/// Says in the document what each operation requires, from the endpoint's own authorization metadata:
/// <c>x-permisos</c> lists the permission policies (ver, editar, administrar…), and an anonymous
/// operation gets an empty <c>security</c> list. Integrators read it, and the generated tests derive
/// who may call what from it instead of from hand-kept lists.
/// </summary>
public sealed class PermisosOpenApi : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadatos = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadatos.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return Task.CompletedTask;
        }

        var permisos = metadatos.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (permisos.Count > 0)
        {
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-permisos"] = new JsonNodeExtension(new JsonArray([.. permisos.Select(p => JsonValue.Create(p))]));
        }

        return Task.CompletedTask;
    }
}

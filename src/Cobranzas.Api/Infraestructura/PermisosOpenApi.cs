using System.Text.Json.Nodes;
using Cobranzas.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cobranzas.Api.Infraestructura;

/// <summary>
/// Says in the document what each operation requires, from the endpoint's own authorization metadata:
/// <c>x-permisos</c> lists the permission policies (ver, editar, administrar…), and an anonymous
/// operation gets an empty <c>security</c> list, and a portal one the portal session's scheme alone. Integrators read it, and the generated tests derive
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

        // A portal operation takes only the portal's session header, never the staff's Bearer or API key of the document's default.
        if (permisos.Contains(SesionesPortal.Politica))
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentoOpenApi.EsquemaPortal, context.Document)] = [] }];

        return Task.CompletedTask;
    }
}

using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Cobranzas.SharedKernel.Http;

/// <summary>Turns exceptions into RFC 9457 problem details that name the field and the rule.</summary>
public sealed partial class ManejadorProblemas(IProblemDetailsService problemas) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // A notification with several handlers (Mediator's publisher) wraps a handler's refusal in an AggregateException.
        if (exception is AggregateException { InnerExceptions: [var unica] })
            exception = unica;
        ProblemDetails? problema = exception switch
        {
            ValidationException v => Validacion(v.Errors.GroupBy(e => Camel(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => $"{CodigosRegla.DeValidacion(e.ErrorCode)}: {e.ErrorMessage}").ToArray())),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => CuerpoDemasiadoGrande(http),
            BadHttpRequestException { InnerException: JsonException j } => Validacion(CamposJson(j).ToDictionary(c => c, _ => new[] { $"tipo: {MensajeJson(j)}" })),
            BadHttpRequestException b when ParametroMalEnlazado().Match(b.Message) is { Success: true } m =>
                Validacion(new() { [Camel(m.Groups[1].Value)] = [$"tipo: El valor «{m.Groups[2].Value}» no es válido para este parámetro."] }),
            BadHttpRequestException b when ParteDeFormularioFaltante().Match(b.Message) is { Success: true } m =>
                Validacion(new() { [Camel(m.Groups[1].Value)] = [$"requerido: Falta «{Camel(m.Groups[1].Value)}» en el formulario (multipart/form-data), o no se pudo leer."] }),
            BadHttpRequestException b => Validacion(new() { ["$"] = [$"solicitud: {b.Message}"] }),
            LimiteExcedidoException l => LimitesUso.Problema(l.SegundosParaReintentar),
            CredencialesInvalidasException c => new ProblemDetails { Status = 401, Title = "No autenticado", Detail = c.Message },
            NoEncontradoException n => new ProblemDetails { Status = 404, Title = "No encontrado", Detail = n.Message },
            ConflictoException c => Con(new ProblemDetails { Status = 409, Title = "Conflicto", Detail = c.Message }, c.Campo, c.Message),
            ReglaNegocioException r => Con(new ProblemDetails { Status = 422, Title = "Regla de negocio", Detail = r.Message }, r.Campo, $"{r.Regla}: {r.Message}"),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => new ProblemDetails { Status = 409, Title = "Conflicto", Detail = "El registro cambió mientras se editaba; recárguelo." },
            Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p } => new ProblemDetails { Status = 409, Title = "Conflicto", Detail = $"Registro duplicado ({p.ConstraintName})." },
            _ => null,
        };
        if (problema is null)
            return false;

        http.Response.StatusCode = problema.Status ?? 400;
        if (exception is LimiteExcedidoException limite)
            http.Response.Headers.RetryAfter = limite.SegundosParaReintentar.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemas.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problema, Exception = exception });
    }

    private static ProblemDetails CuerpoDemasiadoGrande(HttpContext http)
    {
        var maximo = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        var limite = maximo is { } bytes ? $"el máximo de {bytes / (1024 * 1024)} MB que admite esta operación" : "el máximo que admite esta operación";
        return Con(
            new ProblemDetails { Status = 413, Title = "Solicitud demasiado grande", Detail = $"El cuerpo de la solicitud supera {limite}; divida el envío." },
            "$", $"cuerpo_demasiado_grande: El cuerpo supera {limite}.");
    }

    private static HttpValidationProblemDetails Validacion(Dictionary<string, string[]> errores) =>
        new(errores) { Status = 400, Title = "Datos inválidos", Detail = string.Join(" ", errores.Select(e => $"{e.Key}: {string.Join("; ", e.Value)}")) };

    private static ProblemDetails Con(ProblemDetails p, string campo, string mensaje)
    {
        p.Extensions["errors"] = new Dictionary<string, string[]> { [campo] = [mensaje] };
        return p;
    }

    // e.g. Failed to bind parameter "int? pagina" from "abc".
    [System.Text.RegularExpressions.GeneratedRegex(@"parameter ""(?:[^"" ]+ )?([^"" ]+)"" from ""([^""]*)""")]
    private static partial System.Text.RegularExpressions.Regex ParametroMalEnlazado();

    // e.g. Failed to read parameter "IFormFile archivo" from the request body as form. / Required parameter "IFormFile archivo" was not provided from form file.
    [System.Text.RegularExpressions.GeneratedRegex(@"parameter ""(?:[^"" ]+ )?([^"" ]+)"" (?:from the request body as form|was not provided from form)")]
    private static partial System.Text.RegularExpressions.Regex ParteDeFormularioFaltante();

    /// <summary>What went wrong in the JSON, in Spanish and without the .NET type the serializer names.</summary>
    public static string MensajeJson(JsonException j) => j.Message switch
    {
        var m when m.Contains("could not be mapped", StringComparison.Ordinal) => "Esta operación no admite el campo.",
        var m when m.Contains("missing required properties including:", StringComparison.Ordinal) =>
            $"Faltan campos obligatorios: {m[(m.IndexOf("including:", StringComparison.Ordinal) + 10)..].Trim().TrimEnd('.')}.",
        _ => "El valor no tiene el tipo o el formato esperado (números como números, fechas aaaa-mm-dd, ids como UUID).",
    };

    private static string CampoJson(string? ruta) => string.IsNullOrEmpty(ruta) || ruta == "$" ? "$" : ruta.TrimStart('$', '.');

    /// <summary>
    /// The fields a JSON error is about: the path where reading stopped or, when required properties are missing, each of
    /// them under the object that lacks it (the serializer's path names only that object).
    /// </summary>
    public static IReadOnlyList<string> CamposJson(JsonException j)
    {
        var faltantes = FaltanObligatorios().Match(j.Message);
        if (!faltantes.Success)
            return [CampoJson(j.Path)];
        var objeto = CampoJson(j.Path);
        return faltantes.Groups[1].Captures.Select(c => objeto == "$" ? c.Value : $"{objeto}.{c.Value}").ToList();
    }

    // e.g. JSON deserialization for type 'X' was missing required properties including: 'iva', 'exento'.
    [System.Text.RegularExpressions.GeneratedRegex(@"missing required properties including:(?:\s*'([^']+)',?)+")]
    private static partial System.Text.RegularExpressions.Regex FaltanObligatorios();

    /// <summary>
    /// Field name as the client sent it: camelCase, without the <c>Cuerpo.</c> prefix of requests
    /// that wrap the HTTP body next to route values, nor the <c>Filtros.</c> or <c>Consulta.</c> of an export
    /// that wraps its list's or report's query parameters.
    /// </summary>
    public static string Camel(string nombre)
    {
        var partes = nombre.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]).ToList();
        if (partes.Count > 1 && partes[0] is "cuerpo" or "filtros" or "consulta")
            partes.RemoveAt(0);
        // A body that is an array: "Cuerpo[0].Valor" is the client's "[0].valor".
        else if (partes[0].StartsWith("cuerpo[", StringComparison.Ordinal))
            partes[0] = partes[0]["cuerpo".Length..];
        return string.Join('.', partes);
    }
}

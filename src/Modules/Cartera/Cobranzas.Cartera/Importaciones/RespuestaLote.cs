using Microsoft.AspNetCore.Mvc;

namespace Cobranzas.Cartera.Importaciones;

/// <summary>
/// A JSON batch that was rejected (nothing saved) answers 422 like any other write with bad input: <c>errors</c>
/// names each bad field by its path in the array ("[3].folio") and <c>errores</c> keeps the row list.
/// A file upload answers 200 with <c>aplicado: false</c> instead, as the Clientes import does, so people see the table.
/// </summary>
public static class RespuestaLote
{
    public static Results<Ok<T>, ProblemHttpResult> Desde<T>(T resultado, bool aplicado, IReadOnlyList<ErrorFila> errores, HttpContext http)
    {
        if (aplicado)
            return TypedResults.Ok(resultado);
        var problema = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Lote rechazado",
            Detail = $"{errores.Select(e => e.Fila).Distinct().Count()} fila(s) con errores; no se guardó nada (use ?parcial=true para guardar las filas válidas).",
            Instance = http.Request.Path,
        };
        problema.Extensions["errors"] = errores.GroupBy(e => $"[{e.Fila - 1}].{e.Campo}").ToDictionary(g => g.Key, g => g.Select(e => $"{e.Regla}: {e.Mensaje}").ToArray());
        problema.Extensions["errores"] = errores;
        return TypedResults.Problem(problema);
    }
}

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
        if (errores.FirstOrDefault(e => e.Regla == LimitesLote.ReglaFilas) is { } excedido)
        {
            var demasiado = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge, Title = "Lote demasiado grande", Detail = excedido.Mensaje, Instance = http.Request.Path,
            };
            demasiado.Extensions["errors"] = new Dictionary<string, string[]> { ["lote"] = [$"{excedido.Regla}: {excedido.Mensaje}"] };
            demasiado.Extensions["errores"] = new[] { excedido };
            return TypedResults.Problem(demasiado);
        }

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

/// <summary>
/// What one JSON batch may carry: the rows the handlers read, and the body the server accepts for these endpoints (above
/// the host's 30 MB default, so that 100 000 ordinary rows fit: a document row of an ERP is about 300-400 bytes).
/// </summary>
public static class LimitesLote
{
    public const int FilasMaximas = 100_000;
    public const long BytesMaximos = 64L * 1024 * 1024;
    public const string ReglaFilas = "demasiadas_filas";

    public static readonly RequestSizeLimitAttribute Cuerpo = new(BytesMaximos);

    private static string Filas => FilasMaximas.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("es-CL"));

    public static string Descripcion(string que) =>
        $"Hasta {Filas} filas y {BytesMaximos / (1024 * 1024)} MB por lote. Un lote con más {que} se rechaza entero (413, regla {ReglaFilas}, aun con " +
        "parcial=true), igual que un cuerpo más grande (413); divídalo en varios lotes. Con filas inválidas responde 422 y no guarda nada, salvo parcial=true.";

    public static ErrorFila Excedido(int fila, string que) =>
        new(fila, "lote", ReglaFilas, $"El lote trae más de {Filas} {que}; el máximo es {Filas} por lote: divídalo. No se guardó nada.");
}

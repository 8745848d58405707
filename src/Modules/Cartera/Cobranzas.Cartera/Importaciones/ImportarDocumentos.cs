using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Cobranzas.Cartera.Documentos;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Cobranzas.Cartera.Importaciones;

/// <summary>
/// Documents from a CSV or XLSX sheet people keep: each column is named as the JSON field, or as the
/// <c>mapeo</c> says ({"folio": "Nro Documento"}); rows go through the same staging and merge as the ERP batch.
/// </summary>
public sealed record ImportarDocumentos(Stream Archivo, string NombreArchivo, string? Mapeo, bool Parcial) : IRequest<ResultadoLote>
{
    public static void Map(RutasModulo rutas) => rutas.Escribir.MapPost("/importaciones/documentos", async Task<Ok<ResultadoLote>> (IFormFile archivo, [FromForm] string? mapeo, bool? parcial, IMediator m, CancellationToken ct) =>
        {
            await using var contenido = archivo.OpenReadStream();
            return TypedResults.Ok(await m.Send(new ImportarDocumentos(contenido, archivo.FileName, mapeo, parcial ?? false), ct));
        })
        .WithName("ImportarDocumentos").DisableAntiforgery().ProducesValidationProblem().ProducesProblem(422).ConLimite(LimitesUso.Importaciones);
}

public sealed class ImportarDocumentosHandler(IMediator mediator) : IRequestHandler<ImportarDocumentos, ResultadoLote>
{
    public static readonly string[] Campos =
        ["tipo", "folio", "rut", "clienteId", "fechaEmision", "fechaVencimiento", "moneda", "neto", "exento", "iva", "total", "externalId", "notas"];

    public async ValueTask<ResultadoLote> Handle(ImportarDocumentos request, CancellationToken cancellationToken)
    {
        var mapeo = LeerMapeo(request.Mapeo);
        List<FilaTabla> filas;
        try
        {
            filas = LectorTabla.Leer(request.Archivo, request.NombreArchivo);
        }
        catch (Exception ex) when (ex is CsvHelper.CsvFormatException or InvalidDataException or IOException or InvalidOperationException)
        {
            return new ResultadoLote(false, 0, 0, 0, [new ErrorFila(1, "archivo", "formato", $"No se pudo leer el archivo: {ex.Message}")]);
        }

        if (filas.Count > 0)
        {
            var faltantes = new[] { "tipo", "folio", "fechaEmision", "total" }.Select(c => mapeo.GetValueOrDefault(c, c))
                .Where(c => !filas[0].Celdas.ContainsKey(LectorTabla.Normalizar(c))).ToList();
            if (faltantes.Count > 0)
                return new ResultadoLote(false, filas.Count, 0, 0, faltantes.Select(c => new ErrorFila(1, c, "columna_faltante", $"Falta la columna {c}.")).ToList());
        }

        var resultado = await mediator.Send(new ImportarLoteDocumentos(Convertir(filas, mapeo), request.Parcial), cancellationToken);
        return filas.Count == 0 ? resultado : resultado with { Errores = resultado.Errores.Select(e => ConColumna(e, filas[0], mapeo)).ToList() };
    }

    /// <summary>A field the file has no column for, named as the import screen names it.</summary>
    private static readonly Dictionary<string, string> Etiquetas = new()
    {
        ["tipo"] = "Tipo", ["folio"] = "Folio", ["rut"] = "RUT del cliente", ["clienteId"] = "Id del cliente", ["fechaEmision"] = "Fecha de emisión",
        ["fechaVencimiento"] = "Fecha de vencimiento", ["moneda"] = "Moneda", ["neto"] = "Neto", ["exento"] = "Exento", ["iva"] = "IVA",
        ["total"] = "Total", ["externalId"] = "Id externo", ["notas"] = "Notas",
    };

    /// <summary>The error names the person's column (through the mapping, as the file writes it) and says it in its sentence.</summary>
    private static ErrorFila ConColumna(ErrorFila error, FilaTabla fila, Dictionary<string, string> mapeo)
    {
        if (!Campos.Contains(error.Campo))
            return error;
        var enArchivo = mapeo.GetValueOrDefault(error.Campo, error.Campo);
        var columna = fila.Celdas.ContainsKey(LectorTabla.Normalizar(enArchivo)) ? fila.Encabezado(enArchivo) : Etiquetas[error.Campo];
        var mensaje = LectorTabla.NombrarColumna(error.Mensaje, error.Campo, columna);
        // "Indique fechaVencimiento o cuotas.": the field's code name in a sentence reads as its label.
        mensaje = System.Text.RegularExpressions.Regex.Replace(mensaje, $@"\b{error.Campo}\b", $"«{columna}»");
        return error with { Columna = columna, Mensaje = mensaje };
    }

    private static Dictionary<string, string> LeerMapeo(string? mapeo)
    {
        if (string.IsNullOrWhiteSpace(mapeo))
            return [];
        Dictionary<string, string>? leido;
        try
        {
            leido = JsonSerializer.Deserialize<Dictionary<string, string>>(mapeo);
        }
        catch (JsonException)
        {
            throw new ReglaNegocioException("mapeo", "json", "El mapeo es un objeto JSON {\"campo\": \"columna del archivo\"}.");
        }

        var desconocidos = (leido ?? []).Keys.Where(k => !Campos.Contains(k)).ToList();
        if (desconocidos.Count > 0)
            throw new ReglaNegocioException("mapeo", "campo_desconocido", $"Campos desconocidos en el mapeo: {string.Join(", ", desconocidos)}. Use: {string.Join(", ", Campos)}.");
        return leido ?? [];
    }

    private static async IAsyncEnumerable<FilaLote> Convertir(List<FilaTabla> filas, Dictionary<string, string> mapeo, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var fila in filas)
        {
            ct.ThrowIfCancellationRequested();
            var errores = new List<ErrorFila>();
            string? Texto(string campo) => fila.Valor(mapeo.GetValueOrDefault(campo, campo));

            decimal? Numero(string campo)
            {
                if (Texto(campo) is not { } t)
                    return null;
                // "1.234.567" and "37.123,4567" as es-CL writes them; "1234567.5" as a machine does.
                var cultura = t.Contains(',') || t.Count(c => c == '.') > 1 ? CultureInfo.GetCultureInfo("es-CL") : CultureInfo.InvariantCulture;
                if (decimal.TryParse(t.Replace("$", "").Trim(), NumberStyles.Number, cultura, out var n))
                    return n;
                errores.Add(new ErrorFila(fila.Numero, campo, "formato", $"'{t}' no es un número."));
                return null;
            }

            DateOnly? Fecha(string campo)
            {
                if (Texto(campo) is not { } t)
                    return null;
                if (DateOnly.TryParseExact(t.Length > 10 ? t[..10] : t, ["yyyy-MM-dd", "dd-MM-yyyy", "dd/MM/yyyy", "d-M-yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var f))
                    return f;
                errores.Add(new ErrorFila(fila.Numero, campo, "formato", $"'{t}' no es una fecha (aaaa-mm-dd o dd-mm-aaaa)."));
                return null;
            }

            var folio = Numero("folio");
            if (folio is not null && folio != decimal.Truncate(folio.Value))
                errores.Add(new ErrorFila(fila.Numero, "folio", "formato", "El folio es un número entero."));
            Guid? clienteId = null;
            if (Texto("clienteId") is { } id)
            {
                if (Guid.TryParse(id, out var g))
                    clienteId = g;
                else
                    errores.Add(new ErrorFila(fila.Numero, "clienteId", "formato", $"'{id}' no es un identificador."));
            }

            var total = Numero("total") ?? 0;
            var exento = Numero("exento") ?? 0;
            var iva = Numero("iva") ?? 0;
            var neto = Numero("neto") ?? total - exento - iva;
            var emision = Fecha("fechaEmision");
            var vencimiento = Fecha("fechaVencimiento");
            if (errores.Count > 0)
            {
                yield return new FilaLote(fila.Numero, null, errores);
                continue;
            }

            var datos = new DatosDocumento(
                Texto("tipo") ?? "", folio is { } f && f is > 0 and < long.MaxValue ? (long)f : 0, clienteId, Texto("rut"), emision ?? default, vencimiento, null,
                Texto("moneda")?.ToUpperInvariant() ?? "CLP", neto, exento, iva, total, null, "erp", Texto("externalId"), Texto("notas"));
            yield return new FilaLote(fila.Numero, datos, []);
            await Task.CompletedTask;
        }
    }
}

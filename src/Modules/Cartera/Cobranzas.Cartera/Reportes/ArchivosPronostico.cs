using System.Globalization;
using System.Net;
using System.Text;
using Cobranzas.SharedKernel.Archivos;
using Cobranzas.SharedKernel.Pdf;
using FluentValidation;

namespace Cobranzas.Cartera.Reportes;

/// <summary>The forecast's tables as CSV/XLSX (<see cref="Exportacion"/>) or PDF (an HTML table printed by Chromium).</summary>
public static class ArchivosPronostico
{
    public static readonly string[] Formatos = ["csv", "xlsx", "pdf"];

    /// <summary>Optional: without it the file is XLSX, as the document list's export.</summary>
    public static IRuleBuilderOptions<T, string?> ReglaFormatoPronostico<T>(this IRuleBuilder<T, string?> regla) =>
        regla.Must(f => f is null || Formatos.Contains(f)).WithName("formato").WithMessage("Formato debe ser csv, xlsx o pdf.");

    public static FileContentHttpResult Respuesta(ArchivoExportado a) => TypedResults.File(a.Contenido, a.TipoContenido, a.NombreArchivo);

    public static async Task<ArchivoExportado> GenerarAsync(
        ImpresoraPdf impresora, string? formato, string nombre, string hoja, string titulo, string nota, IReadOnlyList<string> encabezados,
        IReadOnlyList<IReadOnlyList<object?>> filas, CancellationToken ct)
    {
        if (formato != "pdf")
            return Exportacion.Generar(formato ?? "xlsx", nombre, hoja, encabezados, filas);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"es-CL\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(titulo)).Append("</title><style>")
            .Append("@page{size:A4 landscape;margin:12mm}body{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;font-size:9pt;color:#222}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:3px 5px;text-align:left}td.n{text-align:right}p.nota{color:#555}")
            .Append("</style></head><body><h1>").Append(WebUtility.HtmlEncode(titulo)).Append("</h1><p class=\"nota\">").Append(WebUtility.HtmlEncode(nota)).Append("</p><table><thead><tr>");
        foreach (var e in encabezados)
            html.Append("<th>").Append(WebUtility.HtmlEncode(e)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var f in filas)
        {
            html.Append("<tr>");
            foreach (var c in f)
                html.Append(c is decimal or int or double ? "<td class=\"n\">" : "<td>").Append(WebUtility.HtmlEncode(Texto(c))).Append("</td>");
            html.Append("</tr>");
        }

        html.Append("</tbody></table></body></html>");
        return new ArchivoExportado(await impresora.ImprimirAsync(html.ToString(), ct), "application/pdf", nombre + ".pdf");
    }

    private static readonly CultureInfo Chile = CultureInfo.GetCultureInfo("es-CL");

    private static string Texto(object? valor) => valor switch
    {
        null => "",
        DateOnly d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        decimal m => "$" + m.ToString("N0", Chile),
        double x => x.ToString("P0", Chile),
        IFormattable f => f.ToString(null, Chile),
        _ => valor.ToString() ?? "",
    };
}

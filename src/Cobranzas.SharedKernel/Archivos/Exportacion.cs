using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Cobranzas.SharedKernel.Archivos;

/// <summary>A file an export answers: its bytes, content type and download name.</summary>
public sealed record ArchivoExportado(byte[] Contenido, string TipoContenido, string NombreArchivo);

/// <summary>
/// The one home of the table exports (CSV and XLSX), so every one opens right in a Chilean Excel: CSV with <c>;</c>,
/// a UTF-8 BOM, decimal comma and dd-mm-aaaa dates; XLSX with real numbers and dates. Every text cell, headers
/// included, goes through <see cref="Formulas.Neutralizar"/>: nothing a user typed runs as a formula.
/// </summary>
public static class Exportacion
{
    public const string TipoXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string TipoCsv = "text/csv; charset=utf-8";
    public static readonly string[] Formatos = ["xlsx", "csv"];

    private static readonly CultureInfo Chile = CultureInfo.GetCultureInfo("es-CL");

    public static ArchivoExportado Generar(string formato, string nombre, string hoja, IReadOnlyList<string> encabezados, IEnumerable<IReadOnlyList<object?>> filas) =>
        formato == "xlsx"
            ? new ArchivoExportado(Xlsx(hoja, encabezados, filas), TipoXlsx, nombre + ".xlsx")
            : new ArchivoExportado(Csv(encabezados, filas), TipoCsv, nombre + ".csv");

    public static byte[] Csv(IReadOnlyList<string> encabezados, IEnumerable<IReadOnlyList<object?>> filas)
    {
        using var salida = new MemoryStream();
        using (var csv = CsvWriter.Create(salida, new CsvWriterOptions { WriteByteOrderMark = true, Separator = ';' }, leaveOpen: true))
        {
            csv.WriteHeader(encabezados.Select(e => Formulas.Neutralizar(e) ?? "").ToArray());
            foreach (var fila in filas)
                csv.WriteRecord(fila.Select(TextoCsv).ToArray());
        }

        return salida.ToArray();
    }

    public static byte[] Xlsx(string hoja, IReadOnlyList<string> encabezados, IEnumerable<IReadOnlyList<object?>> filas)
    {
        var nombres = encabezados.Select(e => Formulas.Neutralizar(e)!).ToArray();
        var hojaFilas = filas.Select(f => nombres.Select((c, i) => (c, Celda(i < f.Count ? f[i] : null))).ToDictionary(x => x.c, x => x.Item2));
        using var salida = new MemoryStream();
        // MiniExcel's async writer puts <drawing> inside <sheetData> (invalid OOXML); the synchronous one does not, and the stream is in memory.
        salida.SaveAs(hojaFilas, sheetName: hoja);
        return salida.ToArray();
    }

    /// <summary>An XLSX cell: texts neutralised, dates as dates, numbers as numbers.</summary>
    public static object? Celda(object? valor) => valor switch
    {
        string s => Formulas.Neutralizar(s),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ => valor,
    };

    /// <summary>A CSV cell as Excel in es-CL reads it: decimal comma without thousands separator, dd-mm-aaaa.</summary>
    public static string TextoCsv(object? valor) => valor switch
    {
        null => "",
        string s => Formulas.Neutralizar(s) ?? "",
        DateOnly d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        bool b => b ? "Sí" : "No",
        decimal m => m.ToString("0.############", Chile),
        IFormattable f => f.ToString(null, Chile),
        _ => Formulas.Neutralizar(valor.ToString()) ?? "",
    };
}

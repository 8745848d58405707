using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Cobranzas.SharedKernel.Archivos;

/// <summary>A data row of an uploaded sheet, with its row number as a person sees it in the file (header = 1).</summary>
/// <param name="Encabezados">Each normalised header as the file writes it ("Razón Social"), to name a column in an error the way the person's file does.</param>
public sealed record FilaTabla(int Numero, IReadOnlyDictionary<string, string?> Celdas, IReadOnlyDictionary<string, string>? Encabezados = null)
{
    /// <summary>The column's header as the file writes it, or <paramref name="columna"/> when the file has no such column.</summary>
    public string Encabezado(string columna) =>
        Encabezados is not null && Encabezados.TryGetValue(LectorTabla.Normalizar(columna), out var original) && !string.IsNullOrWhiteSpace(original) ? original.Trim() : columna;

    public string? Valor(string columna) =>
        Celdas.TryGetValue(LectorTabla.Normalizar(columna), out var v) && !string.IsNullOrWhiteSpace(v) ? Formulas.Restaurar(v.Trim()) : null;
}

/// <summary>Reads CSV (CsvHelper, ; or , detected) and XLSX (MiniExcel) into rows keyed by normalised header.</summary>
public static class LectorTabla
{
    public static List<FilaTabla> Leer(Stream archivo, string nombreArchivo)
    {
        var esExcel = nombreArchivo.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        return esExcel ? LeerXlsx(archivo) : LeerCsv(archivo);
    }

    private static List<FilaTabla> LeerCsv(Stream archivo)
    {
        // The separator (, ; tab |) and a UTF-8 BOM are detected by CsvHelper.
        using var csv = CsvReader.Create(archivo, new CsvReaderOptions { TrackLineNumbers = true, SkipEmptyLines = true }, leaveOpen: true);
        var encabezados = csv.Headers.Select(Normalizar).ToArray();
        var originales = Originales(csv.Headers);
        var filas = new List<FilaTabla>();
        while (csv.Read())
        {
            var celdas = new Dictionary<string, string?>();
            for (var i = 0; i < encabezados.Length; i++)
                celdas[encabezados[i]] = i < csv.FieldCount ? csv.GetStringOrNull(i) : null;
            if (celdas.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
                filas.Add(new FilaTabla((int)csv.LineNumber, celdas, originales));
        }

        return filas;
    }

    private static List<FilaTabla> LeerXlsx(Stream archivo)
    {
        var filas = new List<FilaTabla>();
        var numero = 1;
        IReadOnlyDictionary<string, string>? originales = null;
        foreach (IDictionary<string, object?> fila in archivo.Query(useHeaderRow: true))
        {
            numero++;
            originales ??= Originales(fila.Keys);
            var celdas = fila.ToDictionary(k => Normalizar(k.Key), k => Texto(k.Value));
            if (celdas.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
                filas.Add(new FilaTabla(numero, celdas, originales));
        }

        return filas;
    }

    private static string? Texto(object? valor) => valor switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => valor.ToString(),
    };

    private static Dictionary<string, string> Originales(IEnumerable<string> encabezados)
    {
        var originales = new Dictionary<string, string>();
        foreach (var e in encabezados)
            originales.TryAdd(Normalizar(e), e);
        return originales;
    }

    /// <summary>
    /// A validator's sentence names the field the way the code does ("'Fecha Emision' no es válido."); an import error names
    /// the person's column instead ("«Fecha de emisión» no es válido."). Only a quoted text that is the field itself is replaced.
    /// </summary>
    public static string NombrarColumna(string mensaje, string campo, string columna)
    {
        var clave = Normalizar(campo);
        return System.Text.RegularExpressions.Regex.Replace(mensaje, "'([^']{1,80})'", m => Normalizar(m.Groups[1].Value) == clave ? $"«{columna}»" : m.Value);
    }

    /// <summary>"Razón Social", "razon_social" and "razonSocial" name the same column.</summary>
    public static string Normalizar(string encabezado)
    {
        var sinTildes = encabezado.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(sinTildes.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
    }
}
